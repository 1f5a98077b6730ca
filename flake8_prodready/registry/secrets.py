"""PRD5xx: one code per detect-secrets plugin, plus a catch-all for unknown detectors."""

from __future__ import annotations

RULES: tuple = ()
