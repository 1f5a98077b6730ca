"""``python -m flake8_prodready.report`` is ``prodready report``."""

from . import main

raise SystemExit(main())
