"""YAML as a node graph with line and column marks, for linting rather than loading.

PyYAML's *composer* (the C one from libyaml when available) turns the text into nodes that
keep their start and end marks; an alias is the very node object its anchor names. So the
graph of a "billion laughs" file is small: it is only the *construction* into Python
objects, or a naive tree walk, that multiplies it. Everything here visits a node once
(memoised by ``id``), walks with explicit stacks (no recursion on user-controlled depth),
and never constructs Python values, so unknown tags such as compose's ``!reset`` and
``!override`` are no problem.

``<<`` merge keys are resolved the way YAML 1.1 and compose define them: the value is a
mapping or a sequence of mappings; keys written in the mapping itself win over merged
ones, and earlier mappings in a merge sequence win over later ones. The resolved pairs
are the *original* key and value nodes, so a value inherited through ``<<: *defaults`` is
still reported at the line where it is written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml: ~10x faster, and it limits nesting depth itself
    from yaml import CSafeLoader as Loader
    WITH_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]
    WITH_LIBYAML = False

MERGE_TAG = "tag:yaml.org,2002:merge"
#: libyaml before 0.2.5 has no nesting limit of its own and its composer recurses in C,
#: so a hostile file could overflow the C stack; PyYAML's pure-Python composer would
#: raise RecursionError. Both are avoided by refusing deeper nesting up front.
MAX_DEPTH = 1000
#: YAML's line breaks (libyaml counts these when it numbers lines).
LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


class YamlProblem(Exception):
    """The text is not YAML we can check; ``line``/``col`` are 1-based."""

    def __init__(self, reason: str, line: int = 1, col: int = 1) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.col = col


def split_lines(text: str) -> list[str]:
    """Lines as YAML numbers them (without their line breaks)."""
    return LINE_BREAK.split(text)


class Lines(Sequence):
    """The lines of a text, split on first use: only files with findings need them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def _split(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self._text)
        return self._lines

    def __getitem__(self, index):  # type: ignore[override]
        return self._split()[index]

    def __len__(self) -> int:
        return len(self._split())


def compose_documents(text: str) -> list[Node]:
    """Every document's root node (``None`` roots, i.e. empty documents, are dropped)."""
    if not _libyaml_limits_depth():
        _refuse_deep_nesting(text)
    loader = Loader(text)
    try:
        documents = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                documents.append(node)
        return documents
    except yaml.MarkedYAMLError as error:
        raise _marked_problem(error) from None
    except yaml.reader.ReaderError as error:  # control characters and the like
        line, col = _line_and_column(text, error.position)
        character = error.character
        if isinstance(character, str):  # PyYAML's reader gives the character,
            character = ord(character[:1] or "\0")  # libyaml's its code point
        code = f"#x{character:04x}" if isinstance(character, int) else repr(character)
        raise YamlProblem(f"invalid YAML: unacceptable character {code} ({error.reason})",
                          line, col) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"invalid YAML: {_one_line(str(error))}") from None
    except RecursionError:  # pragma: no cover - only the pure-Python composer recurses
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def _marked_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    """One line: what went wrong where, with the construct it was in ("while parsing a
    flow sequence at line 3, did not find expected ',' or ']'")."""
    mark = error.problem_mark or error.context_mark
    context, problem = error.context, error.problem
    if context and error.context_mark is not None and error.problem_mark is not None \
            and error.context_mark.line != error.problem_mark.line:
        context = f"{context} at line {error.context_mark.line + 1},"
    reason = _one_line(" ".join(part for part in (context, problem) if part))
    if mark is None:
        return YamlProblem(f"invalid YAML: {reason}")
    return YamlProblem(f"invalid YAML: {reason}", mark.line + 1, mark.column + 1)


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    before = text[:max(0, index)]
    lines = split_lines(before)
    return len(lines), len(lines[-1]) + 1


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


