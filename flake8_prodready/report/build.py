"""From the tree, the entry points and the findings to a :class:`Report`.

:func:`build_report` runs no check: it takes the findings of each face (so tests and other
tools can hand in their own) and decides, for every finding, whom it belongs to:

- a finding in a Python file that a service's import closure reaches belongs to that
  service (to every service that reaches the file);
- a finding in a service's compose entries (the lines of its mapping, and of the ``x-``
  blocks it merges), in its Dockerfile or in an env file it loads belongs to that service;
- a finding in an inactive Python file is listed with that file and a recommendation; it
  does not fail the verdict, unless it is leaked material (a rule that applies to test code
  too: a secret, a key, a password hash), which leaks whether or not the file runs;
- anything else (a top-level compose key, an env file no service loads, a secret in a
  test file or a README) belongs to the repository as a whole.

The verdict is PASS only when every service and the repository pass every standard that
applies to them, every face ran, and nothing blinded the report (see ``Gap``).
"""

from __future__ import annotations

import os
from typing import Dict, Iterable, List, Mapping, Optional, Sequence

from .. import registry
from ..config import Settings
from ..context import (DEV, PRODUCTION, TEST as TEST_KIND, classifier_for, matches_any,
                       relative_posix)
from ..findings import Finding
from . import model
from .entrypoints import ServiceSpec, discover
from .imports import ImportGraph
from .model import (ACTIVE, FAIL, INACTIVE, INCOMPLETE, NOT_APPLICABLE, NOT_RUN, PASS,
                    REPOSITORY, SERVICE_BLINDING_GAPS, STANDARDS, TEST, Cell, FileRecord,
                    Gap, Report, Service, finding_sort_key, standard_of)
from .project import Project

FACES = ("python", "compose", "secrets")
#: Owner of findings in test infrastructure that count nowhere (listed, not judged).
TEST_INFRA = "(test infrastructure)"


def build_report(root: str | os.PathLike, settings: Settings,
                 findings_by_face: Mapping[str, Iterable[Finding]],
                 faces_not_run: Optional[Mapping[str, str]] = None,
                 files: Optional[Sequence[str]] = None,
                 display_root: Optional[str] = None) -> Report:
    """The report for the tree at ``root``, given each face's findings.

    ``faces_not_run`` maps a face that did not run to the reason; a face absent from both
    arguments is taken as not run. ``files`` is the file list the checks saw (default:
    the tree, walked here).
    """
    project = Project(root, files, tuple(settings.exclude))
    not_run = dict(faces_not_run or {})
    for face in FACES:
        if face not in findings_by_face and face not in not_run:
            not_run[face] = "not run"
    builder = _Builder(project, settings, not_run)
    return builder.build(findings_by_face, display_root or project.root.name or "/")


