"""The planted-secrets corpus: templates under tests/fixtures/secrets/, values made here.

The templates hold ``{{name}}`` placeholders instead of secrets, so the repository itself
carries no secret-looking strings (its own secret scan, and push protection, stay quiet);
:func:`build` writes the corpus with fresh fake values of every detector's shape into a
scratch directory and returns them, so tests can assert that no output shows one in full.

Marks in the templates, as in the Python fixtures: ``expect: PRD5nn`` on a line where our
hook must report that code, ``ok: PRD5nn`` on a look-alike or suppressed line. Lines
marked ``ds-only`` are reported by ``detect-secrets scan`` but not by us, by design
(``# noqa``); the parity test uses it.
"""

from __future__ import annotations

import base64
import json
import random
import re
import string
from pathlib import Path

TEMPLATES = Path(__file__).parent / "fixtures" / "secrets"
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")

ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"


def planted_values(seed: int = 20240501) -> dict[str, str]:
    """One fake value of each detector's shape. Deterministic, random-looking (so the
    entropy and sequence filters treat them as secrets)."""
    rng = random.Random(seed)

    def pick(alphabet: str, length: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(length))

    def b64url(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return {
        "aws_key_id": "AKIA" + pick(UPPER_ALNUM, 16),
        "aws_secret": pick(ALNUM + "/+", 40),
        "azure_key": pick(ALNUM + "+/", 86) + "==",
        "basic_auth_password": "Zq7" + pick(ALNUM, 9),
        "cloudant_password": pick(HEX, 64),
        "discord": "M" + pick(ALNUM, 23) + "." + pick(ALNUM, 6) + "." + pick(ALNUM, 27),
        "github": "ghp_" + pick(ALNUM, 36),
        "gitlab": "glpat-" + pick(ALNUM, 20),
        "base64": pick(B64, 44),
        "hex": pick(HEX, 40),
        "ibm_iam": pick(ALNUM, 44),
        "ibm_cos": pick(HEX, 48),
        "public_ip": f"52.{rng.randint(20, 90)}.{rng.randint(1, 250)}.{rng.randint(1, 250)}",
        "jwt": ".".join((b64url({"alg": "HS256", "typ": "JWT"}),
                         b64url({"sub": str(rng.randint(10**6, 10**7)), "role": "svc"}),
                         pick(URLSAFE, 43))),
        "keyword_py": "Velvet-" + pick(ALNUM, 10),
        "keyword_yaml": "Granite" + pick(ALNUM, 10),
        "mailchimp": pick(HEX, 32) + "-us12",
        "npm": "npm_" + pick(ALNUM, 36),
        "openai": "sk-" + pick(ALNUM, 20) + "T3BlbkFJ" + pick(ALNUM, 20),
        "private_key_body": "MIIEow" + pick(B64, 58),
        "pypi": "pypi-AgEIcHlwaS5vcmc" + pick(URLSAFE, 80),
        "sendgrid": "SG." + pick(URLSAFE, 22) + "." + pick(URLSAFE, 43),
        "slack_token": f"xoxb-{rng.randint(10**10, 10**11)}-{rng.randint(10**10, 10**11)}-"
                       + pick(ALNUM, 24),
        "slack_webhook": "https://hooks.slack.com/services/T" + pick(UPPER_ALNUM, 8) + "/B"
                         + pick(UPPER_ALNUM, 8) + "/" + pick(ALNUM, 24),
        "softlayer": pick(LOWER_ALNUM, 64),
        "square": "sq0csp-" + pick(URLSAFE, 43),
        "stripe": "sk_live_" + pick(ALNUM, 24),
        "telegram": str(rng.randint(10**8, 10**9 - 1)) + ":AA" + pick(URLSAFE, 33),
        "twilio": "AC" + pick(LOWER_ALNUM, 32),
        "artifactory": "AKCp" + pick(ALNUM, 69),
    }


def build(root: Path, seed: int = 20240501) -> dict[str, str]:
    """Write the corpus under ``root`` (same relative paths as the templates); return the
    planted values by name."""
    values = planted_values(seed)
    for template in sorted(TEMPLATES.rglob("*")):
        if not template.is_file() or template.name == "MANIFEST":
            continue
        text = template.read_text(encoding="utf-8")

        def fill(match: re.Match) -> str:
            return values[match.group(1)]

        target = root / template.relative_to(TEMPLATES)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PLACEHOLDER.sub(fill, text), encoding="utf-8")
    return values


MARK = re.compile(r"\b(expect|ok):\s*((?:PRD\d{3}[\s,]*)+)")
DS_ONLY = re.compile(r"\bds-only\b")
LOCATION = re.compile(r"^(?P<path>\S+):(?P<line>\d+)\s")


def marks() -> tuple[set, set, set]:
    """From the MANIFEST: (expected, ok) as sets of (relative path, line, code), and
    ds_only as a set of (relative path, line)."""
    expected, ok, ds_only = set(), set(), set()
    for text in (TEMPLATES / "MANIFEST").read_text(encoding="utf-8").splitlines():
        location = LOCATION.match(text)
        if text.startswith("#") or location is None:
            continue
        where = (location.group("path"), int(location.group("line")))
        for kind, codes in MARK.findall(text):
            for code in re.findall(r"PRD\d{3}", codes):
                (expected if kind == "expect" else ok).add((*where, code))
        if DS_ONLY.search(text):
            ds_only.add(where)
    return expected, ok, ds_only
