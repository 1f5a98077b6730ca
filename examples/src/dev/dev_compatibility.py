"""Development compatibility layer: switches the SDK to the stand-in."""

from src.kailash_mock import LocalRuntime, fake_workflow_result

runtime = LocalRuntime()


def run(workflow_id: str) -> dict:
    try:
        return runtime.execute(workflow_id)
    except Exception:
        return fake_workflow_result(workflow_id)