class _Builder:
    def __init__(self, project: Project, settings: Settings, not_run: Dict[str, str]):
        self.project = project
        self.settings = settings
        self.not_run = not_run
        self.classifier = classifier_for(settings)
        self.kinds = {path: self._kind(path) for path in project.files}
        self.graph = ImportGraph(project)
        self.gaps: List[Gap] = []
        # The compose face's own file options, when this installation has them.
        self.compose_globs = tuple(getattr(settings, "compose_paths", ()) or ())
        self.compose_test_globs = tuple(getattr(settings, "compose_test_paths", ()) or ())

    def _is_test_infrastructure(self, path: str) -> bool:
        return self.kinds.get(path) == TEST_KIND or bool(
            self.compose_test_globs and matches_any(path, self.compose_test_globs))

    def _kind(self, relative: str) -> str:
        # Classified as the faces classify it: relative to the configuration's root.
        return self.classifier.classify(relative_posix(self.project.absolute(relative),
                                                       self.settings.root))

    # -- assembly ------------------------------------------------------------------------

    def build(self, findings_by_face: Mapping[str, Iterable[Finding]],
              display_root: str) -> Report:
        discovery = discover(self.project, self.classifier, dict(self.settings.entry_points),
                             self._config_origin(), self.compose_globs, self.compose_test_globs)
        self.gaps.extend(discovery.gaps)
        services = [self._service(spec) for spec in discovery.services]
        active: Dict[str, List[str]] = {}
        for service in services:
            for path in service.active_files:
                active.setdefault(path, []).append(service.name)
        records = self._file_records(active)
        findings = self._normalised(findings_by_face)
        repository = Service(REPOSITORY, [], [], False)
        container: List[tuple] = []
        by_name = {service.name: service for service in services}
        specs = {spec.name: spec for spec in discovery.services}
        record_by_path = {record.path: record for record in records}
        cell_findings: Dict[tuple, list] = {}
        for finding in findings:
            owners = self._owners(finding, active, specs, record_by_path)
            if finding.code.startswith("PRD9"):
                self._tool_gap(finding, owners)
            if finding.code.startswith("PRD4"):
                container.append((finding, tuple(owner for owner in owners
                                                 if owner != "(inactive)")))
            for owner in owners:
                if owner in ("(inactive)", TEST_INFRA):
                    continue
                standard = standard_of(finding.code)
                if standard is not None:
                    cell_findings.setdefault((owner, standard.key), []).append(finding)
        for record in records:
            record.findings.sort(key=finding_sort_key)
            if record.classification == INACTIVE:
                record.recommendation = self._recommend(record, record_by_path)
        for service in services:
            self._cells(service, cell_findings)
        self._repository_cells(repository, cell_findings)
        gaps = self._merged_gaps()
        for service in services:
            service.gaps = [gap for gap in gaps
                            if service.name in gap.service.split(", ")]
            self._blind(service)
        report = Report(
            root=display_root, services=services, files=records, repository=repository,
            container_findings=sorted(container, key=lambda item: finding_sort_key(item[0])),
            gaps=gaps, faces_run=[face for face in FACES if face not in self.not_run],
            faces_not_run=dict(sorted(self.not_run.items())),
            entry_point_source=discovery.source, compose_files=discovery.compose_files)
        _verdict(report, by_name)
        return report

    def _config_origin(self) -> str:
        pyproject = self.settings.pyproject
        if pyproject is None:
            return "[tool.prodready] entry-points"
        return relative_posix(str(pyproject), str(self.project.root)) + \
            " [tool.prodready] entry-points"

    # -- services ------------------------------------------------------------------------

    def _service(self, spec: ServiceSpec) -> Service:
        entries = sorted(spec.roots.items())
        closure = self.graph.closure(entries)
        runs_python = bool(entries)
        service = Service(spec.name, sorted(spec.origins),
                          sorted(spec.entry_points, key=lambda e: (e.origin, e.command,
                                                                   e.target)),
                          runs_python, closure.files, sorted(set(spec.config_files)))
        self.gaps.extend(spec.gaps)
        for problem in closure.unresolved:
            self.gaps.append(Gap(problem.kind, problem.detail, problem.path, problem.line,
                                 spec.name))
        for path, reason in sorted(closure.unparsable.items()):
            self.gaps.append(Gap("unparsable-file", reason, path, 0, spec.name))
        for path in closure.files:
            kind = self.kinds.get(path, PRODUCTION)
            if kind in (TEST_KIND, DEV):
                self.gaps.append(Gap("unchecked-active-file", f"runs in production but its "
                                     f"path makes it {kind} code, so the mock and fallback "
                                     "rules skipped it", path, 0, spec.name))
        return service

    def _file_records(self, active: Dict[str, List[str]]) -> List[FileRecord]:
        project = self.project
        roots = ("",) + (("src",) if project.is_dir("src") and
                         not project.is_file("src/__init__.py") else ())
        importers = self.graph.importers(project.python_files, roots)
        records = []
        for path in project.python_files:
            if path in active:
                classification = ACTIVE
            elif self.kinds[path] == TEST_KIND:
                classification = TEST
            else:
                classification = INACTIVE
            records.append(FileRecord(path, classification, sorted(active.get(path, [])),
                                      importers.get(path, [])))
        return records

    def _recommend(self, record: FileRecord, records: Dict[str, FileRecord]) -> str:
        importers = [records[path] for path in record.imported_by if path in records]
        test_importers = [r for r in importers if r.classification == TEST]
        if self.kinds.get(record.path) == DEV:
            advice = ("development code by configuration (dev-paths): keep it out of the "
                      "production image")
        elif not importers:
            advice = ("delete it (nothing imports it), or move it to a dev folder if it is "
                      "a tool still run by hand")
        elif len(test_importers) == len(importers):
            advice = "move it to tests/ (only test code imports it)"
        else:
            advice = ("imported only by inactive code: delete it together with its "
                      "importers, or move them all to a dev folder or tests/")
        if any(_is_leak(finding.code) for finding in record.findings):
            advice += "; rotate the leaked secret, it is in the repository history"
        return advice

    # -- findings ------------------------------------------------------------------------

    def _normalised(self, findings_by_face: Mapping[str, Iterable[Finding]]) -> List[Finding]:
        root = str(self.project.root)
        out = set()
        for face_findings in findings_by_face.values():
            for finding in face_findings:
                path = relative_posix(finding.path, root)
                out.add(Finding(path, finding.line, finding.col, finding.code,
                                finding.message, finding.fingerprint))
        return sorted(out, key=finding_sort_key)

    def _owners(self, finding: Finding, active: Dict[str, List[str]],
                specs: Dict[str, ServiceSpec], records: Dict[str, FileRecord]) -> List[str]:
        path = finding.path
        leak = _is_leak(finding.code)
        record = records.get(path)
        if record is not None:
            record.findings.append(finding)
            if record.classification == ACTIVE:
                return list(record.services)
            if record.classification == INACTIVE:
                return ["(inactive)", REPOSITORY] if leak else ["(inactive)"]
            return [REPOSITORY]
        if self._is_test_infrastructure(path):
            # Test infrastructure (docker-compose.test.yml, .env.test): leaked material and
            # the secret rules a user turned on for tests count repository-wide; hygiene
            # (an obsolete version key) is not a production problem.
            rule = registry.RULES.get(finding.code)
            counted = leak or (rule is not None and not rule.applies_to_tests)
            return [REPOSITORY] if counted else [TEST_INFRA]
        owners = []
        for spec in specs.values():
            lines = spec.lines.get(path)
            if lines is not None and finding.line in lines:
                owners.append(spec.name)
            elif path in spec.config_files:
                owners.append(spec.name)
        return sorted(set(owners)) or [REPOSITORY]

    def _tool_gap(self, finding: Finding, owners: Sequence[str]) -> None:
        services = ", ".join(sorted(o for o in owners
                                    if o not in (REPOSITORY, "(inactive)", TEST_INFRA)))
        self.gaps.append(Gap("unparsable-file", f"{finding.code} {finding.message}",
                             finding.path, finding.line, services))

    def _cells(self, service: Service, cell_findings: Dict[tuple, list]) -> None:
        for standard in STANDARDS:
            found = sorted(cell_findings.get((service.name, standard.key), []),
                           key=finding_sort_key)
            if found:
                status = FAIL
            elif standard.python_only and not service.runs_python:
                status = NOT_APPLICABLE
            elif standard.face in self.not_run:
                status = NOT_RUN
            else:
                status = PASS
            service.cells[standard.key] = Cell(status, found)

    def _repository_cells(self, repository: Service, cell_findings: Dict[tuple, list]) -> None:
        for standard in STANDARDS:
            found = sorted(cell_findings.get((REPOSITORY, standard.key), []),
                           key=finding_sort_key)
            if found:
                status = FAIL
            elif standard.key in ("mock", "fallback"):
                status = NOT_APPLICABLE  # runtime behaviour: only code that runs can fail it
            elif standard.face in self.not_run:
                status = NOT_RUN
            else:
                status = PASS
            repository.cells[standard.key] = Cell(status, found)

    def _blind(self, service: Service) -> None:
        """A service with a blind spot cannot PASS the standards checked in its code."""
        blinding = [gap for gap in service.gaps if gap.kind in SERVICE_BLINDING_GAPS]
        if not blinding:
            return
        for standard in STANDARDS:
            cell = service.cells[standard.key]
            if cell.status == PASS and (standard.python_only or standard.key == "secrets"):
                cell.status = INCOMPLETE

    def _merged_gaps(self) -> List[Gap]:
        # A file the Python face could not parse is reported once, with the face's PRD9xx
        # finding (it has the line), not again by the import graph.
        reported = {gap.path for gap in self.gaps
                    if gap.kind == "unparsable-file" and gap.detail.startswith("PRD9")}
        merged: Dict[tuple, set] = {}
        for gap in self.gaps:
            if gap.kind == "unparsable-file" and gap.path in reported and \
                    not gap.detail.startswith("PRD9"):
                continue
            key = (gap.kind, gap.path, gap.line, gap.detail)
            names = merged.setdefault(key, set())
            names.update(name for name in gap.service.split(", ") if name)
        for face, reason in sorted(self.not_run.items()):
            merged.setdefault(("face-not-run", "", 0, f"{face}: {reason}"), set())
        gaps = [Gap(kind, detail, path, line, ", ".join(sorted(names)))
                for (kind, path, line, detail), names in merged.items()]
        order = {kind: index for index, kind in enumerate(model.GAP_TITLES)}
        return sorted(gaps, key=lambda g: (order.get(g.kind, 99), g.path, g.line, g.detail))


