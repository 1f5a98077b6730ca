"""The static import closure of an entry point, inside the project.

Each Python file is parsed once (:meth:`ImportGraph.imports_of` caches the import
statements it holds). Resolution follows Python's own rules closely enough to be
trusted: a dotted name is looked up under each import root in order (a script's own
directory first, as ``sys.path[0]``), importing ``a.b.c`` runs ``a/__init__.py`` and
``a/b/__init__.py`` too, a regular package wins over a module, a directory without
``__init__.py`` is a namespace package. Imports anywhere in a file count (inside
functions, ``try`` blocks, ``if`` branches) because any of them can run in production;
only ``if TYPE_CHECKING:`` blocks are skipped, since they never run.

A module whose top-level name is not in the project is stdlib or third-party and is
ignored. A project module that does not resolve (``import pkg.gone``) and a dynamic import
with a computed name (``import_module(name)``) are returned as unresolved, never guessed.
"""

from __future__ import annotations

import ast
import posixpath
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from .project import Project, normalize

IMPORT = "import"  # import a.b
FROM = "from"  # from a.b import c  /  from . import c
DYNAMIC_LITERAL = "dynamic-literal"  # importlib.import_module("a.b"), __import__("a")
DYNAMIC = "dynamic"  # importlib.import_module(name): cannot be resolved statically

#: Call names that import the module named by their first argument.
IMPORT_FUNCTIONS = frozenset({"import_module", "__import__", "run_module"})


class ImportRef(NamedTuple):
    """One import statement or import call. A NamedTuple: tens of thousands are made on a
    big tree, and a frozen dataclass costs three times as much to build."""

    line: int
    kind: str  # IMPORT, FROM, DYNAMIC_LITERAL or DYNAMIC
    module: str  # dotted name ("" for "from . import x"); for DYNAMIC, the expression
    level: int = 0  # leading dots of a relative import
    names: tuple = ()  # names of "from m import a, b"


@dataclass(frozen=True)
class FileImports:
    refs: tuple
    error: str = ""  # why the file could not be read or parsed, if it could not


@dataclass(frozen=True)
class Unresolved:
    path: str  # the importing file
    line: int
    kind: str  # "unresolved-import" or "dynamic-import"
    detail: str


@dataclass
class Closure:
    files: List[str]  # every project file the entry points reach, sorted
    reached_from: Dict[str, str]  # file -> the file that first imported it ("" = entry)
    unresolved: List[Unresolved] = field(default_factory=list)
    unparsable: Dict[str, str] = field(default_factory=dict)  # file -> reason


