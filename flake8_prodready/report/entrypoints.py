"""Production entry points: which services run, and which project code each one starts.

Sources, in order of authority:

1. ``[tool.prodready] entry-points``: ``service = ["src/api.py", "pkg.worker",
   "uvicorn pkg.app:app"]`` (a file, a module, or a command). When given, it is the whole
   truth about Python entry points; compose files still name the services for the
   container-configuration standard.
2. Compose files (``compose.yaml``, ``docker-compose*.yml``; not those under test paths):
   each service's ``entrypoint:``/``command:`` (string and list forms) and, where it builds
   from a Dockerfile, that Dockerfile's ``ENTRYPOINT``/``CMD``, combined as Docker does.

Commands name container paths. They are mapped back to project files through the
Dockerfile's ``WORKDIR`` and ``COPY`` instructions and the service's bind mounts; failing
that, relative to the build context and the project root; failing that, by matching the
path's tail (noted as such in the report).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from ..context import PathClassifier, TEST, matches_any
from . import commands, dockerfile
from .commands import Target
from .model import EntryPoint, Gap
from .project import Project, normalize

COMPOSE_NAME = re.compile(r"^(?:docker-)?compose(?:\.[^/]*)?\.ya?ml$")
# ${VAR:-default} and ${VAR-default}: a command written with a default uses the default
# when the variable is unset; we read the default and say so. $$ is a literal dollar.
INTERPOLATION_DEFAULT = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}")


MAX_SCRIPTS = 64


class TooManyScripts(Exception):
    """An entry point's shell scripts call more scripts than we follow."""


@dataclass
class Resolver:
    """Maps container paths of one service to project files."""

    project: Project
    context: str  # build context or compose directory, root-relative
    workdir: Optional[str] = None  # container working directory
    mappings: List[Tuple[str, str]] = field(default_factory=list)  # container -> project
    pythonpath: List[str] = field(default_factory=list)  # container dirs
    scripts_read: int = 0
    #: Match an unmapped absolute path by its tail: only for images built from the project.
    match_tails: bool = True

    def candidates(self, path: str, directory: bool = False) -> List[Tuple[str, str]]:
        """(project path, how) candidates for a container path, best first."""
        out: List[Tuple[str, str]] = []
        absolute = None
        if path.startswith("/"):
            absolute = posixpath.normpath(path)
        elif self.workdir:
            absolute = posixpath.normpath(posixpath.join(self.workdir, path))
        if absolute is not None:
            for container, host in self.mappings:
                if absolute == container:
                    out.append((host, "mapped"))
                elif absolute.startswith(container.rstrip("/") + "/"):
                    rest = absolute[len(container.rstrip("/")) + 1:]
                    out.append((posixpath.join(host, rest) if host not in ("", ".")
                                else rest, "mapped"))
        if not path.startswith("/"):
            out.append((posixpath.join(self.context, path) if self.context else path,
                        "relative to the build context"))
            out.append((path, "relative to the project root"))
        elif self.match_tails and not any(how == "mapped" for _, how in out):
            parts = [part for part in path.split("/") if part]
            for index in range(1, len(parts)):
                tail = "/".join(parts[index:])
                out.append((posixpath.join(self.context, tail) if self.context else tail,
                            "matched by path tail (no COPY or volume maps it)"))
        seen, result = set(), []
        for candidate, how in out:
            candidate = normalize(candidate)
            if candidate is None or candidate in seen:
                continue
            seen.add(candidate)
            exists = (self.project.is_dir(candidate) if directory
                      else self.project.is_file(candidate))
            if exists:
                result.append((candidate, how))
        return result

    def file(self, path: str) -> Tuple[Optional[str], str]:
        found = self.candidates(path)
        return found[0] if found else (None, "")

    def dirs(self, paths: Sequence[str]) -> List[str]:
        out = []
        for path in paths:
            for candidate, _ in self.candidates(path, directory=True):
                out.append(candidate)
                break
        return out

    def import_roots(self, target: Target, script: Optional[str]) -> tuple:
        """The import path of the process, as project directories, most specific first."""
        roots: List[str] = []
        if script is not None:
            roots.append(posixpath.dirname(script))  # sys.path[0] of "python dir/x.py"
        elif self.workdir:
            roots.extend(self.dirs([self.workdir]))  # "python -m" puts the cwd first
        roots.extend(self.dirs(list(target.import_dirs)))
        roots.extend(self.dirs(self.pythonpath))
        # Fallbacks: the build context and the project root (images commonly set
        # PYTHONPATH or install the project), and a src/ layout's src.
        roots.append(self.context)
        roots.append("")
        if self.project.is_dir("src") and not self.project.is_file("src/__init__.py"):
            roots.append("src")
        return tuple(dict.fromkeys(roots))

    def read_script(self, path: str) -> Optional[str]:
        found, _ = self.file(path)
        if found is None or found.endswith(".py"):
            return None
        # Scripts calling scripts (or themselves) are followed to a bounded total, so a
        # loop or a fan-out of scripts cannot make the report hang.
        self.scripts_read += 1
        if self.scripts_read > MAX_SCRIPTS:
            raise TooManyScripts(path)
        return self.project.read_text(found)


