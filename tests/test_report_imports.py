"""prodready report: the static import closure that decides what is active code."""

from __future__ import annotations

from flake8_prodready.report.imports import ImportGraph, extract_imports
from flake8_prodready.report.project import Project
from test_report_entrypoints import report_for, write_tree

COMPOSE_MODULE = """\
    services:
      app:
        build: .
        command: python -m {module}
"""


def classification(report):
    return {record.path: record.classification for record in report.files}


def gaps(report, kind):
    return sorted((g.path, g.line, g.detail) for g in report.gaps if g.kind == kind)


def test_relative_imports_at_every_level(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="app.api.main"),
        "app/__init__.py": "",
        "app/api/__init__.py": "from . import routes\n",
        "app/api/main.py": "from .deps import db\nfrom ..core import settings\n"
                           "from .. import version\n",
        "app/api/routes.py": "",
        "app/api/deps.py": "from ..core.models import Model\n",
        "app/api/unused.py": "",
        "app/core/__init__.py": "",
        "app/core/settings.py": "",
        "app/core/models.py": "",
        "app/version.py": "",
    })
    report = report_for(tmp_path)
    active = sorted(p for p, c in classification(report).items() if c == "active")
    assert active == ["app/__init__.py", "app/api/__init__.py", "app/api/deps.py",
                      "app/api/main.py", "app/api/routes.py", "app/core/__init__.py",
                      "app/core/models.py", "app/core/settings.py", "app/version.py"]
    assert classification(report)["app/api/unused.py"] == "inactive"
    assert gaps(report, "unresolved-import") == []


def test_src_layout(tmp_path):
    write_tree(tmp_path, {
        "pyproject.toml": '[tool.prodready]\nentry-points = {svc = ["mypkg.main"]}\n',
        "src/mypkg/__init__.py": "",
        "src/mypkg/main.py": "from mypkg import util\nimport mypkg.sub.deep\n",
        "src/mypkg/util.py": "",
        "src/mypkg/sub/__init__.py": "",
        "src/mypkg/sub/deep.py": "",
        "src/mypkg/stale.py": "",
        "tests/test_main.py": "from mypkg import stale\n",
    })
    report = report_for(tmp_path)
    files = classification(report)
    assert [p for p, c in sorted(files.items()) if c == "active"] == [
        "src/mypkg/__init__.py", "src/mypkg/main.py", "src/mypkg/sub/__init__.py",
        "src/mypkg/sub/deep.py", "src/mypkg/util.py"]
    assert files["src/mypkg/stale.py"] == "inactive"
    assert files["tests/test_main.py"] == "test"
    stale = next(r for r in report.files if r.path == "src/mypkg/stale.py")
    assert stale.imported_by == ["tests/test_main.py"]
    assert stale.recommendation == "move it to tests/ (only test code imports it)"


def test_active_file_under_a_test_path_is_flagged_as_unchecked(tmp_path):
    # Production code importing a test helper: the mock and fallback rules skipped that
    # file (its path says "test"), so the service cannot pass those standards.
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="app.main"),
        "app/__init__.py": "",
        "app/main.py": "from app.testing import fakes\n",
        "app/testing/__init__.py": "",
        "app/testing/fakes.py": "",
    })
    report = report_for(tmp_path)
    assert classification(report)["app/testing/fakes.py"] == "active"
    assert ("app/testing/fakes.py", 0) in [(p, line) for p, line, _ in
                                           gaps(report, "unchecked-active-file")]
    assert report.services[0].cells["mock"].status == "INCOMPLETE"


def test_import_cycle_terminates_and_reaches_both(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.a"),
        "pkg/__init__.py": "",
        "pkg/a.py": "from pkg import b\n",
        "pkg/b.py": "import pkg.c\n",
        "pkg/c.py": "from pkg.a import thing\n",
    })
    report = report_for(tmp_path)
    assert set(report.services[0].active_files) == {"pkg/__init__.py", "pkg/a.py",
                                                    "pkg/b.py", "pkg/c.py"}


def test_imports_inside_functions_and_try_blocks_count(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.main"),
        "pkg/__init__.py": "",
        "pkg/main.py": """\
            from typing import TYPE_CHECKING
            try:
                from pkg import real_sdk
            except ImportError:
                from pkg import sdk_mock as real_sdk
            if TYPE_CHECKING:
                from pkg import only_types

            def handler():
                import pkg.lazy
                return pkg.lazy
        """,
        "pkg/real_sdk.py": "",
        "pkg/sdk_mock.py": "",
        "pkg/lazy.py": "",
        "pkg/only_types.py": "",
    })
    files = classification(report_for(tmp_path))
    # The mock fallback in the except branch runs whenever the SDK is missing: active.
    for path in ("pkg/real_sdk.py", "pkg/sdk_mock.py", "pkg/lazy.py"):
        assert files[path] == "active", path
    # if TYPE_CHECKING: never runs.
    assert files["pkg/only_types.py"] == "inactive"


