"""PRD3xx: fallback data on error, silenced errors, fake success."""

from __future__ import annotations

from . import PYTHON, Rule

RULES = (
    Rule(
        code="PRD301",
        name="fallback-return",
        summary="A broad exception handler returns fallback data that looks like a real "
        "result.",
        message="broad 'except {caught}' returns fallback data ({value}); the caller cannot "
        "tell the failure from a real result",
        rationale="An empty product list, a zero price or a default record returned from a "
        "failed query is indistinguishable from the truth. Let the error propagate, raise "
        "a domain error, or return an explicit error payload.",
        faces=frozenset({PYTHON}),
        options=("broad-exceptions", "test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD302",
        name="swallowed-exception",
        summary="A broad exception handler silently swallows the error.",
        message="broad 'except {caught}' swallows the error ({how}) without logging or "
        "re-raising",
        rationale="A silenced failure leaves no trace: the operation did not happen and "
        "nobody knows. At the very least log it; usually, let it propagate.",
        faces=frozenset({PYTHON}),
        options=("broad-exceptions", "test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD303",
        name="fallback-assignment",
        summary="A broad exception handler assigns fallback data to a name and lets normal "
        "flow carry on.",
        message="broad 'except {caught}' assigns fallback data to '{name}' ({value}) and "
        "carries on",
        rationale="'except Exception: items = []' turns a failed load into an empty result "
        "that the rest of the function treats as real.",
        faces=frozenset({PYTHON}),
        options=("broad-exceptions", "test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD304",
        name="fake-success",
        summary="An exception handler reports success on failure.",
        message="'except {caught}' reports success ({value}) after a failure",
        rationale="Returning {'status': 'success'} or True from the handler of a failed "
        "operation lies to the caller: the most dangerous kind of fallback.",
        faces=frozenset({PYTHON}),
        options=("test-paths", "dev-paths"),
    ),
    Rule(
        code="PRD305",
        name="suppressed-exception",
        summary="contextlib.suppress() is used with a broad exception class.",
        message="contextlib.suppress({caught}) silences every error in the block",
        rationale="suppress(Exception) is 'except Exception: pass' in a shorter spelling.",
        faces=frozenset({PYTHON}),
        options=("broad-exceptions", "test-paths", "dev-paths"),
    ),
)