@dataclass
class ServiceSpec:
    name: str
    origins: List[str] = field(default_factory=list)  # "compose.yml:12", "pyproject.toml"
    compose_file: str = ""
    lines: Dict[str, frozenset] = field(default_factory=dict)  # compose file -> its lines
    config_files: List[str] = field(default_factory=list)  # Dockerfile, env files
    entry_points: List[EntryPoint] = field(default_factory=list)
    roots: Dict[str, tuple] = field(default_factory=dict)  # entry file -> import roots
    builds: bool = False  # builds project code (build:) or mounts it
    gaps: List[Gap] = field(default_factory=list)


@dataclass
class Discovery:
    services: List[ServiceSpec]
    compose_files: List[str]
    source: str  # "configuration", "compose files" or "none"
    gaps: List[Gap] = field(default_factory=list)


# -- YAML nodes (PyYAML's node API: line marks, anchors shared, no alias expansion) --------

def _yaml():
    import yaml  # only the report and the compose face pay for PyYAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


def _get(node, key: str, seen: Optional[set] = None):
    """Value node for ``key`` in a mapping node, honouring ``<<`` merge keys.

    Each mapping is searched once per look-up (``seen``): a file whose merges fan out
    into shared anchors ("merge bomb") costs its size, not the number of merge paths.
    """
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    if seen is None:
        seen = set()
    if id(node) in seen:
        return None
    seen.add(id(node))
    merges = []
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value == key and key_node.tag != "tag:yaml.org,2002:merge":
                return value_node
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                merges.append(value_node)
    for merge in merges:
        sources = merge.value if isinstance(merge, yaml.SequenceNode) else [merge]
        for source in sources:
            found = _get(source, key, seen)
            if found is not None:
                return found
    return None


def _scalar(node) -> Optional[str]:
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return str(node.value)
    return None


def _string_list(node) -> Optional[List[str]]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        values = [_scalar(item) for item in node.value]
        if all(value is not None for value in values):
            return values  # type: ignore[return-value]
    return None


def _lines(node) -> frozenset:
    """Every line a node and what it merges or aliases spans (each node visited once)."""
    import yaml

    lines: set = set()
    seen: set = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            end = current.end_mark.line + (1 if current.end_mark.column else 0)
            lines.update(range(current.start_mark.line + 1, max(end, current.start_mark.line
                                                                + 1) + 1))
        elif isinstance(current, yaml.SequenceNode):
            lines.add(current.start_mark.line + 1)
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            lines.add(current.start_mark.line + 1)
            for key_node, value_node in current.value:
                stack.append(key_node)
                stack.append(value_node)
    return frozenset(lines)


def _interpolate(text: str) -> str:
    return INTERPOLATION_DEFAULT.sub(lambda match: match.group(1), text).replace("$$", "$")


# -- discovery ---------------------------------------------------------------------------

