"""No message the fixture suite produces prints a planted secret in full.

Every fixture under tests/fixtures/python/ runs through real flake8 (all PRD codes, the
strict ones included); every message is scanned for every secret planted in the suite:
the literal values on lines that expect a PRD201-PRD205 finding, the passwords of URLs,
the password hashes and the private-key bodies anywhere in the fixtures.
"""

from __future__ import annotations

import ast
import re

import pytest

from flake8_prodready import registry
from flake8_prodready.secretness import password_hash_kind, url_passwords
from harness import EXPECT, FIXTURES, run_python_fixtures

PYTHON_FIXTURES = sorted((FIXTURES / "python").glob("*.py"))
SECRET_CODES = ("PRD201", "PRD202", "PRD203", "PRD204", "PRD205", "PRD207", "PRD208")
BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]{40,}")
#: Words of the message templates themselves ("secret", "password"): a planted weak
#: secret equal to one of them cannot be told from the message's own text.
TEMPLATE_TEXT = " ".join(rule.message for rule in registry.RULES.values()).lower()
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]+$")


def meaningful(secret: str) -> bool:
    return secret.lower() not in TEMPLATE_TEXT and not ENV_NAME.match(secret)


def _names_on(tree: ast.AST) -> dict[int, set[str]]:
    """Identifiers per line: a value equal to one (``password="password"``) is printed as
    the *name* of the target, which is not a disclosure."""
    names: dict[int, set[str]] = {}
    for node in ast.walk(tree):
        found = []
        if isinstance(node, ast.Name):
            found.append(node.id)
        elif isinstance(node, ast.Attribute):
            found.append(node.attr)
        elif isinstance(node, (ast.keyword, ast.arg)):
            found.append(node.arg if isinstance(node, ast.keyword) else node.arg)
        elif isinstance(node, ast.Dict):
            found.extend(k.value for k in node.keys
                         if isinstance(k, ast.Constant) and isinstance(k.value, str))
        elif isinstance(node, ast.Call) and node.args and isinstance(
                node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.append(node.args[0].value)  # os.getenv("JWT_SECRET", ...): the name
        line = getattr(node, "lineno", None)
        if line is not None:
            names.setdefault(line, set()).update(n.lower() for n in found if n)
    return names


def planted_secrets(path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    expect_lines = {number for number, line in enumerate(text.splitlines(), 1)
                    if any(code in match.group(1) for match in EXPECT.finditer(line)
                           for code in SECRET_CODES)}
    names = _names_on(tree)
    secrets = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        value = node.value
        secrets.update(password for password, _ in url_passwords(value) if len(password) >= 4)
        found = password_hash_kind(value)
        if found:
            secrets.add(found[1])
        if "PRIVATE KEY" in value:
            secrets.update(BASE64_LINE.findall(value))
        span = range(node.lineno, (node.end_lineno or node.lineno) + 1)
        if any(line in expect_lines for line in span) and len(value.strip()) >= 5 and (
                value.lower() not in names.get(node.lineno, set())):
            secrets.add(value.strip())
            if " " in value.strip():  # "Bearer <token>": the token is the secret
                secrets.add(value.strip().split(" ", 1)[1])
    return {secret for secret in secrets if meaningful(secret)}


@pytest.fixture(scope="module")
def all_messages(tmp_path_factory):
    root = tmp_path_factory.mktemp("no-secret-project")
    results = run_python_fixtures(root, PYTHON_FIXTURES)
    return [f'{item["code"]} {item["text"]}' for found in results.values() for item in found]


def test_the_suite_plants_secrets_and_reports_them(all_messages):
    secrets = set().union(*(planted_secrets(path) for path in PYTHON_FIXTURES))
    assert len(secrets) >= 60, len(secrets)
    assert sum(message.startswith(SECRET_CODES) for message in all_messages) >= 50, len(
        all_messages)


def test_no_message_prints_a_planted_secret(all_messages):
    secrets = set().union(*(planted_secrets(path) for path in PYTHON_FIXTURES))
    leaks = [(secret, message) for message in all_messages for secret in secrets
             if secret in message]
    assert not leaks, "\n".join(f"{secret!r} in: {message}" for secret, message in leaks[:20])


def test_hint_is_shown_for_each_secret_finding(all_messages):
    for message in all_messages:
        if message.startswith(("PRD201", "PRD202", "PRD203", "PRD204", "PRD205", "PRD207")):
            assert "…" in message, message
