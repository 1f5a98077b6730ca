"""An existing ``.secrets.baseline``: which secrets are already known.

Semantics follow ``detect-secrets-hook --baseline``: a finding whose identity
(file, hashed secret, secret type) is recorded in the baseline is not reported, whatever
its audit state: audited false positives (``is_secret: false``), unaudited entries and
entries audited as real alike; the baseline is the list of secrets the team already knows
about. Only new secrets are reported. (``detect-secrets audit --report
--fail-on-audited-real`` is the tool that fails on known real secrets.) Line numbers in the
baseline are ignored, as in detect-secrets, so moving code does not resurface a secret.

The baseline's ``plugins_used`` and ``filters_used`` are the detect-secrets settings the
team chose (limits, disabled plugins, exclude regexes); :mod:`.scanner` applies them as
the hook does, under our own explicit options.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..config import ConfigError, Settings

DEFAULT_NAME = ".secrets.baseline"


@dataclass(frozen=True)
class Baseline:
    path: Path
    known: frozenset  # {(filename as recorded, hashed_secret, type)}
    plugins_used: tuple  # the baseline's plugin settings ([] when absent)
    filters_used: tuple | None  # None when the baseline does not say

    def knows(self, path: str, hashed: str, secret_type: str) -> bool:
        return any((name, hashed, secret_type) in self.known for name in self.names(path))

    def names(self, path: str) -> set:
        """The ways the baseline may have recorded ``path``: relative to the baseline's
        directory (where ``detect-secrets scan`` normally runs), or as given."""
        names = {os.path.normpath(path).replace(os.sep, "/")}
        try:
            names.add(os.path.relpath(os.path.abspath(path), self.path.parent.resolve())
                      .replace(os.sep, "/"))
        except ValueError:  # another drive
            pass
        return names


def baseline_path(settings: Settings) -> Path | None:
    """The configured baseline: ``none`` disables, a path must exist, and the default is
    ``.secrets.baseline`` in the project root when there is one."""
    value = (settings.secrets_baseline or "").strip()
    if value.lower() == "none":
        return None
    if not value:
        candidate = Path(settings.root) / DEFAULT_NAME
        return candidate if candidate.is_file() else None
    path = Path(value)
    if not path.is_absolute() and not path.exists():
        path = Path(settings.root) / value
    if not path.is_file():
        raise ConfigError(f"secrets-baseline: {value}: no such file")
    return path


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the detect-secrets baseline: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
        raise ConfigError(f"{path}: not a detect-secrets baseline (no 'results' table)")
    data = _upgraded(data, path)
    known = set()
    for filename, entries in data["results"].items():
        if not isinstance(entries, list):
            raise ConfigError(f"{path}: results for {filename!r} must be a list")
        for entry in entries:
            if not isinstance(entry, dict) or "hashed_secret" not in entry or "type" not in entry:
                raise ConfigError(f"{path}: malformed entry for {filename!r}: {entry!r}")
            name = os.path.normpath(str(filename)).replace(os.sep, "/")
            known.add((name, str(entry["hashed_secret"]), str(entry["type"])))
    plugins = data.get("plugins_used") or []
    filters = data.get("filters_used")
    if not isinstance(plugins, list) or (filters is not None and not isinstance(filters, list)):
        raise ConfigError(f"{path}: plugins_used and filters_used must be lists")
    return Baseline(path, frozenset(known), tuple(p for p in plugins if isinstance(p, dict)),
                    None if filters is None else tuple(f for f in filters if isinstance(f, dict)))


def _upgraded(data: dict, path: Path) -> dict:
    """Older baselines (detect-secrets < 1.x) through detect-secrets' own upgrader."""
    if "version" not in data:
        return data
    try:
        from detect_secrets.core.baseline import upgrade
        return upgrade(data)
    except Exception as error:  # its upgraders assume a well-formed old baseline
        raise ConfigError(f"{path}: cannot upgrade this baseline (version "
                          f"{data.get('version')!r}): {error}") from None
