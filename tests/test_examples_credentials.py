"""The seed's four critical findings, planted in the bundled example project, are found
there by real flake8; the look-alikes next to them are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import run_flake8

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def line_of(relative: str, needle: str) -> int:
    lines = (EXAMPLES / relative).read_text(encoding="utf-8").splitlines()
    matches = [number for number, line in enumerate(lines, 1) if needle in line]
    assert len(matches) == 1, f"{needle!r} must appear once in {relative}"
    return matches[0]


@pytest.fixture(scope="module")
def prd2_findings():
    results = run_flake8(EXAMPLES, ["src"], "--select", "PRD2")
    return {(r["path"].removeprefix("./"), r["line"], r["code"]): r["text"] for r in results}


CRITICAL = [
    # (file, a unique piece of the offending line, code)
    ("src/config.py", '"nexus-secret-change-me"', "PRD204"),  # JWT secret fallback
    ("src/config.py", '"postgresql://horme:horme_password@', "PRD205"),  # DSN fallback
    ("src/nexus_backend_api.py", "'$2b$12$", "PRD207"),  # bcrypt admin hash in SQL
    ("src/config.py", '"http://localhost:3000"', "PRD206"),  # localhost CORS fallback
]

LOOK_ALIKES = [
    ("src/config.py", 'os.getenv("OPENAI_MAX_TOKENS", "2000")'),
    ("src/config.py", 'os.getenv("ACCESS_TOKEN_EXPIRE_MINUTES", "30")'),
    ("src/config.py", 'os.getenv("LOG_LEVEL", "INFO")'),
    ("src/config.py", 'os.getenv("DB_PASSWORD")'),
    ("src/nexus_backend_api.py", 'PASSWORD_FIELD = "password"'),
    ("src/nexus_backend_api.py", 'token_type = "bearer"'),
    ("src/nexus_backend_api.py", 'row["password_hash"]'),
    ("src/websocket/chat_server.py", '"0.0.0.0"'),
]


@pytest.mark.parametrize("relative, needle, code", CRITICAL,
                         ids=[code for _, _, code in CRITICAL])
def test_seed_critical_example_is_found(prd2_findings, relative, needle, code):
    line = line_of(relative, needle)
    message = prd2_findings.get((relative, line, code))
    assert message is not None, f"{code} not reported at {relative}:{line}"
    assert "horme_password" not in message and "nexus-secret-change-me" not in message


@pytest.mark.parametrize("relative, needle", LOOK_ALIKES, ids=[n for _, n in LOOK_ALIKES])
def test_seed_look_alike_is_quiet(prd2_findings, relative, needle):
    line = line_of(relative, needle)
    assert not [key for key in prd2_findings if key[:2] == (relative, line)]
