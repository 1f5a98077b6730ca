"""The rule registry: the single source of truth for every PRD code.

Each rule family keeps its table in a sibling module (``placeholder_data``, ``credentials``,
``fallback``, ``compose``, ``secrets``, ``tool``); this module joins them and answers
look-ups. The plugin, the hooks, the output formats, the docs generator and the tests
all read rules from here and nowhere else. Nothing here knows about the AST, YAML or
detect-secrets, so any face can import it cheaply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

DOCS_BASE_URL = "https://github.com/flake8-prodready/flake8-prodready/blob/main/docs/rules/"

#: Faces of the tool a rule can come from.
PYTHON = "python"
COMPOSE = "compose"
ENV = "env"
SECRETS = "secrets"
TOOL = "tool"

CODE_PATTERN = re.compile(r"^PRD[0-9]{3}$")


@dataclass(frozen=True)
class Family:
    prefix: str  # "PRD1"
    name: str  # "mock"
    title: str  # human title used in docs and summaries


FAMILIES: tuple[Family, ...] = (
    Family("PRD1", "mock", "Mock, fake and placeholder data"),
    Family("PRD2", "credentials", "Hardcoded credentials and configuration"),
    Family("PRD3", "fallback", "Fallback data and silenced errors"),
    Family("PRD4", "compose", "docker-compose and env files"),
    Family("PRD5", "secrets", "Secrets found by detect-secrets"),
    Family("PRD9", "tool", "The tool could not check a file"),
)


@dataclass(frozen=True)
class Rule:
    """One PRD code.

    ``message`` is a ``str.format`` template; the arguments each check passes are named
    in the template. ``summary`` is one sentence (SARIF short description, docs index);
    ``rationale`` is why it matters in production (SARIF full description).
    """

    code: str
    name: str
    summary: str
    message: str
    rationale: str
    faces: frozenset = frozenset({PYTHON})
    default_enabled: bool = True
    applies_to_tests: bool = False
    fixable: bool = False
    options: tuple = ()  # names of configuration options that tune this rule
    extra: Mapping = field(default_factory=dict)  # family-specific data (e.g. detector class)

    @property
    def family(self) -> Family:
        return family_of(self.code)

    @property
    def docs_path(self) -> str:
        return f"docs/rules/{self.code}.md"

    @property
    def help_uri(self) -> str:
        return f"{DOCS_BASE_URL}{self.code}.md"

    def format(self, **kwargs: object) -> str:
        """The message text, without the code."""
        return self.message.format(**kwargs)

    def text(self, **kwargs: object) -> str:
        """``"PRDnnn message"`` as flake8 expects it from a plugin."""
        return f"{self.code} {self.message.format(**kwargs)}"


def family_of(code: str) -> Family:
    for family in FAMILIES:
        if code.startswith(family.prefix):
            return family
    raise KeyError(code)


def _load() -> dict[str, Rule]:
    # Imported here, not at module top, so the family modules can import Rule from us.
    # The PRD1 table is named for what it detects, not a stand-in.
    from . import compose, credentials, fallback, placeholder_data, secrets, tool

    rules: dict[str, Rule] = {}
    for module in (placeholder_data, credentials, fallback, compose, secrets, tool):
        for rule in module.RULES:
            if not CODE_PATTERN.match(rule.code):
                raise ValueError(f"bad rule code {rule.code!r}")
            if rule.code in rules:
                raise ValueError(f"duplicate rule code {rule.code}")
            rules[rule.code] = rule
    return dict(sorted(rules.items()))


RULES: dict[str, Rule] = _load()
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def get(code: str) -> Rule:
    return RULES[code]


def rules_for(face: str) -> list[Rule]:
    return [rule for rule in RULES.values() if face in rule.faces]


def matching(prefixes: Iterable[str]) -> set[str]:
    """Every known code that one of ``prefixes`` selects (flake8's prefix semantics)."""
    prefixes = tuple(prefixes)
    return {code for code in RULES if code.startswith(prefixes)} if prefixes else set()


def is_known_selector(selector: str) -> bool:
    """True when ``selector`` is a code or code prefix that names at least one PRD rule."""
    return any(code.startswith(selector) for code in RULES)