def compose_files(project: Project, classifier: PathClassifier,
                  extra_globs: tuple = (), test_globs: tuple = ()) -> List[str]:
    """Production compose files: by name or ``compose-paths``, minus test infrastructure
    (test paths, ``compose-test-paths`` such as ``docker-compose.test.yml``)."""
    return [path for path in project.files
            if (COMPOSE_NAME.match(posixpath.basename(path))
                or (extra_globs and matches_any(path, extra_globs)))
            and classifier.classify(path) != TEST
            and not (test_globs and matches_any(path, test_globs))]


def discover(project: Project, classifier: PathClassifier,
             configured: Dict[str, tuple], config_origin: str = "pyproject.toml",
             extra_globs: tuple = (), test_globs: tuple = ()) -> Discovery:
    files = compose_files(project, classifier, extra_globs, test_globs)
    gaps: List[Gap] = []
    services: Dict[str, ServiceSpec] = {}
    for path in files:
        _read_compose(project, path, services, gaps, infer=not configured)
    if configured:
        for name, items in sorted(configured.items()):
            spec = services.setdefault(name, ServiceSpec(name))
            spec.origins.append(config_origin)
            resolver = Resolver(project, "")
            for item in items:
                _add_configured(spec, resolver, item, config_origin)
        for spec in services.values():
            if spec.name not in configured and spec.builds:
                spec.gaps.append(Gap("no-entry-point", f"service '{spec.name}' builds "
                                     "project code but is not listed in entry-points",
                                     spec.compose_file, 0, spec.name))
        source = "configuration"
    else:
        source = "compose files" if files else "none"
    if not services:
        gaps.append(Gap("no-entry-point", "no compose file and no [tool.prodready] "
                        "entry-points: no production entry point is known, so every file "
                        "is reported as inactive"))
    return Discovery([services[name] for name in sorted(services)], files, source, gaps)


def _add_configured(spec: ServiceSpec, resolver: Resolver, item: str, origin: str) -> None:
    item = item.strip()
    if any(char.isspace() for char in item):
        try:
            targets = commands.parse_shell(item, resolver.read_script)
        except TooManyScripts:
            targets = [Target(commands.DYNAMIC, f"shell scripts call more than {MAX_SCRIPTS} "
                              "scripts", "sh", item)]
    elif item.endswith(".py") or "/" in item:
        targets = [Target(commands.FILE, item, "configured", item)]
    else:
        module = item.split(":", 1)[0]
        targets = [Target(commands.MODULE, module, "configured", item)]
    _add_targets(spec, resolver, targets, origin, item)


def _read_compose(project: Project, path: str, services: Dict[str, ServiceSpec],
                  gaps: List[Gap], infer: bool) -> None:
    yaml, loader = _yaml()
    text = project.read_text(path)
    if text is None:
        gaps.append(Gap("unparsable-file", "compose file cannot be read as UTF-8 text", path))
        return
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        gaps.append(Gap("unparsable-file", f"compose file does not parse: "
                        f"{getattr(error, 'problem', None) or error}", path,
                        mark.line + 1 if mark is not None else 0))
        return
    except RecursionError:
        gaps.append(Gap("unparsable-file", "compose file nested too deeply", path))
        return
    services_node = _get(root, "services")
    if not isinstance(services_node, yaml.MappingNode):
        return
    compose_dir = posixpath.dirname(path)
    for key_node, node in services_node.value:
        name = _scalar(key_node)
        if name is None or not isinstance(node, yaml.MappingNode):
            continue
        line = key_node.start_mark.line + 1
        spec = services.setdefault(name, ServiceSpec(name))
        spec.origins.append(f"{path}:{line}")
        spec.compose_file = spec.compose_file or path
        spec.lines[path] = spec.lines.get(path, frozenset()) | _lines(node) | {line}
        _read_service(project, spec, node, compose_dir, path, line, infer)


