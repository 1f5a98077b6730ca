"""Every regular expression in the package runs in linear time on hostile long lines.

The patterns are found, not listed: every module of ``flake8_prodready`` is imported and
its globals are searched (into tuples, lists, dicts, sets, our own classes, instances and
function defaults) for compiled ``re.Pattern`` objects, so a new regex is covered the day
it is added. For each one, near-match inputs are built from the pattern itself (parsed
with the ``re`` module's own parser): a minimal match repeated, that match less its last
character repeated, and a long run of each character class the pattern uses, with a
failing character at the end. ``search`` and ``finditer`` run on 10k and 100k characters
of each; linear time grows about 10x, backtracking 100x or more. The test fails only on
clearly super-linear growth (ratio > 40 and the 100k run above 50 ms), so a busy machine
does not make it flaky.

The timing runs in a child process (this file run as a script) with an overall time
limit, so a catastrophic pattern fails the test instead of hanging it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - 3.9/3.10
    import sre_parse  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
RATIO_LIMIT = 40.0
MIN_SLOW = 0.05  # seconds: below this at 100k characters nothing is worth failing for
CHILD_LIMIT = 300  # seconds for the whole child run


# --- finding the patterns ---------------------------------------------------------------

def _ours(obj: object) -> bool:
    return (getattr(obj, "__module__", None) or "").startswith("flake8_prodready")


def _collect(value: object, where: str, found: dict, seen: set, depth: int) -> None:
    if depth > 6 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        found.setdefault((value.pattern, value.flags), (where, value))
    elif isinstance(value, dict):
        for key, item in list(value.items()):
            _collect(item, f"{where}[{key!r}]"[:120], found, seen, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(list(value)):
            _collect(item, f"{where}[{index}]", found, seen, depth + 1)
    elif isinstance(value, type):
        if _ours(value):
            for name, item in list(vars(value).items()):
                _collect(item, f"{where}.{name}", found, seen, depth + 1)
    elif callable(value) and _ours(value):
        for item in (getattr(value, "__defaults__", None) or ()):
            _collect(item, f"{where}(default)", found, seen, depth + 1)
        for item in (getattr(value, "__kwdefaults__", None) or {}).values():
            _collect(item, f"{where}(default)", found, seen, depth + 1)
    elif _ours(type(value)):
        fields = getattr(value, "__dict__", None) or {
            name: getattr(value, name) for name in getattr(type(value), "__slots__", ())
            if hasattr(value, name)}
        for name, item in list(fields.items()):
            _collect(item, f"{where}.{name}", found, seen, depth + 1)


def package_patterns() -> list[tuple[str, re.Pattern]]:
    import flake8_prodready

    found: dict = {}
    seen: set = set()
    names = ["flake8_prodready"] + [
        info.name for info in pkgutil.walk_packages(flake8_prodready.__path__,
                                                     "flake8_prodready.")
        if not info.name.endswith("__main__")]  # running them would start a CLI
    for name in names:
        module = importlib.import_module(name)
        for attribute, value in list(vars(module).items()):
            if isinstance(value, type(module)):
                continue
            if isinstance(value, type) and not _ours(value):
                continue
            _collect(value, f"{name}.{attribute}", found, seen, 0)
    return sorted(found.values(), key=lambda item: item[0])


# --- near-match inputs, from the pattern's own parse tree -------------------------------

_CANDIDATES = "aZ0_ -.:/@=$\"'\t#%+*&?!,;()[]{}<>\\|~^`é\u2019\u00a0"


def _in_category(char: str, category) -> bool:
    name = str(category).upper()
    negate = "NOT_" in name
    if "DIGIT" in name:
        result = char.isdigit()
    elif "SPACE" in name:
        result = char.isspace()
    elif "WORD" in name:
        result = char.isalnum() or char == "_"
    elif "LINEBREAK" in name:
        result = char == "\n"
    else:
        result = False
    return result != negate


def _in_set(char: str, items) -> bool:
    negate = False
    inside = False
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL" and ord(char) == value:
            inside = True
        elif name == "RANGE" and value[0] <= ord(char) <= value[1]:
            inside = True
        elif name == "CATEGORY" and _in_category(char, value):
            inside = True
    return inside != negate


def _class_chars(items) -> list[str]:
    return [char for char in _CANDIDATES if _in_set(char, items)][:3]


class _Sampler:
    """A short string the pattern matches (best effort), and the character classes used."""

    def __init__(self) -> None:
        self.groups: dict[int, str] = {}
        self.classes: list[str] = []

    def _remember(self, chars: list[str]) -> str:
        for char in chars:
            if char not in self.classes:
                self.classes.append(char)
        return chars[0] if chars else "a"

    def sample(self, items) -> str:
        out = []
        for op, value in items:
            name = str(op)
            if name == "LITERAL":
                out.append(chr(value))
            elif name == "NOT_LITERAL":
                out.append(self._remember(["a" if value != ord("a") else "b"]))
            elif name == "ANY":
                out.append(self._remember(["a", " "]))
            elif name == "IN":
                out.append(self._remember(_class_chars(value)))
            elif name == "CATEGORY":
                out.append(self._remember([c for c in _CANDIDATES if _in_category(c, value)][:2]))
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = value
                count = max(low, 1) if high else 0
                out.append(self.sample(sub) * min(count, 64))
            elif name == "SUBPATTERN":
                group, sub = value[0], value[-1]
                text = self.sample(sub)
                if group is not None:
                    self.groups[group] = text
                out.append(text)
            elif name == "ATOMIC_GROUP":
                out.append(self.sample(value))
            elif name == "BRANCH":
                alternatives = value[1]
                texts = [self.sample(alternative) for alternative in alternatives]
                out.append(texts[0])
            elif name == "GROUPREF":
                out.append(self.groups.get(value, ""))
            elif name == "GROUPREF_EXISTS":
                out.append(self.sample(value[1]))
            # AT (anchors), ASSERT, ASSERT_NOT: zero-width, nothing to add
        return "".join(out)


def hostile_inputs(pattern: re.Pattern, size: int) -> dict[str, str]:
    sampler = _Sampler()
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        match = sampler.sample(parsed) or "a"
    except Exception:  # an exotic construct: the generic runs below still apply
        match = "a"
    units = {"match": match, "match less one": match[:-1] or "a",
             "match, space": match + " ", "match, newline": match + "\n"}
    inputs = {label: (unit * (size // len(unit) + 1))[:size] + "\x00"
              for label, unit in units.items()}
    for char in sampler.classes[:8]:
        inputs[f"run of {char!r}"] = char * size + "\x00"
        inputs[f"match then run of {char!r}"] = (match + char * size)[:size] + "\x00"
    return inputs


def scans(where: str, sources: str) -> bool:
    """Whether the pattern may be used to scan a text (search, finditer, findall, sub,
    split), where each start position can cost a match attempt. A pattern only ever
    used through ``match``/``fullmatch`` at one position is timed that way only."""
    name = where.rsplit(".", 1)[-1]
    if not name.isidentifier():
        return True  # inside a container: assume the worst
    if re.search(rf"\b{re.escape(name)}\.(?:search|finditer|findall|sub|subn|split)\(",
                 sources):
        return True
    return not re.search(rf"\b{re.escape(name)}\.(?:match|fullmatch)\(", sources)


def _timed(pattern: re.Pattern, text: str, runs: int, scan: bool) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        pattern.match(text)
        if scan:
            pattern.search(text)
            for _ in pattern.finditer(text):
                pass
        best = min(best, time.perf_counter() - started)
    return best


def growth(pattern: re.Pattern, label: str, scan: bool) -> tuple[float, float]:
    """(worst ratio of one size step to the next, time at the largest size reached).
    1k, 10k, then 100k characters: a step that already grows super-linearly stops the
    climb, so a quadratic pattern is caught at 10k instead of running for minutes."""
    worst, previous = 0.0, None
    for size in (1_000, 10_000, 100_000):
        elapsed = _timed(pattern, hostile_inputs(pattern, size)[label], 3 if size < 100_000 else 2,
                         scan)
        if previous is not None:
            ratio = elapsed / max(previous, 1e-4)
            worst = max(worst, ratio)
            if ratio > RATIO_LIMIT and elapsed > MIN_SLOW / 10:
                return ratio, elapsed
        previous = elapsed
    return worst, previous


def child() -> int:
    """Print one JSON line per pattern: its worst growth ratio and largest time."""
    sys.path.insert(0, str(ROOT))
    patterns = package_patterns()
    sources = "\n".join(path.read_text(encoding="utf-8")
                        for path in sorted((ROOT / "flake8_prodready").rglob("*.py")))
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for where, pattern in patterns:
        scan = scans(where, sources)
        print(json.dumps({"start": where, "pattern": pattern.pattern[:200], "scan": scan}),
              flush=True)
        worst = {"ratio": 0.0, "time": 0.0, "input": ""}
        for label in hostile_inputs(pattern, 10):
            ratio, elapsed = growth(pattern, label, scan)
            if ratio > worst["ratio"] and elapsed > MIN_SLOW / 10:
                worst = {"ratio": ratio, "time": elapsed, "input": label}
        print(json.dumps({"done": where, **worst}), flush=True)
    return 0


def test_every_regex_is_linear_on_hostile_long_lines():
    process = subprocess.Popen([sys.executable, __file__], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        out, err = process.communicate(timeout=CHILD_LIMIT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert records and "patterns" in records[0], err[-3000:]
    started = [r for r in records if "start" in r]
    done = {r["done"]: r for r in records if "done" in r}
    hung = [r for r in started if r["start"] not in done]
    assert not hung, f"timed out on {hung[0]['start']}: /{hung[0]['pattern']}/"
    assert process.returncode == 0, err[-3000:]
    assert records[0]["patterns"] >= 40, "the pattern discovery lost most patterns"
    slow = [f"{where}: {r['ratio']:.0f}x for 10x more characters ({r['time'] * 1000:.0f} "
            f"ms) on {r['input']}"
            for where, r in done.items()
            if r["ratio"] > RATIO_LIMIT and r["time"] > MIN_SLOW / 10]
    assert not slow, "super-linear regular expressions:\n" + "\n".join(slow)


if __name__ == "__main__":
    raise SystemExit(child())
