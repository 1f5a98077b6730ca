"""A flake8 formatter: ``flake8 --format=prodready-sarif`` prints one SARIF 2.1.0 log.

Registered under the ``flake8.report`` entry-point group. It collects every violation
flake8 reports (ours and other plugins') and writes the log when flake8 stops, to
``--output-file`` if given (flake8 opens that file for appending: point it at a fresh
path) or to standard output. ``--statistics``/``--benchmark`` text would corrupt the
document, so they are not printed in this format.
"""

from __future__ import annotations

import json
from typing import Any

from flake8 import __version__ as flake8_version
from flake8.formatting.base import BaseFormatter

from ..findings import Finding
from .common import tool_version
from .sarif import sarif_log


class SarifFormatter(BaseFormatter):
    def after_init(self) -> None:
        self._findings: list[Finding] = []

    def handle(self, error: Any) -> None:
        self._findings.append(Finding(
            path=error.filename, line=error.line_number,
            col=error.column_number or 1,  # flake8 already made it 1-based
            code=error.code, message=error.text))

    def format(self, error: Any) -> str | None:  # handle() does the work
        return None

    def show_statistics(self, statistics: Any) -> None:
        pass

    def show_benchmarks(self, benchmarks: Any) -> None:
        pass

    def stop(self) -> None:
        log = sarif_log(sorted(self._findings),
                        tool="flake8 --format=prodready-sarif",
                        driver_name="flake8",
                        driver_version=f"{flake8_version} (flake8-prodready {tool_version()})")
        self._write(json.dumps(log, indent=2, ensure_ascii=False))
        super().stop()
