"""``python -m flake8_prodready`` is the ``prodready`` command."""

from .cli import main

raise SystemExit(main())
