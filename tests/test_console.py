"""The console scripts end quietly when their reader closes the pipe (``| head``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@pytest.fixture
def noisy_tree(tmp_path):
    # Far more output than a pipe buffer holds (64 KiB), so the writer meets the closed
    # pipe for real instead of finishing into the buffer.
    lines = "".join(f"SERVICE_{i}_PASSWORD=s3cr3t-value-{i:05d}-xyz\n" for i in range(3000))
    (tmp_path / ".env.production").write_text(lines, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", [
    ["prodready", "check", "."],
    ["prodready-compose", "."],
])
def test_closed_pipe_is_not_a_traceback(command, noisy_tree):
    script = BIN / command[0]
    if not script.exists():
        pytest.skip(f"{script} not installed (run pip install -e .)")
    producer = subprocess.Popen([str(script), *command[1:]], cwd=noisy_tree,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert producer.stdout.read(100)  # read a little, then hang up like `head -c100`
    producer.stdout.close()
    _, stderr = producer.communicate(timeout=300)
    assert b"Traceback" not in stderr and b"BrokenPipeError" not in stderr, stderr.decode()
    assert producer.returncode == 1