def _is_type_checking(test: ast.AST) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _call_name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal_str(node: Optional[ast.AST]) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _expression_text(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # ast.unparse is best effort on odd trees
        text = type(node).__name__
    return text if len(text) <= 80 else text[:77] + "..."


#: Compound statements and the fields that hold their nested statements. Import statements
#: only occur in statement lists, so the walk never descends into expressions (which are
#: most of a tree's nodes) unless the file calls an import function.
_BLOCKS = {
    ast.FunctionDef: ("body",), ast.AsyncFunctionDef: ("body",), ast.ClassDef: ("body",),
    ast.If: ("body", "orelse"), ast.For: ("body", "orelse"), ast.AsyncFor: ("body", "orelse"),
    ast.While: ("body", "orelse"), ast.With: ("body",), ast.AsyncWith: ("body",),
    ast.Try: ("body", "handlers", "orelse", "finalbody"), ast.ExceptHandler: ("body",),
}
if hasattr(ast, "TryStar"):  # Python 3.11+
    _BLOCKS[ast.TryStar] = ("body", "handlers", "orelse", "finalbody")
if hasattr(ast, "Match"):  # Python 3.10+
    _BLOCKS[ast.Match] = ("cases",)
    _BLOCKS[ast.match_case] = ("body",)


def refs_from_tree(tree: ast.AST, dynamic: bool = True) -> tuple:
    """Every import in ``tree``; ``if TYPE_CHECKING:`` bodies are skipped (they never run).

    ``dynamic=False`` skips the search for ``import_module(...)``/``__import__(...)`` calls
    (callers pass False when the source text does not mention them: a cheap prefilter that
    spares the walk over every expression node).
    """
    refs: List[ImportRef] = []
    stack: List[ast.AST] = list(getattr(tree, "body", ()))
    blocks = _BLOCKS
    while stack:
        node = stack.pop()
        kind = node.__class__
        if kind is ast.Import:
            for alias in node.names:
                refs.append(ImportRef(node.lineno, IMPORT, alias.name))
        elif kind is ast.ImportFrom:
            refs.append(ImportRef(node.lineno, FROM, node.module or "", node.level or 0,
                                  tuple(alias.name for alias in node.names)))
        elif kind is ast.If and _is_type_checking(node.test):
            stack.extend(node.orelse)
        else:
            fields = blocks.get(kind)
            if fields is not None:
                for name in fields:
                    stack.extend(getattr(node, name))
    if dynamic:
        for node in ast.walk(tree):
            if node.__class__ is ast.Call and _call_name(node.func) in IMPORT_FUNCTIONS:
                refs.append(_dynamic_ref(node))
    refs.sort(key=lambda ref: (ref.line, ref.kind, ref.module))
    return tuple(refs)


def mentions_dynamic_import(source: str) -> bool:
    return "import_module" in source or "__import__" in source or "run_module" in source


def _dynamic_ref(call: ast.Call) -> ImportRef:
    first = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg in ("name", "mod_name") and first is None:
            first = keyword.value
    name = _literal_str(first)
    if name is None:
        text = _expression_text(call)
        return ImportRef(call.lineno, DYNAMIC, text)
    level = len(name) - len(name.lstrip("."))
    if level:
        # import_module(".sub", package=__package__): relative to the calling file's package
        # when the package is __package__/__name__, else to the literal package given.
        package = next((kw.value for kw in call.keywords if kw.arg == "package"),
                       call.args[1] if len(call.args) > 1 else None)
        literal_package = _literal_str(package)
        if literal_package is not None:
            return ImportRef(call.lineno, DYNAMIC_LITERAL,
                             _join_relative(literal_package, name))
        if isinstance(package, ast.Name) and package.id in ("__package__", "__name__"):
            return ImportRef(call.lineno, DYNAMIC_LITERAL, name[level:], level)
        return ImportRef(call.lineno, DYNAMIC, _expression_text(call))
    return ImportRef(call.lineno, DYNAMIC_LITERAL, name)


def _join_relative(package: str, name: str) -> str:
    level = len(name) - len(name.lstrip("."))
    parts = package.split(".")
    base = parts[:len(parts) - (level - 1)] if level > 1 else parts
    tail = name[level:]
    return ".".join(base + ([tail] if tail else []))


def extract_imports(source: str, filename: str = "<unknown>") -> FileImports:
    try:
        tree = ast.parse(source, filename)
    except (SyntaxError, ValueError) as error:  # ValueError: null bytes
        line = getattr(error, "lineno", None)
        where = f" (line {line})" if line else ""
        return FileImports((), f"does not parse{where}: {getattr(error, 'msg', error)}")
    except (RecursionError, MemoryError):
        return FileImports((), "too deeply nested to parse")
    return FileImports(refs_from_tree(tree, mentions_dynamic_import(source)))


class ImportGraph:
    """Import statements of project files (parsed once) and their resolution."""

    def __init__(self, project: Project,
                 parse: Optional[Callable[[str], FileImports]] = None) -> None:
        self.project = project
        self._parse = parse
        self._imports: Dict[str, FileImports] = {}
        self._resolved: Dict[Tuple[str, tuple], tuple] = {}
        self._modules: Dict[Tuple[str, tuple], tuple] = {}
        self.parse_count = 0

    # -- parsing ---------------------------------------------------------------------------

    def imports_of(self, path: str) -> FileImports:
        cached = self._imports.get(path)
        if cached is None:
            self.parse_count += 1
            if self._parse is not None:
                cached = self._parse(path)
            else:
                source = self.project.read_text(path)
                if source is None:
                    cached = FileImports((), "cannot be read as UTF-8 text")
                else:
                    cached = extract_imports(source, path)
            self._imports[path] = cached
        return cached

    def set_imports(self, path: str, imports: FileImports) -> None:
        """Record imports extracted elsewhere (from a tree another check already parsed)."""
        self._imports[path] = imports

    # -- module look-up --------------------------------------------------------------------

    def find_module(self, dotted: str, roots: Sequence[str]) -> Tuple[Optional[list], bool]:
        """(files run by importing ``dotted``, top-level name is a project module).

        The files are the package ``__init__`` modules along the way plus the module itself,
        from the first root where the whole name resolves; None when it does not resolve.
        """
        key = (dotted, tuple(roots))
        cached = self._modules.get(key)
        if cached is None:
            cached = self._modules[key] = self._find_module(dotted, roots)
        return cached

    def _find_module(self, dotted: str, roots: Sequence[str]) -> Tuple[Optional[list], bool]:
        parts = [part for part in dotted.split(".") if part]
        if not parts:
            return None, False
        top_level_found = False
        for root in roots:
            chain = self._find_in(root, parts)
            if chain is not None:
                return chain, True
            if not top_level_found and self._find_in(root, parts[:1]) is not None:
                top_level_found = True
        return None, top_level_found

    def _find_in(self, root: str, parts: Sequence[str]) -> Optional[list]:
        project = self.project
        base = root
        chain: list = []
        last = len(parts) - 1
        for index, part in enumerate(parts):
            directory = f"{base}/{part}" if base else part
            init = directory + "/__init__.py"
            module_file = directory + ".py"
            if project.is_file(init):
                chain.append(init)
                base = directory
            elif project.is_file(module_file):
                if index != last:
                    return None  # a module has no submodules
                chain.append(module_file)
            elif directory in project.code_dirs:
                base = directory  # namespace package
            else:
                return None
        return chain

    def submodule(self, package_dir: str, name: str) -> Optional[list]:
        return self._find_in(package_dir, [name]) if name != "*" else None

    # -- resolution ------------------------------------------------------------------------

    def resolve(self, path: str, roots: tuple) -> tuple:
        """(targets, unresolved) for every import of ``path`` under ``roots``."""
        key = (path, roots)
        cached = self._resolved.get(key)
        if cached is not None:
            return cached
        targets: List[str] = []
        unresolved: List[Unresolved] = []
        for ref in self.imports_of(path).refs:
            self.resolve_ref(path, ref, roots, targets, unresolved)
        result = (tuple(dict.fromkeys(targets)), tuple(unresolved))
        self._resolved[key] = result
        return result

    def resolve_ref(self, path: str, ref: ImportRef, roots: tuple, targets: list,
                    unresolved: list) -> None:
        """Append the files ``ref`` runs to ``targets`` (also used for ``python -c`` code)."""
        if ref.kind == DYNAMIC:
            unresolved.append(Unresolved(path, ref.line, "dynamic-import",
                                         f"module name computed at run time: {ref.module}"))
            return
        if ref.level:
            self._resolve_relative(path, ref, targets, unresolved)
            return
        chain, in_project = self.find_module(ref.module, roots)
        if chain is None:
            if in_project:
                unresolved.append(Unresolved(path, ref.line, "unresolved-import",
                                             f"project module '{ref.module}' not found"))
            return  # stdlib or third-party
        targets.extend(chain)
        if ref.kind == FROM and chain and chain[-1].endswith("/__init__.py"):
            package_dir = posixpath.dirname(chain[-1])
            for name in ref.names:
                sub = self.submodule(package_dir, name)
                if sub:
                    targets.extend(sub)

    def _resolve_relative(self, path: str, ref: ImportRef, targets: list,
                          unresolved: list) -> None:
        base = normalize(posixpath.join(posixpath.dirname(path), *([".."] * (ref.level - 1))))
        label = "." * ref.level + ref.module
        if base is None:
            unresolved.append(Unresolved(path, ref.line, "unresolved-import",
                                         f"relative import '{label}' leaves the project"))
            return
        if ref.module:
            chain = self._find_in(base, ref.module.split("."))
            if chain is None:
                unresolved.append(Unresolved(path, ref.line, "unresolved-import",
                                             f"relative import '{label}' not found"))
                return
            targets.extend(chain)
            package_dir = posixpath.dirname(chain[-1]) if chain and chain[-1].endswith(
                "/__init__.py") else None
        else:
            package_dir = base
        if ref.kind == FROM and package_dir is not None:
            for name in ref.names:
                sub = self.submodule(package_dir, name)
                if sub:
                    targets.extend(sub)

    # -- closure ---------------------------------------------------------------------------

    def closure(self, entries: Iterable[Tuple[str, tuple]]) -> Closure:
        """Files reachable from ``entries`` ((file, import roots) pairs), breadth first."""
        reached: Dict[str, str] = {}
        queue: deque = deque()
        for entry, roots in entries:
            if entry not in reached:
                reached[entry] = ""
                queue.append((entry, roots))
        unresolved: List[Unresolved] = []
        unparsable: Dict[str, str] = {}
        while queue:
            path, roots = queue.popleft()
            imports = self.imports_of(path)
            if imports.error:
                unparsable[path] = imports.error
            targets, problems = self.resolve(path, roots)
            unresolved.extend(problems)
            for target in targets:
                if target not in reached:
                    reached[target] = path
                    queue.append((target, roots))
        unresolved = sorted(set(unresolved), key=lambda u: (u.path, u.line, u.detail))
        return Closure(sorted(reached), reached, unresolved, unparsable)

    def importers(self, paths: Sequence[str], roots: tuple) -> Dict[str, List[str]]:
        """For every file in ``paths``, the project files that import it (whole-tree graph).

        A file outside any package is a script: run directly, its own directory is first on
        the import path, so ``import helpers`` next to it means its sibling.
        """
        importers: Dict[str, set] = {}
        for path in paths:
            directory = posixpath.dirname(path)
            file_roots = roots
            if not self.project.is_file(posixpath.join(directory, "__init__.py")):
                file_roots = tuple(dict.fromkeys((directory,) + roots))
            targets, _ = self.resolve(path, file_roots)
            for target in targets:
                if target != path:
                    importers.setdefault(target, set()).add(path)
        return {target: sorted(sources) for target, sources in importers.items()}
