"""``prodready``: check, config, exit codes, file discovery, the in-process Python face."""

from __future__ import annotations

import json
import textwrap

import pytest

from project_helpers import (CLEAN_PY, VIOLATING_PY, VIOLATING_PY_FINDINGS, bin_path,
                             flake8, git_init, make_project, parse, prodready, run)


def findings_at(result, path="src/app.py"):
    return {(line, col, code) for p, line, col, code in parse(result.stdout) if p == path}


def test_check_reports_findings_with_a_summary_and_exits_1(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "src/ok.py": CLEAN_PY})
    result = prodready(tmp_path, "check", ".")
    assert result.returncode == 1, result.stderr
    assert findings_at(result) == VIOLATING_PY_FINDINGS
    assert not findings_at(result, "src/ok.py")
    last = result.stdout.splitlines()[-1]
    assert last.startswith("prodready: ") and "files checked, 2 findings" in last
    assert "mock 1" in last and "fallback 1" in last


def test_check_clean_tree_exits_0(tmp_path):
    make_project(tmp_path, {"src/ok.py": CLEAN_PY})
    result = prodready(tmp_path, "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no findings" in result.stdout


def test_check_output_is_sorted_and_identical_across_runs(tmp_path):
    make_project(tmp_path, {"src/b.py": VIOLATING_PY, "src/a.py": VIOLATING_PY,
                            "lib/z.py": VIOLATING_PY})
    first = prodready(tmp_path, "check", "src", "lib")
    second = prodready(tmp_path, "check", "lib", "src")
    lines = [line for line in first.stdout.splitlines() if not line.startswith("prodready")]
    assert lines == sorted(lines, key=lambda text: (text.split(":")[0], int(text.split(":")[1])))
    assert first.stdout == second.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_formats_keep_stdout_pure(tmp_path, fmt):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY})
    result = prodready(tmp_path, "check", ".", "--format", fmt)
    assert result.returncode == 1
    json.loads(result.stdout)  # nothing but the document
    assert "files checked" in result.stderr


def test_github_format_annotations(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY})
    result = prodready(tmp_path, "check", ".", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=src/app.py,line=1,col=1,title=PRD101 ")
    assert all(line.startswith("::") for line in lines)


def test_check_respects_gitignore_in_a_repository(tmp_path):
    make_project(tmp_path, {"src/app.py": CLEAN_PY, "build_out/gen.py": VIOLATING_PY,
                            "vendor/lib.py": VIOLATING_PY, ".gitignore": "build_out/\n"})
    git_init(tmp_path)
    (tmp_path / "src" / "new_untracked.py").write_text(VIOLATING_PY)
    result = prodready(tmp_path, "check", ".")
    paths = {path for path, *_ in parse(result.stdout)}
    assert paths == {"vendor/lib.py", "src/new_untracked.py"}
    assert result.returncode == 1


def test_check_respects_configured_exclude(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "vendor/lib.py": VIOLATING_PY},
                 pyproject='[tool.prodready]\nexclude = ["vendor/*"]\n')
    result = prodready(tmp_path, "check", ".")
    assert {path for path, *_ in parse(result.stdout)} == {"src/app.py"}


def test_one_unparsable_file_does_not_stop_the_run(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "src/broken.py": "def f(:\n",
                            "src/nul.py": b"x = 1\x00\n"})
    result = prodready(tmp_path, "check", "src")
    found = parse(result.stdout)
    assert ("src/broken.py", 1, 7, "PRD902") in found
    assert any(p == "src/nul.py" and code == "PRD902" for p, _, _, code in found)
    assert findings_at(result) == VIOLATING_PY_FINDINGS
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_missing_path_exits_2_after_checking_the_rest(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY})
    result = prodready(tmp_path, "check", "src", "nope")
    assert result.returncode == 2
    assert "nope: no such file or directory" in result.stderr
    assert findings_at(result) == VIOLATING_PY_FINDINGS


