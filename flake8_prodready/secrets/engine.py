"""detect-secrets' scan, driven from text we already read, with plugins set up once.

``detect_secrets.core.scan.scan_file`` is what ``detect-secrets scan`` runs per file. This
module reproduces its algorithm step by step with detect-secrets' own pieces (its
transformers, plugins and filters, configured through its settings), so the findings are
the same, and changes only what costs time or robustness:

* The plugins and filters are initialised once per process (per configuration), not per
  file. detect-secrets' settings are process-global, so an :class:`Engine` owns them
  while it lives; building one with another configuration reconfigures them.
* detect-secrets calls every plugin and filter through a dependency-injection helper that
  inspects the callee on each call (about two thirds of its run time in a profile of the
  standard library). Here the argument names are resolved once, and each call is direct.
  The filters keep detect-secrets' contract: a filter is asked at a stage when it takes
  that stage's required argument, gets the arguments it names, and a ``TypeError`` counts
  as "not filtered".
* The allowlist filter (``pragma: allowlist secret``) is skipped on lines where neither the
  line nor the previous one contains ``pragma``: every one of its regexes needs that word.
* The file is read and decoded by the caller, which reports unreadable, binary, non-UTF-8
  and over-long files (PRD901) instead of detect-secrets' silent skip.

Importing this module imports detect_secrets (~85 ms): only the secrets faces do.
"""

from __future__ import annotations

import inspect
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from detect_secrets import settings as ds_settings
from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
from detect_secrets.filters import allowlist as ds_allowlist
from detect_secrets.plugins import keyword as ds_keyword
from detect_secrets.plugins.base import BasePlugin, RegexBasedDetector
from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin
from detect_secrets.plugins.keyword import KeywordDetector
from detect_secrets.transformers import get_transformed_file
from detect_secrets.util.code_snippet import get_code_snippet
from detect_secrets.util.inject import get_injectable_variables

ALLOWLIST_FILTER = "detect_secrets.filters.allowlist.is_line_allowlisted"
#: We read files ourselves and report the unreadable ones; detect-secrets' "is this a file
#: on disk" filter would drop text given from flake8's memory (stdin, editors).
SKIPPED_FILTERS = frozenset({"detect_secrets.filters.common.is_invalid_file"})


@dataclass(frozen=True)
class RawSecret:
    """One detect-secrets result, before it becomes a Finding (keeps the value in memory
    only, for masking and for the column)."""

    line: int
    plugin: str  # plugin class name
    secret_type: str
    value: str
    hashed: str  # detect-secrets' hashed_secret (sha1), the baseline identity


def plugin_classes() -> dict[str, type]:
    """Plugin class name -> class, as detect-secrets' own discovery finds them."""
    return {cls.__name__: cls for cls in get_mapping_from_secret_type_to_class().values()}


