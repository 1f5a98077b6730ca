"""``python -m flake8_prodready.report`` is ``prodready report``."""

from ..console import prodready_report

raise SystemExit(prodready_report())
