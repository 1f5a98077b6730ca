"""``python -m flake8_prodready`` is the ``prodready`` command."""

from .console import prodready

raise SystemExit(prodready())