class _NamedText(io.StringIO):
    """What detect-secrets' transformers expect from an open file: read, readlines, seek,
    and a ``name`` (they pick the parser by extension)."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__(text)
        self.name = name


class _Stage:
    """The filters detect-secrets applies at one point of the scan."""

    def __init__(self, filters: Sequence[Callable], required: str, provided: Iterable[str]):
        provided = frozenset(provided)
        self.calls: list[tuple[Callable, tuple[str, ...]]] = []
        for function in filters:
            names = set(function.injectable_variables)
            if required not in names:
                continue
            if _mandatory(function) - provided:
                # detect-secrets would call it, get a TypeError, and move on: skip it.
                continue
            self.calls.append((function, tuple(sorted(names & provided))))

    def __call__(self, **kwargs: Any) -> bool:
        for function, names in self.calls:
            try:
                if function(**{name: kwargs[name] for name in names}):
                    return True
            except TypeError:  # detect-secrets' contract: an incompatible filter passes
                pass
        return False


def _mandatory(function: Callable) -> set[str]:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return set()
    return {p.name for p in parameters if p.default is p.empty
            and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}


class _LineStage(_Stage):
    """The per-line filters, with a cheap pre-check for the allowlist filter."""

    def __init__(self, filters: Sequence[Callable]) -> None:
        super().__init__(filters, "line", ("filename", "line", "context"))
        self.allowlist = [(f, n) for f, n in self.calls if f is ds_allowlist.is_line_allowlisted]
        self.others = [(f, n) for f, n in self.calls if f is not ds_allowlist.is_line_allowlisted]

    def __call__(self, **kwargs: Any) -> bool:
        calls = self.others
        if self.allowlist and ("pragma" in kwargs["line"]
                               or "pragma" in kwargs["context"].previous_line):
            calls = self.allowlist + self.others
        for function, names in calls:
            try:
                if function(**{name: kwargs[name] for name in names}):
                    return True
            except TypeError:
                pass
        return False


class Engine:
    """detect-secrets configured for one run: plugins initialised, filters resolved."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        # A private, plain copy, normalised the way _configure installs it.
        self.config = _configure(json.loads(json.dumps(config)))
        self.plugins = list(ds_settings.get_plugins())
        gates = [_gate(plugin) for plugin in self.plugins]
        self._keyword_gate = _keyword_gate_for(
            re.compile("|".join(ds_keyword.DENYLIST), re.IGNORECASE))
        self._plugin_calls = []
        for plugin, gate in zip(self.plugins, gates):
            names = set(get_injectable_variables(plugin.analyze_line)) - {"self"}
            searches = tuple(regex.search for regex in plugin.denylist) if gate == _REGEX else ()
            self._plugin_calls.append((plugin, tuple(sorted(
                names & {"filename", "line", "line_number", "context"})), gate, searches))
        filters = [f for f in ds_settings.get_filters() if f.path not in SKIPPED_FILTERS]
        self._file_filtered = _Stage(filters, "filename", ("filename",))
        self._line_filtered = _LineStage(filters)
        self._secret_filtered = _Stage(filters, "secret", ("filename", "secret", "plugin",
                                                           "line"))
        self._context_filtered = _Stage(filters, "context", ("filename", "secret", "plugin",
                                                             "line", "context"))

    def wants(self, filename: str) -> bool:
        """False for files detect-secrets skips by name (lock files, images, swagger...)."""
        return not self._file_filtered(filename=filename)

    def scan_text(self, filename: str, text: str) -> list[RawSecret]:
        """What ``scan_file(filename)`` would report for a file holding ``text``.

        ``text`` must already be newline-normalised (``\\n`` only), as ``open()`` in text
        mode gives it to detect-secrets.
        """
        _configure_if_changed(self)
        handle = _NamedText(text, filename)
        lines = get_transformed_file(handle)
        if not lines:
            lines = handle.readlines()
        found = list(self._scan_lines(filename, lines))
        if found:
            return found
        # detect-secrets retries with its eager transformers (e.g. any file parsed as INI)
        # only when the plain pass found nothing.
        handle.seek(0)
        lines = get_transformed_file(handle, use_eager_transformers=True)
        if not lines:
            return []
        return list(self._scan_lines(filename, lines))

    def _scan_lines(self, filename: str, lines: list[str]) -> Iterator[RawSecret]:
        line_filtered = self._line_filtered
        secret_filtered = self._secret_filtered
        context_filtered = self._context_filtered
        plugin_calls = self._plugin_calls
        keyword_gate = self._keyword_gate
        for number, line in enumerate(lines, 1):
            line = line.rstrip()
            if not line:
                continue  # no plugin finds anything in an empty line
            quoted = "'" in line or '"' in line
            keyword_hit = None
            arguments = None
            found = []
            for plugin, names, gate, searches in plugin_calls:
                # The gates are necessary conditions of each plugin's own regexes: a
                # plugin skipped here would have returned nothing. (A regex plugin's gate
                # is its own regexes: a search costs what its findall costs on the lines
                # where nothing matches, and spares the plugin's Python layers.)
                if gate == _REGEX:
                    for search in searches:
                        if search(line) is not None:
                            break
                    else:
                        continue
                elif gate == _QUOTED and not quoted:
                    continue
                elif gate == _KEYWORD:
                    if keyword_hit is None:
                        keyword_hit = keyword_gate(line)
                    if not keyword_hit:
                        continue
                if arguments is None:
                    arguments = {"filename": filename, "line": line, "line_number": number,
                                 "context": get_code_snippet(lines=lines, line_number=number)}
                secrets = plugin.analyze_line(**{name: arguments[name] for name in names})
                if secrets:
                    found.append((plugin, secrets))
            if not found:
                continue
            # detect-secrets applies the line filters before the plugins; they are pure
            # functions of the line, so asking them only when a plugin found something
            # gives the same result and spares them on almost every line.
            context = arguments["context"]
            if line_filtered(filename=filename, line=line, context=context):
                continue
            for plugin, secrets in found:
                for secret in secrets:
                    value = secret.secret_value
                    if secret_filtered(filename=filename, secret=value, plugin=plugin,
                                       line=line):
                        continue
                    if context_filtered(filename=filename, secret=value, plugin=plugin,
                                        line=line, context=context):
                        continue
                    yield RawSecret(number, type(plugin).__name__, secret.type, value,
                                    secret.secret_hash)


