"""PRD9xx: the tool could not do its job on a file."""

from __future__ import annotations

from . import COMPOSE, ENV, PYTHON, SECRETS, Rule

ALL_FACES = frozenset({PYTHON, COMPOSE, ENV, SECRETS})

RULES = (
    Rule(
        code="PRD901",
        name="unreadable-file",
        summary="A file could not be read as UTF-8 text (binary, undecodable, unreadable, "
        "or too large) and was skipped.",
        message="file not checked: {reason}",
        rationale="A file the tool cannot read is a file it cannot vouch for. The finding "
        "makes the gap visible instead of counting the file as clean.",
        faces=ALL_FACES,
        applies_to_tests=True,
    ),
    Rule(
        code="PRD902",
        name="unparsable-file",
        summary="A file could not be parsed (invalid YAML, a compose file whose root is not "
        "a mapping, an env line that is not KEY=VALUE, Python with a syntax error under "
        "'prodready check', where flake8 would say E999).",
        message="file not checked: {reason}",
        rationale="A compose or env file that does not parse cannot be checked for inline "
        "secrets; it usually cannot be deployed either.",
        faces=frozenset({COMPOSE, ENV, PYTHON}),
        applies_to_tests=True,
    ),
    Rule(
        code="PRD903",
        name="internal-error",
        summary="A check failed with an internal error on this file; other checks and "
        "files went on.",
        message="internal error in flake8-prodready ({error}); please report it",
        rationale="The plugin must never abort a flake8 run. If a check breaks on unusual "
        "code, the failure is reported as a finding on that file and the run continues.",
        faces=ALL_FACES,
        applies_to_tests=True,
    ),
)
