"""PRD2xx checks (placeholder: the family's checks land in their own change)."""

from __future__ import annotations

from .. import registry
from . import Checks


class CredentialChecks(Checks):
    codes = frozenset(code for code in registry.RULES if code.startswith("PRD2"))
    handlers: dict = {}