@lru_cache(maxsize=1)
def _libyaml_limits_depth() -> bool:
    """Whether the libyaml in use refuses deep nesting itself. Probed, not inferred from
    its version: PyYAML 6.0.3's wheels for older Pythons carry a libyaml that reports
    0.2.5 and still composes 5,000 nested flow levels."""
    if not WITH_LIBYAML:
        return False
    probe = "[" * 2000 + "]" * 2000
    try:
        yaml.compose(probe, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return True
    return False


def _refuse_deep_nesting(text: str) -> None:
    """A linear over-estimate of nesting depth: flow brackets opened and not yet closed,
    plus block indentation. Real compose files stay below a few dozen."""
    depth = 0
    deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    indents = (len(line) - len(line.lstrip(" -")) for line in split_lines(text))
    deepest = max(deepest, max(indents, default=0) // 2)
    if deepest > MAX_DEPTH:
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels")


# --- navigation ------------------------------------------------------------------------------

def is_merge_key(node: Node) -> bool:
    """``<<`` as a plain key: the safe resolver tags it (a quoted "<<" is a string)."""
    return node.tag == MERGE_TAG


def key_text(node: Node) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


class Graph:
    """Merge resolution and lookups over one document, memoised per node."""

    def __init__(self) -> None:
        #: id(mapping) -> its effective (key, value) pairs, merges resolved.
        self._pairs: dict[int, list[tuple[Node, Node]]] = {}

    def pairs(self, mapping: MappingNode) -> list[tuple[Node, Node]]:
        """The effective ``(key, value)`` pairs of ``mapping`` with ``<<`` merges resolved
        (later duplicates win, as in compose). Keys are scalars except in the rare
        mapping with complex keys and no merge, which comes back as written: callers
        check ``key.__class__``."""
        cached = self._pairs.get(id(mapping))
        if cached is not None:
            return cached
        for key, _ in mapping.value:
            if key.tag == MERGE_TAG:
                break
        else:  # no merge key: the usual case, the pairs as written
            self._pairs[id(mapping)] = mapping.value
            return mapping.value
        # Post-order over the merge sources, iteratively: a chain of merges as long as
        # the file allows must not exhaust the Python stack.
        in_progress: set[int] = set()
        stack: list[tuple[MappingNode, bool]] = [(mapping, False)]
        while stack:
            node, sources_done = stack.pop()
            if id(node) in self._pairs:
                continue
            sources = _merge_sources(node)
            if not sources_done:
                if id(node) in in_progress:  # a merge cycle (&a {<<: *a}): no sources
                    self._pairs[id(node)] = list(_own_pairs(node).values())
                    continue
                in_progress.add(id(node))
                stack.append((node, True))
                stack.extend((source, False) for source in sources
                             if id(source) not in self._pairs)
                continue
            effective: dict[str, tuple[Node, Node]] = {}
            for source in reversed(sources):  # earlier sources win
                for key, value in self._pairs.get(id(source), ()):
                    if key.__class__ is ScalarNode:
                        effective[key.value] = (key, value)
            effective.update(_own_pairs(node))
            self._pairs[id(node)] = list(effective.values())
        return self._pairs[id(mapping)]

    def get(self, mapping: Node | None, name: str) -> Node | None:
        if mapping.__class__ is not MappingNode:
            return None
        found = None
        for key, value in self.pairs(mapping):  # type: ignore[arg-type]
            if key.__class__ is ScalarNode and key.value == name:
                found = value  # the last one wins, as in compose
        return found


def _own_pairs(mapping: MappingNode) -> dict[str, tuple[Node, Node]]:
    return {key.value: (key, value) for key, value in mapping.value
            if key.__class__ is ScalarNode and key.tag != MERGE_TAG}


def _merge_sources(mapping: MappingNode) -> list[MappingNode]:
    sources: list[MappingNode] = []
    for key, value in mapping.value:
        if key.tag != MERGE_TAG:
            continue
        if isinstance(value, MappingNode):
            sources.append(value)
        elif isinstance(value, SequenceNode):  # << merges mappings only
            sources.extend(item for item in value.value if isinstance(item, MappingNode))
    return sources


# --- positions inside scalars ----------------------------------------------------------------

def position(node: Node, lines: Sequence[str], offset: int = 0) -> tuple[int, int]:
    """1-based ``(line, col)`` of the character at ``offset`` of a scalar's value (for a
    quoted scalar, offset 0 is the first character inside the quotes).

    Exact for single-line plain and quoted scalars and for literal block scalars (``|``),
    which is where compose values live; other multi-line forms point at the scalar's
    start.
    """
    start = node.start_mark
    line, col = start.line, start.column
    if not isinstance(node, ScalarNode):
        return line + 1, col + 1
    style = node.style
    if start.line == node.end_mark.line and line < len(lines):
        raw = lines[line]
        col = _skip_properties(raw, col)
        if not style:  # plain: None from PyYAML's composer, "" from libyaml's
            return line + 1, col + offset + 1
        if style in ("'", '"'):
            return line + 1, _quoted_column(raw, col, offset, style) + 1
    if style == "|" and offset > 0:
        return _literal_block_position(node, lines, offset)
    return line + 1, col + 1


_PROPERTY = re.compile(r"[&!][^\s]*\s+")


def _skip_properties(raw: str, col: int) -> int:
    """The node's start mark is at its anchor or tag (``&pw secret``, ``!override x``);
    the value starts after them."""
    for _ in range(2):  # at most an anchor and a tag
        match = _PROPERTY.match(raw, col)
        if not match:
            break
        col = match.end()
    return col


def _quoted_column(raw: str, quote_col: int, offset: int, quote: str) -> int:
    """Source column of value character ``offset`` in a one-line quoted scalar."""
    index = quote_col + 1
    decoded = 0
    while decoded < offset and index < len(raw):
        if quote == "'" and raw.startswith("''", index):
            index += 2
        elif quote == '"' and raw[index] == "\\":
            kind = raw[index + 1:index + 2]
            index += {"x": 4, "u": 6, "U": 10}.get(kind, 2)
        else:
            index += 1
        decoded += 1
    return index


#: The last literal block located: (node, offsets of its value's line starts, indent).
#: Findings in one block come one after another, so one entry keeps many of them linear.
_LAST_BLOCK: list = [None, [], None]


def _literal_block_position(node: ScalarNode, lines: Sequence[str],
                            offset: int) -> tuple[int, int]:
    first = node.start_mark.line + 1  # the line after the "|" header
    if _LAST_BLOCK[0] is not node:
        starts = [0] + [match.end() for match in re.finditer("\n", node.value)]
        indent = None
        for number in range(first, min(node.end_mark.line + 1, len(lines))):
            raw = lines[number]
            if raw.strip():
                indent = len(raw) - len(raw.lstrip(" "))
                break
        _LAST_BLOCK[:] = [node, starts, indent]
    _, starts, indent = _LAST_BLOCK
    line_in_value = bisect.bisect_right(starts, offset) - 1
    col_in_line = offset - starts[line_in_value]
    target = first + line_in_value
    if indent is None or target >= len(lines):
        return node.start_mark.line + 1, node.start_mark.column + 1
    return target + 1, indent + col_in_line + 1
