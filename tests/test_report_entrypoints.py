"""prodready report: every entry-point form, resolved to the project file it starts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_prodready.config import load_settings
from flake8_prodready.report import build_report
from flake8_prodready.report.commands import (DYNAMIC, FILE, MODULE, parse_argv,
                                              parse_shell)

NO_FINDINGS = {"python": [], "compose": [], "secrets": []}


def write_tree(root: Path, files: dict) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content))
    return root


def report_for(root: Path):
    return build_report(root, load_settings(start=root), NO_FINDINGS)


def entries(report, service):
    found = [s for s in report.services if s.name == service]
    assert found, f"no service {service!r} in {[s.name for s in report.services]}"
    return [(entry.kind, entry.path) for entry in found[0].entry_points]


# -- command lines, as words ------------------------------------------------------------

@pytest.mark.parametrize("argv, expected", [
    (["python", "src/api.py"], [(FILE, "src/api.py")]),
    (["python3.12", "-u", "src/api.py", "--port", "8000"], [(FILE, "src/api.py")]),
    (["/usr/local/bin/python", "-X", "dev", "-m", "pkg.mod"], [(MODULE, "pkg.mod")]),
    (["python", "-um", "pkg.mod"], [(MODULE, "pkg.mod")]),
    (["uvicorn", "pkg.app:app", "--host", "0.0.0.0", "--port", "8000"],
     [(MODULE, "pkg.app")]),
    (["uvicorn", "--host", "localhost", "--port", "80", "pkg.app:create_app()",
      "--factory"], [(MODULE, "pkg.app")]),
    (["gunicorn", "-b", "0.0.0.0:8000", "-w", "4", "pkg.wsgi:application"],
     [(MODULE, "pkg.wsgi")]),
    (["gunicorn", "--bind=unix:/tmp/g.sock", "pkg.wsgi"], [(MODULE, "pkg.wsgi")]),
    (["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "pkg.app:app"],
     [(MODULE, "pkg.app")]),
    (["hypercorn", "--bind", "0.0.0.0:80", "pkg.asgi:app"], [(MODULE, "pkg.asgi")]),
    (["daphne", "-b", "0.0.0.0", "-p", "8001", "pkg.asgi:application"],
     [(MODULE, "pkg.asgi")]),
    (["celery", "-A", "pkg", "worker", "-l", "info"],
     [(MODULE, "pkg"), (MODULE, "pkg.celery")]),
    (["celery", "--app=pkg.tasks:app", "beat"], [(MODULE, "pkg.tasks"),
                                                 (MODULE, "pkg.tasks.celery")]),
    (["python", "-m", "uvicorn", "pkg.app:app"], [(MODULE, "pkg.app")]),
    (["python", "-m", "celery", "-A", "pkg", "worker"],
     [(MODULE, "pkg"), (MODULE, "pkg.celery")]),
    (["exec", "python", "src/api.py"], [(FILE, "src/api.py")]),
    (["env", "PYTHONUNBUFFERED=1", "-u", "DEBUG", "python", "src/api.py"],
     [(FILE, "src/api.py")]),
    (["DEBUG=0", "LOG=1", "python", "src/api.py"], [(FILE, "src/api.py")]),
    (["dumb-init", "--", "gunicorn", "pkg.wsgi"], [(MODULE, "pkg.wsgi")]),
    (["tini", "--", "python", "-m", "pkg.mod"], [(MODULE, "pkg.mod")]),
    (["gosu", "app", "python", "src/api.py"], [(FILE, "src/api.py")]),
    (["poetry", "run", "uvicorn", "pkg.app:app"], [(MODULE, "pkg.app")]),
    (["ddtrace-run", "gunicorn", "pkg.wsgi:app"], [(MODULE, "pkg.wsgi")]),
    (["wait-for-it.sh", "db:5432", "--", "python", "src/api.py"], [(FILE, "src/api.py")]),
    (["flask", "--app", "pkg.app", "run"], [(MODULE, "pkg.app")]),
    (["streamlit", "run", "src/dashboard.py"], [(FILE, "src/dashboard.py")]),
    (["redis-server", "--requirepass", "x"], []),
    (["node", "server.js"], []),
])
def test_argv_forms(argv, expected):
    targets = parse_argv(argv)
    assert [(t.kind, t.value) for t in targets] == expected


@pytest.mark.parametrize("text, expected", [
    ("python src/api.py", [(FILE, "src/api.py")]),
    ('sh -c "cd /app && exec python -m pkg.mod"', [(MODULE, "pkg.mod")]),
    ("/bin/bash -ec 'python manage.py migrate && gunicorn pkg.wsgi'",
     [(FILE, "manage.py"), (MODULE, "pkg.wsgi")]),
    ("alembic upgrade head; exec uvicorn pkg.app:app", [(MODULE, "pkg.app")]),
    ("python src/api.py \\\n  --workers 2", [(FILE, "src/api.py")]),
])
def test_shell_forms(text, expected):
    assert [(t.kind, t.value) for t in parse_shell(text)] == expected


@pytest.mark.parametrize("argv, reason", [
    (["python", "$APP"], "variable"),
    (["$CMD"], "variable"),
    (["uvicorn", "${APP_MODULE}"], "variable"),
    (["sh", "-c", "python 'unbalanced"], "quotes"),
    (["gunicorn", "--workers", "2"], "without an application"),
    (["celery", "worker"], "without -A"),
    (["python", "-"], "stdin"),
])
def test_dynamic_forms_are_reported_not_guessed(argv, reason):
    targets = parse_argv(argv)
    assert targets and all(t.kind == DYNAMIC for t in targets)
    assert reason in targets[0].value


# -- compose + Dockerfile, resolved to project files -------------------------------------

PROJECT = {
    "src/api.py": "import os\n",
    "src/dashboard.py": "",
    "pkg/__init__.py": "",
    "pkg/mod.py": "",
    "pkg/app.py": "",
    "pkg/wsgi.py": "",
    "pkg/asgi.py": "",
    "pkg/celery.py": "",
    "services/app_main.py": "import helpers\n",
    "services/helpers.py": "",
    "Dockerfile": """\
        FROM python:3.12-slim
        WORKDIR /app
        COPY . .
    """,
    "docker/exec.Dockerfile": """\
        FROM python:3.12-slim
        WORKDIR /app
        COPY . .
        CMD ["python", "-m", "pkg.mod"]
    """,
    "docker/shell.Dockerfile": """\
        FROM python:3.12-slim AS base
        WORKDIR /app
        COPY . .
        # shell form, continued over two lines
        CMD python \\
            src/api.py
    """,
    "docker/entry.Dockerfile": """\
        FROM python:3.12-slim
        WORKDIR /app
        COPY . .
        ENTRYPOINT ["/app/docker-entrypoint.sh"]
        CMD ["gunicorn", "--bind", "0.0.0.0:80", "pkg.wsgi:application"]
    """,
    "docker/copy.Dockerfile": """\
        FROM python:3.12-slim AS build
        WORKDIR /srv
        COPY pkg/ /srv/code/
        FROM python:3.12-slim
        COPY --from=build /srv/code /opt/app
        CMD ["python", "/opt/app/mod.py"]
    """,
    "docker-entrypoint.sh": """\
        #!/bin/sh
        set -e
        if [ "$1" = "migrate" ]; then
            python src/dashboard.py
        fi
        exec "$@"
    """,
    "docker-compose.yml": """\
        services:
          file_string:
            build: .
            command: python src/api.py
          module_list:
            build: .
            command: ["python", "-m", "pkg.mod"]
          uvicorn:
            build: .
            command: uvicorn pkg.app:app --host 0.0.0.0 --port 8000
          gunicorn:
            build: .
            command: gunicorn -b 0.0.0.0:8000 -w 4 pkg.wsgi:application
          celery:
            build: .
            command: celery -A pkg worker -l info
          hypercorn:
            build: .
            command: ["hypercorn", "--bind", "0.0.0.0:80", "pkg.asgi:app"]
          shell_wrapper:
            build: .
            command: sh -c "cd /app && exec python -m pkg.mod"
          env_entrypoint:
            build: .
            entrypoint: ["env", "PYTHONUNBUFFERED=1", "python", "/app/src/api.py"]
          exec_prefix:
            build: .
            command: DEBUG=0 exec python src/api.py
          interpolated:
            build: .
            command: python ${APP_FILE:-src/api.py}
          dockerfile_exec:
            build:
              context: .
              dockerfile: docker/exec.Dockerfile
          dockerfile_shell:
            build:
              context: .
              dockerfile: docker/shell.Dockerfile
          dockerfile_entry_script:
            build:
              context: .
              dockerfile: docker/entry.Dockerfile
          dockerfile_copy_from:
            build:
              context: .
              dockerfile: docker/copy.Dockerfile
          bind_mount:
            image: python:3.12
            volumes:
              - ./src:/code
            command: python /code/dashboard.py
          app_dir:
            build: .
            command: uvicorn --app-dir services app_main:app --port 80
          redis:
            image: redis:7
            command: redis-server --appendonly yes
          postgres:
            image: postgres:16
    """,
}


@pytest.fixture(scope="module")
def forms_report(tmp_path_factory):
    return report_for(write_tree(tmp_path_factory.mktemp("forms"), PROJECT))


@pytest.mark.parametrize("service, expected", [
    ("file_string", [("file", "src/api.py")]),
    ("module_list", [("module", "pkg/mod.py")]),
    ("uvicorn", [("module", "pkg/app.py")]),
    ("gunicorn", [("module", "pkg/wsgi.py")]),
    ("celery", [("module", "pkg/__init__.py"), ("module", "pkg/celery.py")]),
    ("hypercorn", [("module", "pkg/asgi.py")]),
    ("shell_wrapper", [("module", "pkg/mod.py")]),
    ("env_entrypoint", [("file", "src/api.py")]),
    ("exec_prefix", [("file", "src/api.py")]),
    ("interpolated", [("file", "src/api.py")]),
    ("dockerfile_exec", [("module", "pkg/mod.py")]),
    ("dockerfile_shell", [("file", "src/api.py")]),
    # the entrypoint script runs dashboard.py on "migrate", then exec "$@" runs the CMD
    ("dockerfile_entry_script", [("file", "src/dashboard.py"), ("module", "pkg/wsgi.py")]),
    ("dockerfile_copy_from", [("file", "pkg/mod.py")]),
    ("bind_mount", [("file", "src/dashboard.py")]),
    ("app_dir", [("module", "services/app_main.py")]),
])
def test_compose_and_dockerfile_forms_resolve(forms_report, service, expected):
    assert sorted(entries(forms_report, service)) == sorted(expected)


def test_entry_point_origins_point_at_the_defining_line(forms_report):
    by_name = {s.name: s for s in forms_report.services}
    assert by_name["file_string"].entry_points[0].origin == "docker-compose.yml:4"
    assert by_name["dockerfile_exec"].entry_points[0].origin == "docker/exec.Dockerfile:4"
    assert by_name["dockerfile_shell"].entry_points[0].origin == "docker/shell.Dockerfile:5"
    assert by_name["dockerfile_entry_script"].entry_points[0].origin == \
        "docker/entry.Dockerfile:4"


def test_launcher_import_dirs_are_on_the_import_path(forms_report):
    app_dir = next(s for s in forms_report.services if s.name == "app_dir")
    assert app_dir.active_files == ["services/app_main.py", "services/helpers.py"]


def test_image_only_services_run_no_project_code(forms_report):
    by_name = {s.name: s for s in forms_report.services}
    for name in ("redis", "postgres"):
        service = by_name[name]
        assert not service.runs_python
        assert service.active_files == []
        assert service.cells["mock"].status == "N/A"
        assert service.cells["container"].status == "PASS"
    # Every form above resolved: nothing is reported as unseen.
    assert [gap for gap in forms_report.gaps if gap.kind != "face-not-run"] == []
    assert forms_report.verdict == "PASS"


def test_python_c_code_follows_its_imports(tmp_path):
    write_tree(tmp_path, {"pkg/__init__.py": "", "pkg/mod.py": "", "pkg/other.py": "",
                          "compose.yaml": """\
        services:
          job:
            build: .
            command: python -c "from pkg import mod; mod.main()"
    """})
    report = report_for(tmp_path)
    assert report.services[0].active_files == ["pkg/__init__.py", "pkg/mod.py"]
    assert report.verdict == "PASS"


def test_celery_app_module_without_celery_submodule(tmp_path):
    write_tree(tmp_path, {"app/__init__.py": "", "app/worker.py": "", "compose.yaml": """\
        services:
          worker:
            build: .
            command: celery -A app.worker worker
    """})
    report = report_for(tmp_path)
    assert entries(report, "worker") == [("module", "app/worker.py")]
    assert [g for g in report.gaps if g.kind != "face-not-run"] == []


def test_configured_entry_points_replace_inference(tmp_path):
    write_tree(tmp_path, {
        "pyproject.toml": """\
            [tool.prodready]
            entry-points = {web = ["src/web.py"], jobs = ["pkg.jobs"], asgi = "uvicorn pkg.app:app"}
        """,
        "src/web.py": "",
        "pkg/__init__.py": "",
        "pkg/jobs.py": "",
        "pkg/app.py": "",
        "pkg/unused.py": "",
        "docker-compose.yml": """\
            services:
              web:
                build: .
                command: python src/other.py
              redis:
                image: redis
        """,
    })
    report = report_for(tmp_path)
    assert report.entry_point_source == "configuration"
    assert entries(report, "web") == [("file", "src/web.py")]
    assert entries(report, "jobs") == [("module", "pkg/jobs.py")]
    assert entries(report, "asgi") == [("module", "pkg/app.py")]
    assert {r.path: r.classification for r in report.files}["pkg/unused.py"] == "inactive"
    # The compose service still exists (for its container configuration) and src/other.py,
    # which only compose names, is not looked for.
    assert not [g for g in report.gaps if g.kind == "missing-entry-file"]


def test_missing_entry_file_is_reported_not_a_crash(tmp_path):
    write_tree(tmp_path, {
        "src/__init__.py": "",
        "src/present.py": "",
        "docker-compose.yml": """\
            services:
              api:
                build: .
                command: python src/gone.py
              worker:
                build: .
                command: python -m src.gone_too
        """,
    })
    report = report_for(tmp_path)
    gaps = [(g.kind, g.service, g.path, g.line) for g in report.gaps
            if g.kind == "missing-entry-file"]
    assert gaps == [("missing-entry-file", "api", "docker-compose.yml", 4),
                    ("missing-entry-file", "worker", "docker-compose.yml", 7)]
    by_name = {s.name: s for s in report.services}
    assert by_name["api"].entry_points[0].path is None
    assert by_name["api"].cells["mock"].status != "PASS"
    assert report.verdict == "INCOMPLETE"
    assert "src/gone.py not found" in report_markdown(report)


def test_service_building_without_command_or_dockerfile_is_a_gap(tmp_path):
    write_tree(tmp_path, {"app.py": "", "docker-compose.yml": """\
        services:
          api:
            build: ./api
    """})
    report = report_for(tmp_path)
    assert [g.kind for g in report.gaps if g.service == "api"] == ["no-entry-point"]
    assert report.verdict == "INCOMPLETE"


def test_unparsable_compose_file_is_a_gap(tmp_path):
    write_tree(tmp_path, {"app.py": "", "docker-compose.yml": "services: [unclosed\n"})
    report = report_for(tmp_path)
    assert any(g.kind == "unparsable-file" and g.path == "docker-compose.yml"
               for g in report.gaps)
    assert report.verdict != "PASS"


def test_compose_files_under_test_paths_are_not_production(tmp_path):
    write_tree(tmp_path, {"app.py": "", "tests/docker-compose.yml": """\
        services:
          app:
            build: ..
            command: python app.py
    """})
    report = report_for(tmp_path)
    assert report.services == []
    assert report.verdict == "INCOMPLETE"


def report_markdown(report):
    from flake8_prodready.report import render_markdown

    return render_markdown(report)


def test_merge_bomb_and_alias_bomb_compose_file_stays_fast(tmp_path):
    # Nine levels of anchors, each merging the previous one nine times: 9**9 merge paths,
    # a few hundred nodes. Each mapping is visited once per look-up.
    lines = ["x-l0: &l0 {a: 1}"]
    for level in range(1, 10):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"x-l{level}: &l{level}\n  <<: [{refs}]")
    lines.append("services:\n  app:\n    <<: *l9\n    image: python:3.12\n"
                 "    command: python app.py")
    write_tree(tmp_path, {"app.py": "", "docker-compose.yml": "\n".join(lines) + "\n"})
    report = report_for(tmp_path)  # an exponential walk would never return
    assert entries(report, "app") == [("file", "app.py")]


def test_entrypoint_script_that_calls_itself_is_bounded(tmp_path):
    write_tree(tmp_path, {
        "app.py": "",
        "start.sh": "#!/bin/sh\n./start.sh\n./start.sh\npython app.py\n",
        "compose.yaml": "services:\n  app:\n    build: .\n    command: ./start.sh\n",
    })
    report = report_for(tmp_path)
    kinds = {g.kind for g in report.gaps if g.service == "app"}
    assert kinds == {"dynamic-entry-point"}  # the recursion is cut and said so
    assert ("file", "app.py") in entries(report, "app")
    assert report.verdict == "INCOMPLETE"


def test_image_only_service_naming_a_project_file_is_noted(tmp_path):
    write_tree(tmp_path, {"src/api.py": "", "run.py": "", "compose.yaml": """\
        services:
          api:
            image: registry.example/horme-api:1.2
            command: python src/api.py
          tool:
            image: python:3.12
            command: python /opt/tool/run.py
    """})
    report = report_for(tmp_path)
    by_name = {s.name: s for s in report.services}
    entry = by_name["api"].entry_points[0]
    assert entry.path == "src/api.py" and "assumed to be an image built from this project" \
        in entry.note
    tool = by_name["tool"].entry_points[0]
    assert (tool.kind, tool.path) == ("none", None) and not by_name["tool"].runs_python
    assert [g for g in report.gaps if g.kind != "face-not-run"] == []


def test_test_compose_files_define_no_service_and_their_hygiene_is_not_counted(tmp_path):
    from flake8_prodready.findings import Finding

    write_tree(tmp_path, {
        "app.py": "",
        "docker-compose.yml": "services:\n  app:\n    build: .\n    command: python app.py\n",
        "docker-compose.test.yml": "version: '3'\nservices:\n  app_test:\n    build: .\n"
                                   "    command: python -m pytest\n",
    })
    findings = {"python": [], "secrets": [], "compose": [
        Finding(str(tmp_path / "docker-compose.test.yml"), 1, 1, "PRD401", "obsolete")]}
    report = build_report(tmp_path, load_settings(start=tmp_path), findings)
    assert [s.name for s in report.services] == ["app"]
    assert report.repository.cells["container"].status == "PASS"
    assert [services for _, services in report.container_findings] == [
        ("(test infrastructure)",)]
    assert report.verdict == "PASS"