@pytest.mark.parametrize("pyproject, message", [
    ("[tool.prodready\nselect = 1\n", "cannot read [tool.prodready]"),
    ("[tool.prodready]\nselect = 'PRD'\nselect = 'PRD1'\n", "cannot read"),
    ("[tool.prodready]\nselect = ['PRD777']\n", "unknown code or prefix 'PRD777'"),
    ("[tool.prodready]\nselec = ['PRD1']\n", "unknown key 'selec'"),
    ("[tool.prodready]\nignore = 3\n", "must be a list of strings"),
    ("[tool]\nprodready = 3\n", "must be a table"),
])
def test_bad_configuration_exits_2_with_one_line(tmp_path, pyproject, message):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY}, pyproject=pyproject)
    result = prodready(tmp_path, "check", ".")
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_code_on_the_command_line_exits_2(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY})
    result = prodready(tmp_path, "check", ".", "--select", "PRD1,XYZ1")
    assert result.returncode == 2 and "unknown code or prefix 'XYZ1'" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    make_project(tmp_path, {"src/app.py": CLEAN_PY})
    assert prodready(tmp_path, "check", "--format", "xml").returncode == 2
    assert prodready(tmp_path, "frobnicate").returncode == 2
    assert prodready(tmp_path).returncode == 2


def test_command_line_selection_overrides_pyproject(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY},
                 pyproject='[tool.prodready]\nignore = ["PRD3"]\n')
    assert {c for *_, c in findings_at(prodready(tmp_path, "check", "."))} == {"PRD101"}
    result = prodready(tmp_path, "check", ".", "--ignore", "PRD1")
    assert {c for *_, c in findings_at(result)} == {"PRD301"}


def test_config_shows_values_and_their_sources(tmp_path):
    make_project(tmp_path, {}, pyproject='[tool.prodready]\nignore = ["PRD3"]\n')
    result = prodready(tmp_path, "config", "--dev-paths", "scripts/*")
    assert result.returncode == 0, result.stderr
    lines = {line.split("=")[0].strip(): line for line in result.stdout.splitlines()
             if "=" in line}
    assert '["PRD3"]' in lines["ignore"] and str(tmp_path / "pyproject.toml") in lines["ignore"]
    assert '["scripts/*"]' in lines["dev-paths"] and "# command line" in lines["dev-paths"]
    assert lines["select"].endswith("# default")
    assert "PRD301" not in result.stdout.split("enabled codes", 1)[1]
    data = json.loads(prodready(tmp_path, "config", "--format", "json").stdout)
    assert data["options"]["ignore"] == {"value": ["PRD3"],
                                         "source": str(tmp_path / "pyproject.toml")}
    shown = prodready(tmp_path, "--show-config")
    assert shown.returncode == 0 and "ignore" in shown.stdout


def test_python_dash_m_is_prodready(tmp_path):
    import sys
    make_project(tmp_path, {"src/app.py": VIOLATING_PY})
    result = run([sys.executable, "-m", "flake8_prodready", "check", "."], tmp_path)
    assert result.returncode == 1 and findings_at(result) == VIOLATING_PY_FINDINGS


def test_no_progress_output_when_piped(tmp_path):
    make_project(tmp_path, {f"src/m{i}.py": CLEAN_PY for i in range(30)})
    result = prodready(tmp_path, "check", ".")
    assert "\r" not in result.stderr and "\r" not in result.stdout


def test_progress_only_on_a_terminal_after_a_delay():
    import io
    from flake8_prodready.cli import Progress

    quiet = io.StringIO()
    progress = Progress(quiet, enabled=False)
    progress.total = 2
    progress.started -= 10
    progress.step("a.py")
    assert quiet.getvalue() == ""

    shown = io.StringIO()
    progress = Progress(shown, enabled=True)
    progress.total = 2
    progress.step("fast.py")  # within the first second: nothing
    assert shown.getvalue() == ""
    progress.started -= 10
    progress.step("slow.py")
    assert "[2/2] slow.py" in shown.getvalue()
    progress.clear()
    assert shown.getvalue().endswith("\r")


