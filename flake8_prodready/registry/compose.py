"""PRD4xx: docker-compose files and env files (the ``prodready-compose`` hook)."""

from __future__ import annotations

from . import COMPOSE, ENV, Rule

#: Options that decide where the secret rules apply.
_SECRET_OPTIONS = ("compose-test-paths", "compose-secrets-in-tests")

RULES = (
    Rule(
        code="PRD401",
        name="compose-version-obsolete",
        summary="The top-level 'version' key of a compose file is obsolete.",
        # Compose's own warning, word for word, so a search for it finds this rule.
        message="the attribute 'version' is obsolete, it will be ignored; remove it "
        "(prodready-compose --fix)",
        rationale="Compose v2 ignores the key and warns on every run; the version it names "
        "suggests a file format that no longer exists.",
        faces=frozenset({COMPOSE}),
        applies_to_tests=True,
        fixable=True,
        options=("compose-paths",),
    ),
    Rule(
        code="PRD402",
        name="compose-inline-secret",
        summary="A secret-named variable has an inline secret value in a compose file "
        "(environment, build.args, or an x- block merged into a service).",
        message="inline secret for '{name}' ({hint}); use ${{{name}}} or a compose secret",
        rationale="Inline values are committed with the file; interpolation keeps them in "
        "the deployment environment.",
        faces=frozenset({COMPOSE}),
        options=_SECRET_OPTIONS,
    ),
    Rule(
        code="PRD403",
        name="compose-secret-default",
        summary="An interpolation of a secret variable carries a hardcoded default.",
        message="interpolation of '{name}' falls back to a hardcoded secret ({hint}); use "
        "${{{name}:?{name} is required}}",
        rationale="${DB_PASSWORD:-postgres} deploys with 'postgres' whenever the variable "
        "is missing.",
        faces=frozenset({COMPOSE}),
        options=_SECRET_OPTIONS,
    ),
    Rule(
        code="PRD404",
        name="compose-url-credentials",
        summary="A URL in a compose or env file embeds a literal password.",
        message="URL embeds a literal password ({hint}); interpolate the password",
        rationale="postgresql://user:pw@db/x in environment is an inline secret.",
        faces=frozenset({COMPOSE, ENV}),
        options=_SECRET_OPTIONS,
    ),
    Rule(
        code="PRD405",
        name="compose-command-secret",
        summary="A literal secret is passed on a command, entrypoint or healthcheck.",
        message="literal secret on {where} ({hint}); interpolate it",
        rationale="Secrets on command lines also show up in 'ps' output and container "
        "inspection.",
        faces=frozenset({COMPOSE}),
        options=_SECRET_OPTIONS,
    ),
    Rule(
        code="PRD406",
        name="env-file-secret",
        summary="A committed env file holds a non-empty secret value (templates such as "
        ".env.example may hold only empty values or placeholders).",
        message="{kind} sets '{name}' to a secret ({hint}); {advice}",
        rationale="A committed .env.production is a secret in version control.",
        faces=frozenset({ENV}),
        options=_SECRET_OPTIONS,
    ),
)