def _read_service(project: Project, spec: ServiceSpec, node, compose_dir: str,
                  compose_path: str, line: int, infer: bool) -> None:
    import yaml

    resolver = Resolver(project, compose_dir)
    stage = None
    build = _get(node, "build")
    dockerfile_path = None
    if build is not None:
        context, dockerfile_name, target, inline = _scalar(build), "Dockerfile", None, None
        if isinstance(build, yaml.MappingNode):
            context = _scalar(_get(build, "context")) or "."
            dockerfile_name = _scalar(_get(build, "dockerfile")) or "Dockerfile"
            target = _scalar(_get(build, "target"))
            inline = _scalar(_get(build, "dockerfile_inline"))
        context = context or "."
        if "://" in context or context.startswith("git@"):
            spec.gaps.append(Gap("no-entry-point", f"service '{spec.name}' builds from a "
                                 f"remote context ({context}): not project code",
                                 compose_path, line, spec.name))
        else:
            context_path = normalize(posixpath.join(compose_dir, context))
            spec.builds = True
            if context_path is not None:
                resolver.context = context_path
                parsed = None
                if inline is not None:
                    parsed = dockerfile.parse(inline, f"{compose_path} (dockerfile_inline)")
                else:
                    dockerfile_path = normalize(posixpath.join(context_path, dockerfile_name))
                    text = project.read_text(dockerfile_path) if dockerfile_path else None
                    if text is not None:
                        parsed = dockerfile.parse(text, dockerfile_path)
                        spec.config_files.append(dockerfile_path)
                if parsed is not None:
                    stage = parsed.stage(target)
    if stage is not None:
        resolver.workdir = stage.workdir
        resolver.mappings.extend(reversed(stage.copies))  # a later COPY wins
        resolver.pythonpath.extend(stage.pythonpath)
    _read_volumes(resolver, _get(node, "volumes"), compose_dir, spec)
    working_dir = _scalar(_get(node, "working_dir"))
    if working_dir:
        resolver.workdir = working_dir
    environment = _get(node, "environment")
    pythonpath = _environment_value(environment, "PYTHONPATH")
    if pythonpath:
        resolver.pythonpath[:0] = [part for part in _interpolate(pythonpath).split(":")
                                   if part and "$" not in part]
    for env_file in _env_files(_get(node, "env_file")):
        env_path = normalize(posixpath.join(compose_dir, env_file))
        if env_path is not None:
            spec.config_files.append(env_path)
    if not infer:
        return
    resolver.match_tails = spec.builds
    _infer_entry_points(spec, resolver, node, stage, compose_path, dockerfile_path, line)


def _infer_entry_points(spec: ServiceSpec, resolver: Resolver, node, stage,
                        compose_path: str, dockerfile_path: Optional[str], line: int) -> None:
    entrypoint_node, command_node = _get(node, "entrypoint"), _get(node, "command")
    entrypoint, entrypoint_origin = _command_value(entrypoint_node, compose_path)
    command, command_origin = _command_value(command_node, compose_path)
    if entrypoint is None and stage is not None and stage.entrypoint is not None:
        entrypoint = stage.entrypoint
        entrypoint_origin = f"{dockerfile_path}:{stage.entrypoint_line}"
    if command is None and entrypoint_node is None and stage is not None \
            and stage.cmd is not None:
        command = stage.cmd
        command_origin = f"{dockerfile_path}:{stage.cmd_line}"
    if entrypoint is None and command is None:
        if spec.builds:
            why = ("its Dockerfile is missing" if stage is None else
                   "neither compose nor its Dockerfile sets CMD or ENTRYPOINT")
            spec.gaps.append(Gap("no-entry-point", f"service '{spec.name}' builds project "
                                 f"code but {why}", compose_path, line, spec.name))
        return
    origin = entrypoint_origin if entrypoint is not None else command_origin
    try:
        targets, written = _targets_of(resolver, entrypoint, command)
    except TooManyScripts as error:
        spec.gaps.append(Gap("dynamic-entry-point", f"service '{spec.name}': shell scripts "
                             f"call more than {MAX_SCRIPTS} scripts (last: {error}); not "
                             "followed further", _origin_path(origin), _origin_line(origin),
                             spec.name))
        return
    _add_targets(spec, resolver, targets, origin, written)


def _targets_of(resolver: Resolver, entrypoint, command):
    if entrypoint is not None:
        argv = list(entrypoint)
        if _is_shell_form(entrypoint):
            command = None  # shell-form ENTRYPOINT ignores CMD, as in Docker
        argv += list(command or ())
        written = " ".join(argv)
        targets = commands.parse_argv(argv, resolver.read_script)
    else:
        written = " ".join(command or ())
        if isinstance(command, _ShellString):
            targets = commands.parse_shell(str(command), resolver.read_script)
            written = str(command)
        else:
            targets = commands.parse_argv(list(command or ()), resolver.read_script)
    return targets, written