# Plugin gates: which cheap necessary condition a line must meet for a plugin to run.
_ALWAYS, _REGEX, _QUOTED, _KEYWORD = range(4)


def _gate(plugin: Any) -> int:
    """The gate for ``plugin``, only for detect-secrets' own classes whose scan we know:
    a subclass that overrides the scan (a custom plugin, a future version) always runs."""
    kind = type(plugin)
    if (kind.analyze_line is BasePlugin.analyze_line
            and kind.analyze_string is RegexBasedDetector.analyze_string
            and all(isinstance(regex, re.Pattern) for regex in plugin.denylist)):
        return _REGEX
    if (kind.analyze_line is HighEntropyStringsPlugin.analyze_line
            and kind.analyze_string is HighEntropyStringsPlugin.analyze_string
            and plugin.regex.pattern.startswith("([\\'\"])")):
        return _QUOTED  # it only looks inside single or double quotes
    if (kind is KeywordDetector and all(
            ds_keyword.DENYLIST_REGEX in regex.pattern
            for table in (*ds_keyword.REGEX_BY_FILETYPE.values(),
                          ds_keyword.QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP)
            for regex in table)):
        return _KEYWORD  # every one of its regexes contains the keyword list
    return _ALWAYS


#: Every entry of KeywordDetector's DENYLIST contains one of these (api_?key, db_?pass,
#: password, pwd, secret, contraseña, ...). On an ASCII line, re.IGNORECASE is ASCII case
#: folding, so the lowercase substring test is exact; other lines take the regex.
_KEYWORD_WORDS = ("key", "pass", "pwd", "secret", "contrase")


def _keyword_gate_for(prefilter: re.Pattern) -> Callable[[str], bool]:
    if not all(any(word in entry for word in _KEYWORD_WORDS) for entry in ds_keyword.DENYLIST):
        return lambda line: prefilter.search(line) is not None  # a changed DENYLIST

    def gate(line: str) -> bool:
        if line.isascii():
            lower = line.lower()
            return any(word in lower for word in _KEYWORD_WORDS)
        return prefilter.search(line) is not None
    return gate


_ACTIVE: list = [None]  # the configuration detect-secrets' global settings hold now


def _configure(config: Mapping[str, Any]) -> dict:
    """Make detect-secrets' process-global settings exactly ``config``.

    Without ``filters_used`` detect-secrets keeps its default filters. A ``filters_used``
    list (from a baseline) replaces them, as in detect-secrets, but the allowlist filter is
    always put back: ``pragma: allowlist secret`` is part of our contract.
    """
    config = dict(config)
    if "filters_used" in config:
        filters = [f for f in config["filters_used"] if isinstance(f, dict) and "path" in f]
        if not any(f["path"] == ALLOWLIST_FILTER for f in filters):
            filters.append({"path": ALLOWLIST_FILTER})
        config["filters_used"] = filters
    ds_settings.cache_bust()
    ds_settings.configure_settings_from_baseline(config)
    _ACTIVE[0] = config
    return config


def _configure_if_changed(engine: Engine) -> None:
    # Two engines in one process (tests; a flake8 run and a hook run in one interpreter)
    # take turns on the global settings; the common case costs one identity check.
    if _ACTIVE[0] is not engine.config:
        engine.config = _configure(engine.config)
