"""README's two commands are the ones that work: the test one is what .ci/run runs."""

from pathlib import Path
import re

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_starts_with_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("\n## ", 1)[0]
    assert head.count("```sh") >= 2
    main_command, test_command = readme_commands()
    assert "examples" in main_command
    assert "pytest" in test_command


def test_ci_runs_the_readme_test_command():
    _, test_command = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [step.strip() for step in test_command.split("&&")]
    for step in steps[1:]:
        assert step in ci, f".ci/run does not run {step!r}"