class _ShellString(str):
    """A compose ``command:`` string: Compose splits it like a shell would."""

    def __iter__(self):
        return iter(commands.split_shell(str(self)) or [str(self)])


def _is_shell_form(argv: Sequence[str]) -> bool:
    return len(argv) >= 2 and argv[0] in ("/bin/sh", "sh") and argv[1] == "-c"


def _command_value(node, compose_path: str):
    if node is None:
        return None, ""
    origin = f"{compose_path}:{node.start_mark.line + 1}"
    text = _scalar(node)
    if text is not None:
        return _ShellString(_interpolate(text)), origin
    items = _string_list(node)
    if items is not None:
        return [_interpolate(item) for item in items], origin
    return None, origin


def _environment_value(node, name: str) -> Optional[str]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return _scalar(_get(node, name))
    for item in _string_list(node) or ():
        key, _, value = item.partition("=")
        if key == name:
            return value
    return None


def _env_files(node) -> List[str]:
    import yaml

    text = _scalar(node)
    if text is not None:
        return [text]
    out = []
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            value = _scalar(item) or _scalar(_get(item, "path"))
            if value:
                out.append(value)
    return out


def _read_volumes(resolver: Resolver, node, compose_dir: str, spec: ServiceSpec) -> None:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        return
    for item in node.value:
        text = _scalar(item)
        source = target = None
        if text is not None:
            parts = text.split(":")
            if len(parts) >= 2:
                source, target = parts[0], parts[1]
        elif isinstance(item, yaml.MappingNode) and _scalar(_get(item, "type")) == "bind":
            source, target = _scalar(_get(item, "source")), _scalar(_get(item, "target"))
        if not source or not target or not source.startswith((".", "/")):
            continue  # a named volume holds data, not project code
        if source.startswith("/"):
            continue  # a host path outside the project
        host = normalize(posixpath.join(compose_dir, source))
        if host is not None:
            resolver.mappings.insert(0, (posixpath.normpath(target), host))
            if resolver.project.is_dir(host) or resolver.project.is_file(host):
                spec.builds = True


def _add_targets(spec: ServiceSpec, resolver: Resolver, targets: Sequence[Target],
                 origin: str, written: str) -> None:
    if not targets:
        spec.entry_points.append(EntryPoint(spec.name, written, origin, "none", "",
                                            note="runs no project Python code"))
        return
    for target in targets:
        entry = _resolve_target(spec, resolver, target, origin)
        if entry is not None:
            spec.entry_points.append(entry)


