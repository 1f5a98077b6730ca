"""The report as JSON (``schema_version`` 1): the same facts as the Markdown, for tools.

Keys are sorted and every list is in a fixed order, so the output is byte-for-byte stable
for the same tree.
"""

from __future__ import annotations

import json
from typing import Any, Dict

from .. import __version__
from ..findings import Finding
from .model import STANDARDS, EntryPoint, Gap, Report, Service

SCHEMA_VERSION = 1


def finding_dict(finding: Finding) -> Dict[str, Any]:
    return {"path": finding.path, "line": finding.line, "col": finding.col,
            "code": finding.code, "message": finding.message}


def entry_dict(entry: EntryPoint) -> Dict[str, Any]:
    return {"command": entry.command, "origin": entry.origin, "kind": entry.kind,
            "target": entry.target, "path": entry.path, "note": entry.note}


def gap_dict(gap: Gap) -> Dict[str, Any]:
    return {"kind": gap.kind, "detail": gap.detail, "path": gap.path, "line": gap.line,
            "services": gap.service.split(", ") if gap.service else []}


def service_dict(service: Service) -> Dict[str, Any]:
    return {
        "name": service.name,
        "status": service.status,
        "runs_python": service.runs_python,
        "origins": list(service.origins),
        "entry_points": [entry_dict(entry) for entry in service.entry_points],
        "active_files": list(service.active_files),
        "config_files": list(service.config_files),
        "standards": {standard.key: {"status": service.cells[standard.key].status,
                                     "findings": [finding_dict(f) for f in
                                                  service.cells[standard.key].findings]}
                      for standard in STANDARDS},
    }


def report_dict(report: Report) -> Dict[str, Any]:
    columns = report.services + [report.repository]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "flake8-prodready", "version": __version__},
        "root": report.root,
        "verdict": report.verdict,
        "verdict_reasons": list(report.verdict_reasons),
        "entry_point_source": report.entry_point_source,
        "compose_files": list(report.compose_files),
        "faces_run": list(report.faces_run),
        "faces_not_run": dict(report.faces_not_run),
        "standards": [{"key": s.key, "title": s.title, "codes": s.prefix + "xx"}
                      for s in STANDARDS],
        "matrix": {standard.key: {service.name: service.cells[standard.key].status
                                  for service in columns}
                   for standard in STANDARDS},
        "services": [service_dict(service) for service in report.services],
        "repository": service_dict(report.repository),
        "files": [{"path": record.path, "classification": record.classification,
                   "services": list(record.services), "imported_by": list(record.imported_by),
                   "findings": [finding_dict(f) for f in record.findings],
                   "recommendation": record.recommendation}
                  for record in report.files],
        "container_findings": [dict(finding_dict(finding), services=list(services))
                               for finding, services in report.container_findings],
        "gaps": [gap_dict(gap) for gap in report.gaps],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
