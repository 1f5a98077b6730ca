"""The secrets scan as findings: reading files, mapping to PRD5xx, suppressions, dedup.

One :class:`SecretScanner` per run (per settings); it holds one :class:`.engine.Engine`,
shared by every scanner with the same detect-secrets configuration in the process.

What we report, compared with ``detect-secrets scan`` on the same files (the parity test
checks exactly this):

* the same (file, line, secret type) set, from detect-secrets' own plugins, filters and
  transformers, one finding per (file, secret, type) at its first line, as detect-secrets'
  results hold them; with two differences by design:
* **same secret, same line, several detectors**: when detect-secrets reports one value
  under a specific detector (GitHub Token) and under a generic one (Secret Keyword, Base64
  or Hex High Entropy String), only the most specific is reported (specific, then keyword,
  then entropy);
* **field names in Python**: a Secret Keyword finding in a Python file whose value is a
  name, not a credential (``PASSWORD_FIELD = "password"``, ``password_hash =
  "password_hash"``; DESIGN.md's "must not be flagged" list), judged by
  :func:`flake8_prodready.secretness.is_secret_value`. The PRD2xx rules judge those
  lines with the variable's name in view;
* **suppressions**: ``# noqa: PRD5nn`` on the line, and secrets already recorded in the
  baseline. ``# pragma: allowlist secret`` is detect-secrets' own filter and applies in
  both.

Never reported: the secret itself. Messages carry a masked hint; the fingerprint is
detect-secrets' hashed_secret (the baseline identity).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .. import registry
from ..config import ConfigError, Settings
from ..context import FileContext
from ..findings import Finding, hint
from ..registry import secrets as table
from ..secretness import is_secret_value
from . import baseline as baseline_mod
from .engine import Engine, RawSecret, plugin_classes
from ..noqa import NOQA_ANY_COMMENT, suppresses

UNREADABLE = registry.get("PRD901")
INTERNAL_ERROR = registry.get("PRD903")
SECRET_CODES = frozenset(registry.matching(["PRD5"]))

#: detect-secrets' verification filter sends each candidate to its vendor's API: a linter
#: must never send secrets over the network, so it is dropped even from a baseline.
VERIFY_FILTER = "detect_secrets.filters.common.is_ignored_due_to_verification_policies"
#: How much of a file is sniffed for NUL bytes to call it binary (git uses 8000).
BINARY_SNIFF = 8000
#: Detectors by specificity for the same-line dedup: lower wins.
GENERIC_RANK = {"KeywordDetector": 1, "Base64HighEntropyString": 2,
                "HexHighEntropyString": 2}

_ENGINES: dict[str, Engine] = {}


def code_for(plugin: str) -> str:
    detector = table.BY_PLUGIN.get(plugin)
    return detector.code if detector else table.UNKNOWN_CODE


@dataclass(frozen=True)
class TextFile:
    text: str | None  # newline-normalised, None when unreadable
    reason: str = ""  # why it is unreadable
    line: int = 1  # where to report it


def read_text(path: str, max_line_length: int) -> TextFile:
    """The file as detect-secrets would read it (UTF-8, universal newlines), or why not."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return TextFile(None, f"cannot read it ({error.strerror or type(error).__name__})")
    if b"\0" in data[:BINARY_SNIFF]:
        return TextFile(None, "binary content (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return TextFile(None, f"not UTF-8 text (byte {error.start})", line)
    text = normalise_newlines(text)
    return check_line_length(text, max_line_length)


def normalise_newlines(text: str) -> str:
    # open() in text mode, which detect-secrets uses, turns \r\n and \r into \n.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_line_length(text: str, max_line_length: int) -> TextFile:
    """A minified file with a 5 MB line costs detect-secrets seconds per file (its regexes
    run over the whole line) and yields noise: over the limit the file is reported, not
    scanned."""
    if max_line_length and len(text) > max_line_length:
        for number, line in enumerate(text.split("\n"), 1):
            if len(line) > max_line_length:
                return TextFile(None, f"line {number} has {len(line)} characters, more than "
                                f"secrets-max-line-length ({max_line_length}); minified or "
                                f"generated?", number)
    return TextFile(text)


class SecretScanner:
    """The secrets scan configured from :class:`Settings` (and the baseline)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.enabled = settings.enabled_codes & SECRET_CODES
        path = baseline_mod.baseline_path(settings)
        self.baseline = baseline_mod.load(path) if path is not None else None
        self.engine = engine_for(engine_config(settings, self.enabled, self.baseline))

    # -- files -------------------------------------------------------------------------
    def wants(self, path: str) -> bool:
        """False for files detect-secrets skips by name (images, lock files, swagger, its
        exclude-files regex) and for the baseline itself."""
        if self.baseline is not None and _same_file(path, self.baseline.path):
            return False
        return self.engine.wants(path)

    def scan_file(self, path: str, ctx: FileContext) -> list[Finding]:
        if not (ctx.enabled & (SECRET_CODES | {UNREADABLE.code})):
            return []
        text = read_text(path, self.settings.secrets_max_line_length)
        if text.text is None:
            if UNREADABLE.code not in ctx.enabled:
                return []
            return [Finding(path, text.line, 1, UNREADABLE.code,
                            UNREADABLE.format(reason=text.reason))]
        return self.scan_text(path, text.text, ctx.enabled)

    # -- text --------------------------------------------------------------------------
    def scan_text(self, path: str, text: str, enabled: Iterable[str],
                  original_lines: Sequence[str] | None = None) -> list[Finding]:
        """Findings for ``text`` (newline-normalised) shown as ``path``."""
        enabled = frozenset(enabled) & self.enabled
        if not enabled:
            return []
        raw = self.engine.scan_text(path, text)
        if not raw:
            return []
        lines = original_lines if original_lines is not None else text.split("\n")
        candidates = [(secret, code_for(secret.plugin)) for secret in raw]
        is_python = path.endswith((".py", ".pyi"))
        # Order matters. The same-line dedup comes first, so that a noqa for the specific
        # code silences the generic reports of the same secret too; the one-per-secret
        # collapse comes last, so that a suppressed first occurrence does not hide a later
        # one that is not suppressed.
        findings = []
        seen = set()
        for secret, code in most_specific(candidates):
            if code not in enabled:
                continue
            line = lines[secret.line - 1] if 0 < secret.line <= len(lines) else ""
            if code == KEYWORD_CODE and is_python and _is_field_name(secret.value):
                continue
            if suppresses(line, code, NOQA_ANY_COMMENT):
                continue
            if self.baseline is not None and self.baseline.knows(path, secret.hashed,
                                                                 secret.secret_type):
                continue
            identity = (secret.hashed, secret.secret_type)
            if identity in seen:  # detect-secrets keeps one result per secret and type
                continue
            seen.add(identity)
            findings.append(self._finding(path, secret, code, line))
        return findings

    def _finding(self, path: str, secret: RawSecret, code: str, line: str) -> Finding:
        rule = registry.get(code)
        shown, start = display_value(secret.value or "", line)
        arguments: dict[str, Any] = {"hint": hint(shown)}
        if code == table.UNKNOWN_CODE:
            arguments.update(secret_type=secret.secret_type, plugin=secret.plugin)
        return Finding(path, secret.line, start + 1 if start >= 0 else 1, code,
                       rule.format(**arguments), fingerprint=secret.hashed)


KEYWORD_CODE = code_for("KeywordDetector")
_IDENTIFIER_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _is_field_name(value: str | None) -> bool:
    """``"password"`` assigned to ``PASSWORD_FIELD``: the name of a credential field, not a
    credential. Only identifier-shaped values that secretness does not judge secret."""
    value = (value or "").strip("'\"")
    return bool(_IDENTIFIER_WORD.match(value)) and not is_secret_value(value)


def most_specific(candidates: list) -> list:
    """On a line a specific detector reported, drop the generic detectors' reports; where
    Secret Keyword and an entropy detector report the same line, keep the keyword. One
    secret, one finding, under the most telling code. (By line, not by value: the
    detectors do not agree on what the value is; GitHubTokenDetector's is just ``ghp``.)"""
    best: dict[int, int] = {}
    for secret, _code in candidates:
        rank = GENERIC_RANK.get(secret.plugin, 0)
        best[secret.line] = min(rank, best.get(secret.line, rank))
    return [(secret, code) for secret, code in candidates
            if GENERIC_RANK.get(secret.plugin, 0) == best[secret.line]]


_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-]*")


def display_value(value: str, line: str) -> tuple[str, int]:
    """What to mask and where it starts (0-based, -1 if not on the line).

    Some detectors' "secret" is not the secret: GitHubTokenDetector and GitLabTokenDetector
    yield the prefix group (``ghp``), ArtifactoryDetector includes the ``=`` before the
    token. For the hint and the column, strip delimiters and extend a short prefix to the
    token it starts. The fingerprint stays detect-secrets' hash of its own value."""
    shown = value.strip(" \t=:\"'")
    start = line.find(shown) if shown else -1
    if 0 <= start and len(shown) < 8:
        shown = line[start:_TOKEN_CHARS.match(line, start).end()] or shown
    return shown, start


def _same_file(path: str, other: Any) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def engine_config(settings: Settings, enabled: frozenset,
                  baseline: baseline_mod.Baseline | None) -> dict:
    """detect-secrets' settings (``plugins_used``/``filters_used``) for this run.

    Plugins: every plugin detect-secrets ships whose code is enabled and that
    ``secrets-disable-plugins`` does not name. A baseline's plugin list and parameters
    (limits, keyword_exclude) apply as in ``detect-secrets-hook``; our options, when set
    explicitly, win.
    """
    disabled = set(settings.secrets_disable_plugins)
    available = plugin_classes()
    unknown = disabled - set(available) - set(table.BY_PLUGIN)
    if unknown:
        raise ConfigError(f"secrets-disable-plugins: unknown detect-secrets plugin(s): "
                          f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(available))})")
    limits = {}
    for name, option in (("Base64HighEntropyString", "secrets_base64_limit"),
                         ("HexHighEntropyString", "secrets_hex_limit")):
        value = getattr(settings, option)
        if not 0 <= value <= 8:
            raise ConfigError(f"{option.replace('_', '-')} must be between 0 and 8, "
                              f"got {value}")
        limits[name] = (value, settings.sources.get(option.replace("_", "-"), "default"))
    from_baseline = {}
    if baseline is not None and baseline.plugins_used:
        from_baseline = {p["name"]: {k: v for k, v in p.items() if k != "name"}
                         for p in baseline.plugins_used if isinstance(p.get("name"), str)}
    plugins = []
    for name in sorted(available):
        if name in disabled or code_for(name) not in enabled:
            continue
        if from_baseline and name not in from_baseline:
            continue  # the team's baseline turned this detector off
        parameters = dict(from_baseline.get(name, {}))
        parameters.pop("path", None)  # custom plugin files are not loaded from a baseline
        if name in limits:
            value, source = limits[name]
            if source != "default" or "limit" not in parameters:
                parameters["limit"] = value
        plugins.append({"name": name, **parameters})
    config: dict[str, Any] = {"plugins_used": plugins}
    if baseline is not None and baseline.filters_used is not None:
        # Only detect-secrets' own filters: a baseline naming a file:// filter would make
        # the linter execute code from a path written in a JSON file.
        config["filters_used"] = [
            dict(f) for f in baseline.filters_used
            if str(f.get("path", "")).startswith("detect_secrets.filters.")
            and f.get("path") != VERIFY_FILTER]
    return config


def engine_for(config: dict) -> Engine:
    """The process's engine for ``config``: plugins are set up once, not per file."""
    key = json.dumps(config, sort_keys=True)
    engine = _ENGINES.get(key)
    if engine is None:
        try:
            engine = Engine(config)
        except (TypeError, ValueError, KeyError, ImportError, OSError) as error:
            raise ConfigError(f"cannot configure detect-secrets ({type(error).__name__}: "
                              f"{error})") from None
        _ENGINES[key] = engine
    return engine
