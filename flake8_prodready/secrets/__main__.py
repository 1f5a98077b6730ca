"""``python -m flake8_prodready.secrets`` is the ``prodready-secrets`` command."""

from ..console import prodready_secrets

raise SystemExit(prodready_secrets())