def _resolve_target(spec: ServiceSpec, resolver: Resolver, target: Target,
                    origin: str) -> Optional[EntryPoint]:
    project = resolver.project
    if target.kind == commands.DYNAMIC:
        spec.gaps.append(Gap("dynamic-entry-point", f"service '{spec.name}': {target.value} "
                             f"in `{target.command}`", _origin_path(origin),
                             _origin_line(origin), spec.name))
        return EntryPoint(spec.name, target.command, origin, "dynamic", "",
                          note=target.value)
    if target.kind == commands.FILE:
        path, how = resolver.file(target.value)
        if path is None:
            if spec.builds or not spec.compose_file:
                spec.gaps.append(Gap("missing-entry-file", f"service '{spec.name}': entry "
                                     f"file {target.value} not found in the project",
                                     _origin_path(origin), _origin_line(origin), spec.name))
                return EntryPoint(spec.name, target.command, origin, "file", target.value,
                                  None, "entry file not found in the project")
            # No build and no bind mount: the file comes with the image.
            return EntryPoint(spec.name, target.command, origin, "none", target.value,
                              None, "not in this project: a file of the image")
        if not path.endswith(".py") and target.launcher == "configured":
            text = project.read_text(path) or ""
            if not text.startswith("#!") or "python" not in text.split("\n", 1)[0]:
                return EntryPoint(spec.name, target.command, origin, "none", target.value,
                                  path, "not a Python file")
        spec.roots[path] = resolver.import_roots(target, path)
        return EntryPoint(spec.name, target.command, origin, "file", target.value, path,
                          _image_note(spec, "" if how.startswith(("mapped", "relative"))
                                      else how))
    if target.kind == commands.MODULE:
        from .imports import ImportGraph

        roots = resolver.import_roots(target, None)
        chain, in_project = ImportGraph(project).find_module(target.value, roots)
        if chain is None:
            if target.optional:
                return None  # celery's "pkg.celery": looked for, not required
            if in_project:
                spec.gaps.append(Gap("missing-entry-file", f"service '{spec.name}': module "
                                     f"{target.value} not found in the project",
                                     _origin_path(origin), _origin_line(origin), spec.name))
                return EntryPoint(spec.name, target.command, origin, "module", target.value,
                                  None, "module not found in the project")
            return EntryPoint(spec.name, target.command, origin, "none", target.value, None,
                              "not a project module (stdlib or third-party)")
        module_file = chain[-1]
        # python -m pkg runs pkg/__main__.py after pkg/__init__.py.
        if module_file.endswith("/__init__.py") and target.launcher == "python -m":
            main = posixpath.dirname(module_file) + "/__main__.py"
            if project.is_file(main):
                chain = chain + [main]
                module_file = main
        for path in chain:
            spec.roots.setdefault(path, roots)
        return EntryPoint(spec.name, target.command, origin, "module", target.value,
                          module_file, _image_note(spec, ""))
    if target.kind == commands.CODE:
        return _resolve_code(spec, resolver, target, origin)
    return None


def _image_note(spec: ServiceSpec, note: str) -> str:
    """A compose service that neither builds nor mounts the project, yet names a project
    file: its image is presumably built from this project elsewhere (CI). Say so."""
    if spec.builds or not spec.compose_file:
        return note
    assumption = "no build: in compose; assumed to be an image built from this project"
    return f"{note}; {assumption}" if note else assumption


def _resolve_code(spec: ServiceSpec, resolver: Resolver, target: Target,
                  origin: str) -> EntryPoint:
    """``python -c "from app import main; main()"``: the modules the code imports."""
    import ast

    from .imports import DYNAMIC, ImportGraph, refs_from_tree

    shown = target.value if len(target.value) <= 60 else target.value[:57] + "..."
    try:
        refs = refs_from_tree(ast.parse(target.value))
    except (SyntaxError, ValueError, RecursionError):
        spec.gaps.append(Gap("dynamic-entry-point", f"service '{spec.name}': `python -c` "
                             "code does not parse", _origin_path(origin),
                             _origin_line(origin), spec.name))
        return EntryPoint(spec.name, target.command, origin, "code", shown,
                          note="python -c code does not parse")
    roots = resolver.import_roots(target, None)
    graph = ImportGraph(resolver.project)
    reached: List[str] = []
    for ref in refs:
        if ref.kind == DYNAMIC or ref.level:
            spec.gaps.append(Gap("dynamic-entry-point", f"service '{spec.name}': `python -c` "
                                 f"import not followed: {ref.module or '.'}",
                                 _origin_path(origin), _origin_line(origin), spec.name))
            continue
        problems: list = []
        graph.resolve_ref("<python -c>", ref, roots, reached, problems)
        for problem in problems:
            spec.gaps.append(Gap("missing-entry-file", f"service '{spec.name}': `python -c` "
                                 f"{problem.detail}", _origin_path(origin),
                                 _origin_line(origin), spec.name))
    for path in reached:
        spec.roots.setdefault(path, roots)
    note = "imports " + ", ".join(dict.fromkeys(reached)) if reached else \
        "imports no project module"
    return EntryPoint(spec.name, target.command, origin, "code", shown,
                      reached[-1] if reached else None, note)


def _origin_path(origin: str) -> str:
    path, _, line = origin.rpartition(":")
    return path if line.isdigit() else origin


def _origin_line(origin: str) -> int:
    _, _, line = origin.rpartition(":")
    return int(line) if line.isdigit() else 0