def test_dynamic_imports_literal_resolved_computed_listed(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.main"),
        "pkg/__init__.py": "",
        "pkg/main.py": """\
            import importlib
            from importlib import import_module

            handlers = importlib.import_module("pkg.handlers")
            legacy = __import__("pkg.legacy")
            local = import_module(".local", package=__package__)
            NAME = "pkg.plugins." + "x"

            def load(name):
                return importlib.import_module(f"pkg.plugins.{name}")

            plugin = import_module(NAME)
        """,
        "pkg/handlers.py": "",
        "pkg/legacy.py": "",
        "pkg/local.py": "",
        "pkg/plugins/__init__.py": "",
        "pkg/plugins/x.py": "",
    })
    report = report_for(tmp_path)
    files = classification(report)
    for path in ("pkg/handlers.py", "pkg/legacy.py", "pkg/local.py"):
        assert files[path] == "active", path
    # Not guessed: the plugins are not counted as active, and both calls are listed.
    assert files["pkg/plugins/x.py"] == "inactive"
    listed = gaps(report, "dynamic-import")
    assert [(path, line) for path, line, _ in listed] == [("pkg/main.py", 10),
                                                          ("pkg/main.py", 12)]
    assert "import_module(f'pkg.plugins.{name}')" in listed[0][2]
    assert report.verdict == "INCOMPLETE"
    assert report.services[0].cells["mock"].status == "INCOMPLETE"


def test_unresolved_project_import_is_listed_third_party_ignored(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.main"),
        "pkg/__init__.py": "",
        "pkg/main.py": "import os\nimport requests\nimport pkg.gone\nfrom pkg import attr\n"
                       "from .missing import x\n",
    })
    report = report_for(tmp_path)
    assert gaps(report, "unresolved-import") == [
        ("pkg/main.py", 3, "project module 'pkg.gone' not found"),
        ("pkg/main.py", 5, "relative import '.missing' not found")]


def test_unparsable_active_file_blinds_its_service(tmp_path):
    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.main"),
        "pkg/__init__.py": "",
        "pkg/main.py": "def broken(:\n",
    })
    report = report_for(tmp_path)
    assert [(path, detail.split(":")[0]) for path, _, detail in
            gaps(report, "unparsable-file")] == [("pkg/main.py", "does not parse (line 1)")]
    assert report.services[0].cells["fallback"].status == "INCOMPLETE"


def test_script_directory_is_first_on_the_import_path(tmp_path):
    # python src/app.py puts src/ on sys.path: "import helpers" is src/helpers.py, even
    # though a top-level helpers.py also exists.
    write_tree(tmp_path, {
        "docker-compose.yml": "services:\n  app:\n    build: .\n"
                              "    command: python src/app.py\n",
        "src/app.py": "import helpers\n",
        "src/helpers.py": "",
        "helpers.py": "",
    })
    files = classification(report_for(tmp_path))
    assert files["src/helpers.py"] == "active"
    assert files["helpers.py"] == "inactive"


def test_each_file_is_parsed_once(tmp_path):
    write_tree(tmp_path, {f"pkg/m{i}.py": "".join(f"import pkg.m{j}\n" for j in range(10))
                          for i in range(10)})
    write_tree(tmp_path, {"pkg/__init__.py": ""})
    project = Project(tmp_path)
    graph = ImportGraph(project)
    roots = ("",)
    graph.closure([("pkg/m0.py", roots)])
    graph.closure([("pkg/m5.py", ("pkg", ""))])  # another service, other roots
    graph.importers(project.python_files, roots)
    assert graph.parse_count == len(project.python_files) == 11


def test_extract_imports_reports_syntax_errors_without_raising():
    result = extract_imports("x = (\n", "bad.py")
    assert result.refs == () and "does not parse" in result.error
    assert extract_imports("import a\x00", "nul.py").error


def test_unparsable_file_reported_once_with_the_face_finding(tmp_path):
    from flake8_prodready.config import load_settings
    from flake8_prodready.findings import Finding
    from flake8_prodready.report import build_report

    write_tree(tmp_path, {
        "docker-compose.yml": COMPOSE_MODULE.format(module="pkg.main"),
        "pkg/__init__.py": "",
        "pkg/main.py": "x = 1\ndef broken(:\n",
    })
    face = [Finding(str(tmp_path / "pkg/main.py"), 2, 12, "PRD902",
                    "file not checked: Python syntax error: invalid syntax")]
    report = build_report(tmp_path, load_settings(start=tmp_path),
                          {"python": face, "compose": [], "secrets": []})
    assert [(g.path, g.line, g.service) for g in report.gaps] == [("pkg/main.py", 2, "app")]
    assert report.services[0].cells["credentials"].status == "INCOMPLETE"


def test_loose_scripts_import_their_siblings(tmp_path):
    write_tree(tmp_path, {
        "scripts/seed_db.py": "import fixtures_data\n",
        "scripts/fixtures_data.py": "USERS = []\n",
        "scripts/orphan.py": "",
    })
    report = report_for(tmp_path)
    records = {r.path: r for r in report.files}
    assert records["scripts/fixtures_data.py"].imported_by == ["scripts/seed_db.py"]
    assert records["scripts/orphan.py"].imported_by == []
