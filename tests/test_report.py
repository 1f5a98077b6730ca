"""prodready report on the bundled examples/ project: classification, matrix, verdict, output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flake8_prodready.config import load_settings
from flake8_prodready.findings import Finding
from flake8_prodready.report import (build_report, generate, main, render_json,
                                     render_markdown)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PYTHON_SERVICES = ["api", "websocket", "worker"]
IMAGE_SERVICES = ["grafana", "neo4j", "postgres", "redis"]

EXPECTED_CLASSIFICATION = {
    "src/__init__.py": "active",
    "src/config.py": "active",
    "src/nexus_backend_api.py": "active",
    "src/websocket/__init__.py": "active",
    "src/websocket/chat_server.py": "active",
    "src/worker/__init__.py": "active",
    "src/worker/tasks.py": "active",
    "src/websocket_handlers.py": "inactive",
    "src/kailash_mock.py": "inactive",
    "src/dev/__init__.py": "inactive",
    "src/dev/dev_compatibility.py": "inactive",
    "tests/test_api.py": "test",
}

EXPECTED_ACTIVE = {
    # python src/nexus_backend_api.py: "from src import config" runs src/__init__.py
    "api": ["src/__init__.py", "src/config.py", "src/nexus_backend_api.py"],
    # python -m src.websocket.chat_server runs the package __init__ modules on the way
    "websocket": ["src/__init__.py", "src/config.py", "src/websocket/__init__.py",
                  "src/websocket/chat_server.py"],
    # started by src/worker/Dockerfile's CMD, not by compose
    "worker": ["src/__init__.py", "src/config.py", "src/worker/__init__.py",
               "src/worker/tasks.py"],
}


@pytest.fixture(scope="module")
def report():
    settings = load_settings(start=EXAMPLES)
    return generate(EXAMPLES, settings)


def service(report, name):
    return next(s for s in report.services if s.name == name)


def cell(report, name, standard):
    return service(report, name).cells[standard]


def locations(cell_):
    return {(f.path, f.line, f.code[:4]) for f in cell_.findings}


def test_every_file_is_classified(report):
    assert {r.path: r.classification for r in report.files} == EXPECTED_CLASSIFICATION


def test_services_and_their_active_code(report):
    assert sorted(s.name for s in report.services if s.runs_python) == PYTHON_SERVICES
    assert sorted(s.name for s in report.services if not s.runs_python) == IMAGE_SERVICES
    for name, files in EXPECTED_ACTIVE.items():
        assert service(report, name).active_files == files
    worker = service(report, "worker")
    assert [(e.origin, e.path) for e in worker.entry_points] == [
        ("src/worker/Dockerfile:4", "src/worker/tasks.py")]
    assert worker.config_files == ["src/worker/Dockerfile"]


def test_matrix_python_standards(report):
    assert "python" in report.faces_run
    # Zero mock data: the mock code is all in inactive files, so every service passes.
    for name in PYTHON_SERVICES:
        assert cell(report, name, "mock").status == "PASS"
    # The second audit's four criticals, found in the production code the first one cleared.
    api_credentials = locations(cell(report, "api", "credentials"))
    assert {("src/config.py", 6, "PRD2"), ("src/config.py", 7, "PRD2"),
            ("src/config.py", 8, "PRD2"), ("src/nexus_backend_api.py", 22, "PRD2")} \
        <= api_credentials
    # config.py is shared: its findings fail every service that imports it.
    for name in ("websocket", "worker"):
        assert ("src/config.py", 6, "PRD2") in locations(cell(report, name, "credentials"))
        assert ("src/nexus_backend_api.py", 22, "PRD2") not in \
            locations(cell(report, name, "credentials"))
    assert {("src/nexus_backend_api.py", 49, "PRD3"), ("src/nexus_backend_api.py", 58, "PRD3"),
            ("src/nexus_backend_api.py", 77, "PRD3")} <= locations(cell(report, "api",
                                                                        "fallback"))
    assert ("src/websocket/chat_server.py", 25, "PRD3") in \
        locations(cell(report, "websocket", "fallback"))
    assert ("src/worker/tasks.py", 14, "PRD3") in locations(cell(report, "worker", "fallback"))
    # The health check's error payload (line 39) is honest error handling, not fallback.
    assert ("src/nexus_backend_api.py", 39, "PRD3") not in \
        locations(cell(report, "api", "fallback"))
    for name in IMAGE_SERVICES:
        for standard in ("mock", "credentials", "fallback"):
            assert cell(report, name, standard).status == "N/A"


def test_inactive_files_with_findings_and_recommendations(report):
    records = {r.path: r for r in report.files}
    handlers = records["src/websocket_handlers.py"]
    assert {(f.line, f.code[:4]) for f in handlers.findings} >= {(7, "PRD1"), (9, "PRD1"),
                                                                 (18, "PRD1")}
    assert handlers.imported_by == [] and handlers.recommendation.startswith("delete it")
    mock = records["src/kailash_mock.py"]
    assert mock.imported_by == ["src/dev/dev_compatibility.py"]
    assert "imported only by inactive code" in mock.recommendation
    assert any(f.code.startswith("PRD1") for f in mock.findings)
    # Their findings fail no service.
    for name in PYTHON_SERVICES:
        for cell_ in service(report, name).cells.values():
            assert not {f.path for f in cell_.findings} & {"src/websocket_handlers.py",
                                                           "src/kailash_mock.py"}


def test_verdict_fails_with_reasons(report):
    assert report.verdict == "FAIL"
    assert any(reason.startswith("api fails") for reason in report.verdict_reasons)


def test_container_and_secrets_standards(report):
    assert report.faces_run == ["python", "compose", "secrets"]
    container = {name: locations(cell(report, name, "container"))
                 for name in PYTHON_SERVICES + IMAGE_SERVICES}
    assert ("docker-compose.production.yml", 19, "PRD4") in container["redis"]
    assert ("docker-compose.production.yml", 24, "PRD4") in container["neo4j"]
    assert ("docker-compose.production.yml", 52, "PRD4") in container["grafana"]
    # The DSN in the x-default-env block is merged into api only.
    assert ("docker-compose.production.yml", 5, "PRD4") in container["api"]
    assert not any(line == 5 for _, line, _ in container["websocket"])
    assert cell(report, "postgres", "container").status == "PASS"
    repository = locations(report.repository.cells["container"])
    assert ("docker-compose.production.yml", 1, "PRD4") in repository
    assert any(path == ".env.production" for path, _, _ in repository)
    # The committed .env.production holds the OpenAI key: a repository-wide finding, reported
    # once, as PRD406 (detect-secrets' report of the same line is dropped as a duplicate).
    assert (".env.production", 3, "PRD4") in repository
    secrets = locations(report.repository.cells["secrets"])
    assert not any(path == ".env.production" for path, _, _ in secrets)
    assert report.gaps == []  # everything was seen


def test_compose_findings_are_attributed_by_line_and_merge(tmp_path):
    compose = "docker-compose.production.yml"
    findings = {"python": [], "secrets": [], "compose": [
        Finding(str(EXAMPLES / compose), 1, 1, "PRD401", "version is obsolete"),
        Finding(str(EXAMPLES / compose), 5, 19, "PRD404", "URL embeds a literal password"),
        Finding(str(EXAMPLES / compose), 19, 14, "PRD405", "literal secret on command"),
        Finding(str(EXAMPLES / compose), 24, 9, "PRD402", "inline secret"),
        Finding(str(EXAMPLES / ".env.production"), 3, 16, "PRD406", "committed env file"),
    ]}
    report = build_report(EXAMPLES, load_settings(start=EXAMPLES), findings)
    owners = {(f.line, f.code): services for f, services in report.container_findings}
    assert owners == {(1, "PRD401"): ("(repository)",), (5, "PRD404"): ("api",),
                      (19, "PRD405"): ("redis",), (24, "PRD402"): ("neo4j",),
                      (3, "PRD406"): ("(repository)",)}
    assert cell(report, "api", "container").status == "FAIL"
    assert cell(report, "websocket", "container").status == "PASS"
    assert cell(report, "postgres", "container").status == "PASS"
    assert report.repository.cells["container"].status == "FAIL"


def test_leaked_material_in_inactive_file_counts_repository_wide(tmp_path):
    path = str(EXAMPLES / "src/websocket_handlers.py")
    findings = {"python": [Finding(path, 9, 1, "PRD104", "comment marks mock"),
                           Finding(path, 11, 1, "PRD207", "bcrypt password hash")],
                "compose": [], "secrets": []}
    report = build_report(EXAMPLES, load_settings(start=EXAMPLES), findings)
    assert [(f.line, f.code) for f in report.repository.cells["credentials"].findings] == \
        [(11, "PRD207")]
    assert report.repository.cells["mock"].status == "N/A"
    record = next(r for r in report.files if r.path == "src/websocket_handlers.py")
    assert "rotate" in record.recommendation


def test_a_face_that_did_not_run_is_never_a_pass():
    report = build_report(EXAMPLES, load_settings(start=EXAMPLES), {"python": []},
                          {"secrets": "not installed"})
    assert cell(report, "api", "mock").status == "PASS"
    assert cell(report, "api", "secrets").status == "NOT RUN"
    assert cell(report, "api", "container").status == "NOT RUN"  # absent = not run
    assert report.verdict == "INCOMPLETE"
    assert {g.detail for g in report.gaps if g.kind == "face-not-run"} == {
        "compose: not run", "secrets: not installed"}


def test_markdown_report_content(report):
    markdown = render_markdown(report)
    assert markdown.startswith("# Production readiness report\n\n**Verdict: ❌ FAIL**")
    matrix = markdown.split("## Compliance matrix")[1].split("\n\n")[1].splitlines()
    assert matrix[0] == ("| Standard | `api` | `websocket` | `worker` | `grafana` | `neo4j` "
                         "| `postgres` | `redis` | repository-wide |")
    mock_row = next(row for row in matrix if row.startswith("| Zero mock data"))
    assert mock_row.count("✅ PASS") == 3 and mock_row.count("n/a") == 5
    assert "`src/config.py:6` PRD2" in markdown
    assert "| `src/websocket_handlers.py` |" in markdown
    assert "- [ ] `src/websocket_handlers.py`: delete it (nothing imports it)" in markdown
    assert "- [ ] `api`: fix 3 findings of 'Zero fallback data'" in markdown
    assert str(EXAMPLES) not in markdown  # no absolute paths: the same for every checkout


def test_output_is_deterministic(report):
    again = generate(EXAMPLES, load_settings(start=EXAMPLES))
    assert render_markdown(again) == render_markdown(report)
    assert render_json(again) == render_json(report)


def test_json_report(report):
    data = json.loads(render_json(report))
    assert data["schema_version"] == 1 and data["verdict"] == "FAIL"
    assert data["matrix"]["mock"]["api"] == "PASS"
    assert data["matrix"]["fallback"]["worker"] == "FAIL"
    assert data["matrix"]["mock"]["redis"] == "N/A"
    assert {f["path"]: f["classification"] for f in data["files"]} == EXPECTED_CLASSIFICATION
    api = next(s for s in data["services"] if s["name"] == "api")
    assert api["entry_points"][0]["path"] == "src/nexus_backend_api.py"
    assert any(f["line"] == 6 for f in api["standards"]["credentials"]["findings"])


def test_main_writes_the_report_and_exits_1_on_fail(tmp_path, capsys):
    output = tmp_path / "report.md"
    assert main([str(EXAMPLES), "--output", str(output)]) == 1
    assert output.read_text(encoding="utf-8").startswith("# Production readiness report")
    assert main([str(EXAMPLES), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "FAIL"


def test_main_exit_0_on_a_clean_project(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.prodready]\nentry-points = {app = ["app.py"]}\n'
        'select = ["PRD1", "PRD2", "PRD3"]\n')
    (tmp_path / "app.py").write_text("import os\n\nDSN = os.environ['DSN']\n")
    code = main([str(tmp_path)])
    out = capsys.readouterr().out
    # The compose and secrets standards are deselected: reported as not run, not passed.
    assert "NOT RUN" in out and code == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.prodready]\nentry-points = {app = ["app.py"]}\n')
    code = main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "Checks run: python, compose, secrets." in out
    assert code == 0 and "**Verdict: ✅ PASS**" in out


def test_main_usage_and_configuration_errors(tmp_path, capsys):
    assert main([str(tmp_path / "missing")]) == 2
    (tmp_path / "pyproject.toml").write_text('[tool.prodready]\nentry-points = ["x"]\n')
    assert main([str(tmp_path)]) == 2
    assert "entry-points must be a table" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main([str(EXAMPLES), "--format", "html"])
    assert exit_.value.code == 2


def test_python_m_entry_point():
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, "-m", "flake8_prodready.report",
                                str(EXAMPLES), "--format", "json"], capture_output=True,
                               text=True, timeout=120)
    assert completed.returncode == 1, completed.stderr
    assert json.loads(completed.stdout)["verdict"] == "FAIL"
