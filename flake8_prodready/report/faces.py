"""Run every face of the tool in-process over the project, as ``prodready check`` does.

The Python face is :mod:`flake8_prodready.python_face`; the compose and secrets faces are
hooks whose ``main`` runs through :func:`flake8_prodready.hookcli.run_face`. A face that is
missing from this installation, whose codes are all deselected, or that fails, is not
run: the report says so and never counts its standards as passed.
"""

from __future__ import annotations

import importlib
from typing import Dict, List, Sequence, Tuple

from .. import registry
from ..config import Settings
from ..findings import Finding, drop_shadowed_secrets

PYTHON = "python"
COMPOSE = "compose"
SECRETS = "secrets"

#: face -> (module, registry faces whose codes it reports)
FACE_MODULES = {
    PYTHON: ("flake8_prodready.python_face", {registry.PYTHON}),
    COMPOSE: ("flake8_prodready.compose", {registry.COMPOSE, registry.ENV}),
    SECRETS: ("flake8_prodready.secrets", {registry.SECRETS}),
}


def face_codes(face: str) -> frozenset:
    faces = FACE_MODULES[face][1]
    return frozenset(code for code, rule in registry.RULES.items()
                     if rule.faces & faces and not code.startswith("PRD9"))


def run_faces(files: Sequence[str], settings: Settings, only: Sequence[str] = ()
              ) -> Tuple[Dict[str, List[Finding]], Dict[str, str]]:
    """(findings by face, reason by face not run) over ``files`` (absolute paths);
    ``only`` restricts the run to some faces (the benchmark times them one by one)."""
    findings: Dict[str, List[Finding]] = {}
    not_run: Dict[str, str] = {}
    enabled = settings.enabled_codes
    for face, (module_name, _) in FACE_MODULES.items():
        if only and face not in only:
            continue
        codes = face_codes(face)
        if not codes:
            not_run[face] = "this installation has no rules for it yet"
            continue
        if not enabled & codes:
            not_run[face] = "all of its codes are deselected by the configuration"
            continue
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            not_run[face] = f"not available in this installation ({error})"
            continue
        try:
            if face == PYTHON:
                python_files = [path for path in files if module.wants(path)]
                findings[face] = list(module.check(python_files, settings))
            else:
                from ..hookcli import run_face

                main = _hook_main(module_name)
                if main is None:
                    not_run[face] = f"not available in this installation ({module_name} " \
                                    "has no main() and no cli.main())"
                    continue
                run = run_face(face, main, list(files), settings)
                if run.error is not None or not run.ran:
                    not_run[face] = f"failed: {run.error or 'did not run'}"
                    continue
                findings[face] = list(run.findings)
        except Exception as error:  # a face's crash is reported, never a traceback
            not_run[face] = f"failed: {type(error).__name__}: {error}"[:200]
    if SECRETS in findings:
        others = [f for face, items in findings.items() if face != SECRETS for f in items]
        kept = set(drop_shadowed_secrets(others + findings[SECRETS]))
        findings[SECRETS] = [f for f in findings[SECRETS] if f in kept]
    return findings, not_run


def _hook_main(module_name: str):
    """The hook's ``main``: on the package, or on its ``cli`` module (the console script)."""
    for candidate in (module_name, module_name + ".cli"):
        try:
            main = getattr(importlib.import_module(candidate), "main", None)
        except ImportError:
            continue
        if main is not None:
            return main
    return None
