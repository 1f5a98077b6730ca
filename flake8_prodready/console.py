"""Console-script entry points: each face's ``main`` with a quiet end on a closed pipe.

``main(argv)`` functions stay free of process concerns (tests call them directly); here
``prodready check | head`` stops quietly when ``head`` has read enough, instead of a
BrokenPipeError traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Callable


def _run(main: Callable[[], int]) -> int:
    try:
        status = main()
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader went away; point stdout at /dev/null so the interpreter's final flush
        # does not raise again, and stop like other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def prodready() -> int:
    from .cli import main
    return _run(main)


def prodready_compose() -> int:
    from .compose.cli import main
    return _run(main)


def prodready_secrets() -> int:
    from .secrets.cli import main
    return _run(main)


def prodready_report() -> int:
    from .report import main
    return _run(main)
