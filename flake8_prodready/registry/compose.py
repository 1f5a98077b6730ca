"""PRD4xx: docker-compose files and env files."""

from __future__ import annotations

from . import COMPOSE, ENV, Rule

RULES = (
    Rule(
        code="PRD401",
        name="compose-version-obsolete",
        summary="The top-level 'version' key of a compose file is obsolete.",
        message="the attribute 'version' is obsolete, it will be ignored; remove it "
        "(prodready-compose --fix)",
        rationale="Compose v2 ignores the key and warns on every run.",
        faces=frozenset({COMPOSE}),
        applies_to_tests=True,
        fixable=True,
    ),
    Rule(
        code="PRD402",
        name="compose-inline-secret",
        summary="A secret-named variable has an inline secret value in a compose file.",
        message="inline secret for '{name}' ({hint}); use ${{{name}}} or a compose secret",
        rationale="Inline values are committed with the file; interpolation keeps them in "
        "the deployment environment.",
        faces=frozenset({COMPOSE}),
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
    ),
    Rule(
        code="PRD404",
        name="compose-url-credentials",
        summary="A URL in a compose file embeds a literal password.",
        message="URL embeds a literal password ({hint}); interpolate the password",
        rationale="postgresql://user:pw@db/x in environment is an inline secret.",
        faces=frozenset({COMPOSE}),
    ),
    Rule(
        code="PRD405",
        name="compose-command-secret",
        summary="A literal secret is passed on a command, entrypoint or healthcheck.",
        message="literal secret on {where} ({hint}); interpolate it",
        rationale="Secrets on command lines also show up in 'ps' output and container "
        "inspection.",
        faces=frozenset({COMPOSE}),
    ),
    Rule(
        code="PRD406",
        name="env-file-secret",
        summary="A committed env file holds a non-empty secret value.",
        message="committed env file sets '{name}' to a secret ({hint})",
        rationale="A committed .env.production is a secret in version control.",
        faces=frozenset({ENV}),
    ),
)