NOQA_CASES = textwrap.dedent('''\
    from unittest.mock import MagicMock  # noqa
    from unittest.mock import patch  # noqa: PRD101
    from unittest.mock import call  # noqa:PRD1
    from unittest.mock import ANY  # noqa: E501
    from unittest.mock import sentinel  # NOQA:PRD
    from unittest.mock import DEFAULT  # noqa : PRD101
    from unittest import mock  # noqa:E501,PRD101


    def a(fetch):
        try:
            return fetch()
        except Exception:
            return [
                1,
            ]  # noqa: PRD301


    def b(fetch):
        try:
            return fetch()
        except Exception:
            return []  # noqa: PRD302


    def c(fetch):
        try:
            return fetch()
        except Exception:
            return """
    text
    """  # noqa


    def d(fetch):
        try:
            return fetch()
        except Exception:
            return {}
    ''')


def test_noqa_matches_flake8_exactly(tmp_path):
    """Differential: every noqa form, single- and multi-line, through both tools."""
    make_project(tmp_path, {"src/app.py": NOQA_CASES, "src/skipped.py":
                            "# flake8: noqa\n" + VIOLATING_PY,
                            "src/not_skipped.py": "x = 1  # flake8: noqa\n" + VIOLATING_PY})
    ours = parse(prodready(tmp_path, "check", "src").stdout)
    theirs = parse(flake8(tmp_path, "--select", "PRD", "src").stdout)
    assert ours == theirs
    lines = {line for path, line, _, _ in ours if path == "src/app.py"}
    # Reported: ANY (noqa for E501 only), line 14 (flake8 maps noqa per *token* range,
    # and inside brackets every line ends in an NL token, so the comment on the closing
    # bracket does not cover "return ["), b() (another code), d() (no comment). Silenced:
    # blanket noqa, exact code, prefix, "# NOQA:PRD" (letters only: not a code list, so
    # blanket), "# noqa : PRD101" (blanket), a list, and c()'s multi-line string.
    assert lines == {4, 14, 23, 39}
    assert not any(path == "src/skipped.py" for path, *_ in ours)
    assert any(path == "src/not_skipped.py" for path, *_ in ours)


def test_console_script_is_installed():
    assert run([bin_path("prodready"), "--version"], cwd=".").stdout.startswith(
        "flake8-prodready ")


def test_encodings_and_bom_parse_like_flake8(tmp_path):
    latin = "# -*- coding: latin-1 -*-\nNAME = 'caf\xe9'\n".encode("latin-1")
    make_project(tmp_path, {"src/latin.py": latin,  # ok: PRD902 (declared encoding)
                            "src/bom.py": b"\xef\xbb\xbf" + CLEAN_PY.encode(),  # ok: PRD902
                            "src/broken.py": "def f(:\n"})  # expect: PRD902
    # The Python face only: the secrets face rightly reports a non-UTF-8 file as PRD901.
    result = prodready(tmp_path, "check", "src", "--select", "PRD1,PRD2,PRD3,PRD9")
    assert parse(result.stdout) == {("src/broken.py", 1, 7, "PRD902")}
    assert parse(flake8(tmp_path, "--select", "PRD", "src").stdout) == set()


def test_a_crash_on_one_file_is_a_finding_and_the_run_goes_on(tmp_path, monkeypatch):
    from flake8_prodready import python_face
    from flake8_prodready.config import load_settings
    from flake8_prodready.plugin import ProdReadyChecker

    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "src/boom.py": VIOLATING_PY})
    monkeypatch.chdir(tmp_path)
    original = ProdReadyChecker.run

    def run_or_crash(self):
        if self.filename.endswith("boom.py"):
            raise RuntimeError("simulated crash")
        return original(self)

    monkeypatch.setattr(ProdReadyChecker, "run", run_or_crash)
    found = python_face.check(["src/app.py", "src/boom.py"], load_settings())
    crashed = [f for f in found if f.path == "src/boom.py"]
    assert [(f.code, f.line) for f in crashed] == [("PRD903", 1)]  # expect: PRD903
    assert "RuntimeError: simulated crash" in crashed[0].message
    others = {(f.line, f.col, f.code) for f in found if f.path == "src/app.py"}
    assert others == VIOLATING_PY_FINDINGS  # ok: PRD903 (the other file is checked)


def test_report_subcommand_is_the_report_package(tmp_path):
    import sys
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    ours = prodready(examples.parent, "report", "examples")
    theirs = run([sys.executable, "-m", "flake8_prodready.report", "examples"], examples.parent)
    assert ours.stdout.startswith("# Production readiness report")
    assert (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)
