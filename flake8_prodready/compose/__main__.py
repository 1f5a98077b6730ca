"""``python -m flake8_prodready.compose``."""

from .cli import main

raise SystemExit(main())
