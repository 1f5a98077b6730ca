"""PRD2xx: hardcoded credentials and hardcoded configuration in Python."""

from __future__ import annotations

from . import PYTHON, Rule

RULES = (
    Rule(
        code="PRD201",
        name="hardcoded-secret",
        summary="A hardcoded secret is assigned to a credential-named variable, attribute, "
        "dict key or keyword.",
        message="hardcoded secret assigned to '{name}' ({hint}); read it from the "
        "environment or a secret store, without a default",
        rationale="A secret in source code is in every clone, every image layer and every "
        "log of the repository's history. Rotating it means a code change.",
        faces=frozenset({PYTHON}),
        applies_to_tests=False,
    ),
    Rule(
        code="PRD202",
        name="hardcoded-secret-argument",
        summary="A hardcoded secret is passed as a credential argument, or as the "
        "password of a credential pair (auth=(user, pw), HTTPBasicAuth(user, pw)).",
        message="hardcoded secret passed as '{name}' ({hint}); pass a value read from "
        "configuration",
        rationale="connect(password='...') and OpenAI(api_key='...') put the credential in "
        "the code, exactly where a reviewer least expects it.",
        faces=frozenset({PYTHON}),
    ),
    Rule(
        code="PRD203",
        name="hardcoded-secret-default",
        summary="A credential-named parameter (positional or keyword-only) has a "
        "hardcoded secret as its default.",
        message="parameter '{name}' defaults to a hardcoded secret ({hint}); make it "
        "required or default to None",
        rationale="A default password is used whenever a caller forgets to pass one: the "
        "failure mode is a silently working, insecure system.",
        faces=frozenset({PYTHON}),
    ),
    Rule(
        code="PRD204",
        name="secret-env-fallback",
        summary="An environment lookup for a secret (os.getenv, os.environ.get/setdefault, "
        "'or' fallbacks, decouple, environs, pydantic settings) falls back to a hardcoded "
        "secret.",
        message="environment lookup of '{name}' falls back to a hardcoded secret ({hint}); "
        "fail when it is not set",
        rationale="os.getenv('JWT_SECRET', 'change-me') runs in production with the "
        "fallback the day the variable is missing. It is the most common real leak in the "
        "audited service, and no peer tool reports it.",
        faces=frozenset({PYTHON}),
    ),
    Rule(
        code="PRD205",
        name="credentials-in-url",
        summary="A URL or connection string (DSN) embeds a literal password.",
        message="URL or connection string embeds a literal password ({hint}); build it "
        "from configuration",
        rationale="'postgresql://user:password@db/app' is a credential wherever it appears: "
        "as a constant, an f-string, or an environment-lookup fallback.",
        faces=frozenset({PYTHON}),
    ),
    Rule(
        code="PRD206",
        name="hardcoded-local-host",
        summary="A local or private-network host is hardcoded as configuration.",
        message="hardcoded {kind} '{host}' used as configuration; read it from the "
        "environment (or list it in allowed-hosts)",
        rationale="'http://localhost:3000' as a CORS origin or API base works on the "
        "developer's laptop and nowhere else; in a container it points at the container "
        "itself.",
        faces=frozenset({PYTHON}),
        options=("allowed-hosts",),
    ),
    Rule(
        code="PRD207",
        name="password-hash-literal",
        summary="A password hash (bcrypt, argon2, scrypt, PBKDF2, crypt) is written in a "
        "literal.",
        message="{kind} password hash in a literal ({hint}); seed users from a secret store",
        rationale="A hash in the source (often an admin account seeded through SQL) is a "
        "known, offline-crackable credential shipped with every copy of the code.",
        faces=frozenset({PYTHON}),
        applies_to_tests=True,
    ),
    Rule(
        code="PRD208",
        name="private-key-literal",
        summary="A PEM private key block is written in a literal.",
        message="private key block ({kind}) in a literal; load it from a secret store",
        rationale="A private key in the repository is compromised: anyone with read access "
        "can impersonate the service. This applies to test code too.",
        faces=frozenset({PYTHON}),
        applies_to_tests=True,
    ),
    Rule(
        code="PRD209",
        name="env-lookup-default",
        summary="(strict, off by default) An environment lookup has a hardcoded default.",
        message="environment lookup of '{name}' has a hardcoded default; fail when it is "
        "not set",
        rationale="Teams following 'zero hardcoding' want every setting to come from the "
        "environment with no silent default at all.",
        faces=frozenset({PYTHON}),
        default_enabled=False,
    ),
)
