"""What a Dockerfile says about the process it starts and where project files land.

Only the instructions that matter for finding entry points are read: ``FROM`` (stages),
``WORKDIR``, ``COPY``/``ADD`` (which project paths end up where in the image), ``ENV
PYTHONPATH``, ``CMD`` and ``ENTRYPOINT`` in exec (JSON) and shell form. Everything else is
ignored. A stage built ``FROM`` an earlier stage inherits its settings, as in Docker.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)\s+(.*)$", re.DOTALL)


@dataclass
class Stage:
    name: str
    workdir: str = "/"
    #: (container path, path relative to the build context) for COPY/ADD, in order.
    copies: List[Tuple[str, str]] = field(default_factory=list)
    pythonpath: List[str] = field(default_factory=list)
    cmd: Optional[List[str]] = None
    cmd_line: int = 0
    entrypoint: Optional[List[str]] = None
    entrypoint_line: int = 0


@dataclass
class Dockerfile:
    path: str  # root-relative
    stages: Dict[str, Stage]
    order: List[str]

    def stage(self, target: Optional[str] = None) -> Optional[Stage]:
        if target and target in self.stages:
            return self.stages[target]
        return self.stages[self.order[-1]] if self.order else None


def instructions(text: str):
    """(line number, keyword, arguments) with continuation lines joined and comments dropped."""
    escape = "\\"
    buffer, start = [], 0
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if number == 1 and re.match(r"#\s*escape\s*=\s*`", stripped):
            escape = "`"
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if buffer and stripped.startswith("#"):
            continue  # comment lines inside a continued instruction are dropped by Docker
        if not buffer:
            start = number
        if stripped.endswith(escape):
            buffer.append(raw.rstrip()[:-1])
            continue
        buffer.append(raw)
        match = INSTRUCTION.match(" ".join(buffer))
        buffer = []
        if match:
            yield start, match.group(1).upper(), match.group(2).strip()
    if buffer:
        match = INSTRUCTION.match(" ".join(buffer))
        if match:
            yield start, match.group(1).upper(), match.group(2).strip()


def command_form(arguments: str) -> List[str]:
    """Exec form ``["a", "b"]`` as a list; shell form as ``["/bin/sh", "-c", text]``."""
    if arguments.startswith("["):
        try:
            value = json.loads(arguments)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
    return ["/bin/sh", "-c", arguments]


def parse(text: str, path: str) -> Dockerfile:
    stages: Dict[str, Stage] = {}
    order: List[str] = []
    current: Optional[Stage] = None
    for line, keyword, arguments in instructions(text):
        if keyword == "FROM":
            words = arguments.split()
            words = [word for word in words if not word.startswith("--")]
            base = words[0] if words else ""
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else str(len(order))
            parent = stages.get(base)
            current = Stage(name)
            if parent is not None:
                current.workdir = parent.workdir
                current.copies = list(parent.copies)
                current.pythonpath = list(parent.pythonpath)
                current.cmd, current.cmd_line = parent.cmd, parent.cmd_line
                current.entrypoint = parent.entrypoint
                current.entrypoint_line = parent.entrypoint_line
            stages[name] = current
            order.append(name)
            continue
        if current is None:
            continue  # ARG before FROM
        if keyword == "WORKDIR":
            workdir = arguments.strip('"\'')
            current.workdir = posixpath.normpath(posixpath.join(current.workdir, workdir))
        elif keyword in ("COPY", "ADD"):
            _copy(current, arguments, stages)
        elif keyword == "ENV":
            for name, value in _env_pairs(arguments):
                if name == "PYTHONPATH":
                    current.pythonpath = [part for part in value.split(":")
                                          if part and "$" not in part]
        elif keyword == "CMD":
            current.cmd, current.cmd_line = command_form(arguments), line
        elif keyword == "ENTRYPOINT":
            current.entrypoint = command_form(arguments)
            current.entrypoint_line = line
            # Docker: setting ENTRYPOINT resets a CMD inherited from the base image.
            current.cmd, current.cmd_line = None, 0
    return Dockerfile(path, stages, order)


def _env_pairs(arguments: str):
    if "=" not in arguments.split(None, 1)[0]:
        name, _, value = arguments.partition(" ")
        yield name, value.strip().strip('"\'')
        return
    for match in re.finditer(r'([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\'[^\']*\'|\S*)', arguments):
        yield match.group(1), match.group(2).strip('"\'')


def _copy(stage: Stage, arguments: str, stages: Dict[str, Stage]) -> None:
    if arguments.startswith("["):
        try:
            words = json.loads(arguments)
        except ValueError:
            return
    else:
        words = arguments.split()
    source_stage = None
    plain = []
    for word in words:
        if isinstance(word, str) and word.startswith("--"):
            if word.startswith("--from="):
                source_stage = stages.get(word[len("--from="):])
                if source_stage is None:
                    return  # copied from another image: no project files
            continue
        plain.append(word)
    if len(plain) < 2:
        return
    *sources, dest = plain
    dest_abs = posixpath.normpath(posixpath.join(stage.workdir, dest))
    into_directory = dest.endswith("/") or len(sources) > 1 or dest in (".", "./")
    for source in sources:
        if source_stage is not None:
            # COPY --from=builder /app /app: carry over what the builder stage mapped.
            source_abs = posixpath.normpath(posixpath.join(source_stage.workdir, source))
            for container, host in source_stage.copies:
                if container == source_abs or container.startswith(source_abs.rstrip("/")
                                                                   + "/"):
                    stage.copies.append((dest_abs + container[len(source_abs):], host))
            continue
        source = posixpath.normpath(source.lstrip("/")) if source not in (".", "./") else "."
        if into_directory and source != "." and not _is_glob(source):
            stage.copies.append((posixpath.join(dest_abs, posixpath.basename(source)), source))
        stage.copies.append((dest_abs, source))


def _is_glob(path: str) -> bool:
    return any(char in path for char in "*?[")