def _is_leak(code: str) -> bool:
    """Rules that apply to test code too are about leaked material (keys, hashes, secrets),
    which leaks from a file whether or not it runs."""
    rule = registry.RULES.get(code)
    return rule is not None and rule.applies_to_tests and not code.startswith("PRD9") \
        and not code.startswith("PRD4")


def _verdict(report: Report, by_name: Dict[str, Service]) -> None:
    reasons: List[str] = []
    statuses = []
    for service in report.services + [report.repository]:
        for standard in STANDARDS:
            cell = service.cells[standard.key]
            statuses.append(cell.status)
            if cell.status == FAIL:
                count = len(cell.findings)
                who = "repository-wide" if service.name == REPOSITORY else service.name
                reasons.append(f"{who} fails '{standard.title}' "
                               f"({count} finding{'s' if count != 1 else ''})")
    for face, reason in report.faces_not_run.items():
        reasons.append(f"the {face} checks did not run ({reason})")
        statuses.append(NOT_RUN)
    incomplete = sorted({service.name for service in report.services
                         for standard in STANDARDS
                         if service.cells[standard.key].status == INCOMPLETE})
    if incomplete:
        reasons.append("not fully seen: " + ", ".join(incomplete) +
                       " (see 'What this report could not see')")
    if not any(service.runs_python for service in report.services):
        reasons.append("no service runs project Python code that we could find")
        statuses.append(INCOMPLETE)
    blocking = [gap for gap in report.gaps if gap.kind in ("no-entry-point",) and
                not gap.service]
    if blocking:
        statuses.append(INCOMPLETE)
    report.verdict = model.combine(statuses)
    if report.verdict == model.NOT_APPLICABLE:
        report.verdict = INCOMPLETE
    report.verdict_reasons = reasons
