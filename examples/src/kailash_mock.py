"""Stand-in for the Kailash SDK, for running without it."""

from unittest.mock import MagicMock

LocalRuntime = MagicMock()


def fake_workflow_result(workflow_id: str) -> dict:
    return {"workflow_id": workflow_id, "status": "completed", "results": {}}
