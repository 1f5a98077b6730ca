"""The report's data: services, their entry points and active files, standards, gaps.

Everything here is plain data, sorted and deterministic, so the Markdown and JSON renderers
are pure functions of a :class:`Report` and the same tree always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..findings import Finding

# Cell and verdict statuses. INCOMPLETE means "no finding, but we could not see all of it";
# it is never rounded up to PASS.
PASS = "PASS"
FAIL = "FAIL"
INCOMPLETE = "INCOMPLETE"
NOT_RUN = "NOT RUN"
NOT_APPLICABLE = "N/A"

# File classification.
ACTIVE = "active"
INACTIVE = "inactive"
TEST = "test"

#: Pseudo-service for findings that belong to no service: top-level compose keys, env files
#: no service loads, and leaked material (secrets, key material) in inactive or test files.
REPOSITORY = "(repository)"


@dataclass(frozen=True)
class Standard:
    key: str
    title: str
    prefix: str  # code prefix of the family that checks it
    face: str  # which face produces its findings
    python_only: bool  # N/A for a service that runs no project Python code


STANDARDS: tuple[Standard, ...] = (
    Standard("mock", "Zero mock data", "PRD1", "python", True),
    Standard("credentials", "Zero hardcoded credentials and configuration", "PRD2", "python",
             True),
    Standard("fallback", "Zero fallback data", "PRD3", "python", True),
    Standard("secrets", "No secrets (detect-secrets)", "PRD5", "secrets", False),
    Standard("container", "Container configuration (compose and env files)", "PRD4",
             "compose", False),
)

STANDARD_BY_PREFIX = {standard.prefix: standard for standard in STANDARDS}


def standard_of(code: str) -> Optional[Standard]:
    return STANDARD_BY_PREFIX.get(code[:4])


@dataclass(frozen=True)
class EntryPoint:
    """One production entry point of a service, as found and as resolved."""

    service: str
    command: str  # the command or target as written
    origin: str  # where it was found: "docker-compose.yml:28", "pyproject.toml", ...
    kind: str  # "file", "module", "code" (python -c), or "none" (not project Python)
    target: str  # the file path or dotted module as written in the command
    path: Optional[str] = None  # the resolved project file, root-relative POSIX
    note: str = ""  # how it was resolved, or why it could not be


@dataclass(frozen=True)
class Gap:
    """Something the report could not see. Gaps keep a verdict from being PASS."""

    kind: str  # see GAP_TITLES
    detail: str
    path: str = ""
    line: int = 0
    service: str = ""

    def location(self) -> str:
        if not self.path:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path


GAP_TITLES = {
    "face-not-run": "Checks that did not run",
    "missing-entry-file": "Entry points whose file or module is not in the project",
    "dynamic-entry-point": "Entry points that could not be read statically",
    "no-entry-point": "Entry points we could not find (a project or a service without one)",
    "unresolved-import": "Imports of project modules that do not resolve",
    "dynamic-import": "Dynamic imports with a computed module name",
    "unparsable-file": "Files that could not be read or parsed",
    "unchecked-active-file": "Active files that the path rules treat as test or dev code",
}

#: Gap kinds that blind a service's Python standards (the closure may be missing files).
SERVICE_BLINDING_GAPS = frozenset({"missing-entry-file", "dynamic-entry-point",
                                   "no-entry-point", "unresolved-import", "dynamic-import",
                                   "unparsable-file", "unchecked-active-file"})


@dataclass
class Cell:
    status: str
    findings: list = field(default_factory=list)  # list[Finding], sorted


@dataclass
class Service:
    name: str
    origins: list  # compose files (and lines) or pyproject.toml that define it
    entry_points: list  # list[EntryPoint]
    runs_python: bool  # has at least one resolved project Python entry point
    active_files: list = field(default_factory=list)  # root-relative, sorted
    config_files: list = field(default_factory=list)  # Dockerfile, env files it uses
    cells: dict = field(default_factory=dict)  # standard key -> Cell
    gaps: list = field(default_factory=list)  # list[Gap] that concern this service

    @property
    def status(self) -> str:
        return combine(cell.status for cell in self.cells.values())


@dataclass
class FileRecord:
    path: str  # root-relative POSIX
    classification: str  # ACTIVE, INACTIVE or TEST
    services: list = field(default_factory=list)
    imported_by: list = field(default_factory=list)  # project files importing it, sorted
    findings: list = field(default_factory=list)
    recommendation: str = ""


@dataclass
class Report:
    root: str  # displayed root (as given on the command line)
    services: list  # list[Service], sorted by name
    files: list  # list[FileRecord] for every project Python file, sorted by path
    repository: Service  # the REPOSITORY pseudo-service (its cells only)
    container_findings: list  # every PRD4 finding, with the services it belongs to
    gaps: list  # list[Gap], sorted
    faces_run: list  # names of the faces that ran
    faces_not_run: dict  # face -> reason
    entry_point_source: str  # "configuration" or "compose files" or "none"
    compose_files: list = field(default_factory=list)
    verdict: str = INCOMPLETE
    verdict_reasons: list = field(default_factory=list)

    def files_by(self, classification: str) -> list:
        return [record for record in self.files if record.classification == classification]


def combine(statuses) -> str:
    """FAIL beats everything; then anything not seen; PASS only if all passed (N/A aside)."""
    statuses = [status for status in statuses if status != NOT_APPLICABLE]
    if FAIL in statuses:
        return FAIL
    if NOT_RUN in statuses or INCOMPLETE in statuses:
        return INCOMPLETE
    return PASS if statuses else NOT_APPLICABLE


def finding_sort_key(finding: Finding) -> tuple:
    return (finding.path, finding.line, finding.col, finding.code, finding.message)
