"""``python -m flake8_prodready.compose`` is the ``prodready-compose`` command."""

from ..console import prodready_compose

raise SystemExit(prodready_compose())
