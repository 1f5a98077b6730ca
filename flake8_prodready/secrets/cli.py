"""``prodready-secrets`` / ``python -m flake8_prodready.secrets``: detect-secrets' scan of any
text file, reported as PRD5xx findings in flake8's format (or json/sarif/github).

Exit status as for every face: 0 nothing found, 1 findings, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
from typing import Iterator, Sequence

from ..config import Settings
from ..context import classifier_for, file_context
from ..findings import Finding
from ..hookcli import base_parser, run_hook

DESCRIPTION = ("Scan text files for secrets with detect-secrets' detectors and report them "
               "as PRD5xx codes. Honours '# pragma: allowlist secret', '# noqa: PRD5nn' and "
               "an existing .secrets.baseline.")


def wants(path: str) -> bool:
    """Any file while walking a directory: detect-secrets' own name filters (images,
    archives, lock files) are applied per file by the scanner."""
    return True


def check(paths: list, settings: Settings, args: argparse.Namespace) -> Iterator[Finding]:
    from .scanner import INTERNAL_ERROR, SecretScanner  # imports detect_secrets

    scanner = SecretScanner(settings)
    classifier = classifier_for(settings)
    for path in paths:  # run_hook already dropped the `exclude` globs
        if not scanner.wants(path):
            continue
        ctx = file_context(path, settings, "secrets", classifier)
        try:
            yield from scanner.scan_file(path, ctx)
        except Exception as error:  # one bad file must not stop the others
            yield Finding(path, 1, 1, INTERNAL_ERROR.code, INTERNAL_ERROR.format(
                error=f"{type(error).__name__}: {error}"[:200]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = base_parser("prodready-secrets", DESCRIPTION)
    return run_hook(argv, parser, wants, check, tool="prodready-secrets")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
