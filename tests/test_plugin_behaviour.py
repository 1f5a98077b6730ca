"""The plugin inside real flake8: suppression, classification, configuration, stdin,
the example project, and syntax that only newer Pythons parse."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from harness import clean_env, run_flake8

ROOT = Path(__file__).resolve().parent.parent

FALLBACK = textwrap.dedent('''\
    def list_products(db):
        try:
            return db.fetch("SELECT * FROM products")
        except Exception:
            return []
    ''')
FALLBACK_FINDING = (5, 16, "PRD301")

MOCKED = textwrap.dedent('''\
    from unittest.mock import MagicMock

    client = MagicMock()
    ''')


def project(tmp_path: Path, files: dict[str, str], pyproject: str = "[tool.prodready]\n") -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def found(results: list[dict]) -> set[tuple[str, int, int, str]]:
    return {(r["path"].lstrip("./"), r["line"], r["col"], r["code"]) for r in results}


def flake8_raw(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flake8", "--jobs", "1", *args]
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True,
                          env=clean_env(), timeout=300)


# --- suppression -----------------------------------------------------------------------

def test_noqa_silences_the_code_on_its_line(tmp_path):
    silenced = FALLBACK.replace("return []", "return []  # noqa: PRD301")
    other_code = FALLBACK.replace("return []", "return []  # noqa: PRD302")
    root = project(tmp_path, {"src/a.py": silenced, "src/b.py": other_code})
    assert found(run_flake8(root, ["src"])) == {("src/b.py", *FALLBACK_FINDING)}  # ok: PRD301


def test_flake8_per_file_ignores(tmp_path):
    root = project(tmp_path, {"src/legacy/old.py": FALLBACK, "src/new.py": FALLBACK})
    (root / "setup.cfg").write_text("[flake8]\nper-file-ignores =\n    src/legacy/*: PRD3\n",
                                    encoding="utf-8")
    assert found(run_flake8(root, ["src"])) == {("src/new.py", *FALLBACK_FINDING)}


# --- production code and test code -----------------------------------------------------

@pytest.mark.parametrize("relative", [
    "tests/test_api.py", "tests/helpers.py", "conftest.py", "src/app/conftest.py",
    "src/app/test_handlers.py", "src/app/handlers_test.py", "test/integration/run.py",
    "src/fixtures/data.py",
])
def test_test_code_is_exempt_from_mock_and_fallback_rules(tmp_path, relative):
    root = project(tmp_path, {relative: MOCKED + FALLBACK.replace("def", "\ndef", 1)})
    assert run_flake8(root, [relative]) == []  # ok: PRD101 ok: PRD301


def test_the_same_code_in_production_is_reported(tmp_path):
    root = project(tmp_path, {"src/app/handlers.py": MOCKED})
    assert found(run_flake8(root, ["src"])) == {("src/app/handlers.py", 1, 1, "PRD101")}


def test_dev_paths_are_exempt_too(tmp_path):
    root = project(tmp_path, {"scripts/seed.py": MOCKED, "src/app/handlers.py": MOCKED},
                   '[tool.prodready]\ndev-paths = ["scripts"]\n')
    assert found(run_flake8(root, ["scripts", "src"])) == {
        ("src/app/handlers.py", 1, 1, "PRD101")}


def test_extra_test_paths_from_pyproject(tmp_path):
    root = project(tmp_path, {"qa/smoke.py": MOCKED}, '[tool.prodready]\ntest-paths = ["qa"]\n')
    assert run_flake8(root, ["qa"]) == []


def test_flake8_option_overrides_pyproject(tmp_path):
    root = project(tmp_path, {"qa/smoke.py": MOCKED})
    assert run_flake8(root, ["qa"], "--prodready-test-paths", "qa") == []
    assert found(run_flake8(root, ["qa"])) == {("qa/smoke.py", 1, 1, "PRD101")}


# --- editors: standard input -----------------------------------------------------------

@pytest.mark.parametrize("display_name, expected", [
    ("src/app/handlers.py", {("src/app/handlers.py", *FALLBACK_FINDING)}),
    ("tests/test_handlers.py", set()),
])
def test_stdin_is_classified_like_the_file(tmp_path, display_name, expected):
    root = project(tmp_path, {display_name: FALLBACK})
    on_disk = flake8_raw(root, "--select", "PRD", display_name)
    piped = flake8_raw(root, "--select", "PRD", "--stdin-display-name", display_name, "-",
                       stdin=FALLBACK)
    assert piped.returncode == on_disk.returncode == (1 if expected else 0)
    assert piped.stdout == on_disk.stdout
    lines = {tuple(line.split(":", 3)[:3]) for line in piped.stdout.splitlines()}
    assert lines == {(path, str(line), str(col)) for path, line, col, _ in expected}


# --- configuration errors --------------------------------------------------------------

@pytest.mark.parametrize("pyproject, message", [
    ('[tool.prodready]\nbroad-exceptoins = ["X"]\n', "unknown key 'broad-exceptoins'"),
    ('[tool.prodready]\nselect = ["PRD999"]\n', "unknown code or prefix 'PRD999'"),
    ('[tool.prodready]\ntest-paths = 3\n', "test-paths must be a list of strings"),
    ('[tool.prodready\n', "cannot read [tool.prodready]"),
])
def test_bad_configuration_exits_2_with_one_line(tmp_path, pyproject, message):
    root = project(tmp_path, {"src/a.py": FALLBACK}, pyproject)
    proc = flake8_raw(root, "--select", "PRD", "src")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and message in errors[0], proc.stderr


# --- options ---------------------------------------------------------------------------

WIDER = textwrap.dedent('''\
    import requests


    def prices(session):
        try:
            return session.get("/prices").json()
        except requests.RequestException:
            return []
    ''')


def test_broad_exceptions_option_widens_broad(tmp_path):
    root = project(tmp_path, {"src/prices.py": WIDER})
    assert run_flake8(root, ["src"]) == []  # ok: PRD301 - narrow by default
    wider = project(tmp_path, {}, '[tool.prodready]\nbroad-exceptions = ["RequestException"]\n')
    assert found(run_flake8(wider, ["src"])) == {("src/prices.py", 8, 16, "PRD301")}
    assert found(run_flake8(root, ["src"], "--prodready-broad-exceptions",
                            "requests.RequestException")) == {("src/prices.py", 8, 16, "PRD301")}


# --- the example project ---------------------------------------------------------------

def test_example_project_seed_findings():
    results = run_flake8(ROOT / "examples", ["src"], "--select", "PRD1,PRD3")
    by_line = {}
    sources = {}
    for result in results:
        path = result["path"].lstrip("./")
        if path not in sources:
            sources[path] = (ROOT / "examples" / path).read_text(encoding="utf-8").splitlines()
        by_line.setdefault(sources[path][result["line"] - 1].strip(), set()).add(result["code"])
    assert "PRD104" in by_line['"quote_id": "Q2024001",  # Mock quote ID']
    tool_line = [text for text in by_line if text.startswith("result = {")]
    assert tool_line and "PRD104" in by_line[tool_line[0]]  # annotated by '# Mock tool execution'
    assert "PRD104" in by_line["await asyncio.sleep(1)  # Simulate processing time"]
    assert "PRD101" in by_line["from unittest.mock import MagicMock"]
    assert "PRD102" in by_line["from src.kailash_mock import LocalRuntime, fake_workflow_result"]
    assert "PRD301" in by_line["return []"]
    assert "PRD303" in by_line["customers = 0"]
    assert "PRD304" in by_line['return {"status": "success", "quote_id": quote_id}']
    assert "PRD305" in by_line["with contextlib.suppress(Exception):"]
    # The honest health check next to them is not a finding.
    assert 'return {"status": "unhealthy", "error": str(error)}' not in by_line


# --- syntax of newer Pythons -----------------------------------------------------------

def check_source(tmp_path: Path, source: str) -> set[tuple[int, int, str]]:
    root = project(tmp_path, {"src/app/modern.py": textwrap.dedent(source)})
    return {(line, col, code) for _, line, col, code in found(run_flake8(root, ["src"]))}


def test_walrus_and_positional_only(tmp_path):
    assert check_source(tmp_path, '''\
        def total(rows, /):
            try:
                if (count := len(rows)) > 0:
                    return count
            except Exception:
                return 0
            return None
        ''') == {(6, 16, "PRD301")}


@pytest.mark.skipif(sys.version_info < (3, 10), reason="match statements need 3.10")
def test_match_statement(tmp_path):
    assert check_source(tmp_path, '''\
        def route(event):
            match event:
                case {"type": "order"}:
                    try:
                        return handle(event)
                    except Exception:
                        return {"status": "success"}
                case _:
                    mock_reply = {"text": "ok"}
                    return mock_reply
        ''') == {(7, 24, "PRD304"), (9, 13, "PRD103")}


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* needs 3.11")
def test_except_star_is_judged_like_except(tmp_path):
    assert check_source(tmp_path, '''\
        async def gather(tasks):
            try:
                return await run_all(tasks)
            except* Exception:
                return []
            except* ValueError:
                return []
        ''') == {(5, 16, "PRD301")}


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 701 f-strings need 3.12")
def test_pep701_fstrings(tmp_path):
    assert check_source(tmp_path, '''\
        def greet(user):
            try:
                return f"hello {user["name"]}"  # quotes reused inside the f-string
            except Exception:
                return {"name": f"{user["first"]} {user["last"]}", "contact": "jane@example.com"}
        ''') == {(5, 16, "PRD301"), (5, 71, "PRD105")}  # a hand-made record
