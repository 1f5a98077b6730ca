"""prodready-compose end to end: real ``main(argv)`` calls on files in a scratch project,
asserting the exact printed lines and exit codes.

Covers the example project, ``--fix`` byte for byte, every kind of bad input, a billion
laughs file, file discovery (names, globs, git-ignored env files), test infrastructure,
selection and suppression.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_prodready.compose import checks, yamlmarks
from flake8_prodready.compose.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A scratch project (its own pyproject.toml) as the working directory."""
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out.splitlines(), captured.err


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


# --- the example project -------------------------------------------------------------------

EXAMPLE_FINDINGS = [
    'examples/.env.production:2:19: PRD406 committed env file sets \'POSTGRES_PASSWORD\' to a '
    'secret ("horm…24"); set it in the deployment environment or a secret store',
    'examples/.env.production:3:16: PRD406 committed env file sets \'OPENAI_API_KEY\' to a '
    'secret ("sk-p…3q"); set it in the deployment environment or a secret store',
    "examples/docker-compose.production.yml:1:1: PRD401 the attribute 'version' is obsolete, "
    "it will be ignored; remove it (prodready-compose --fix)",
    'examples/docker-compose.production.yml:5:36: PRD404 URL embeds a literal password '
    '("hor…d"); interpolate the password',
    "examples/docker-compose.production.yml:19:41: PRD405 literal secret on the command of "
    "service 'redis' (\"red…d\"); interpolate it",
    "examples/docker-compose.production.yml:24:20: PRD402 inline secret for 'NEO4J_AUTH' "
    '("pa…d"); use ${NEO4J_AUTH} or a compose secret',
    "examples/docker-compose.production.yml:52:55: PRD403 interpolation of 'GRAFANA_PASSWORD' "
    'falls back to a hardcoded secret ("ad…3"); use '
    "${GRAFANA_PASSWORD:?GRAFANA_PASSWORD is required}",
]


def test_example_project(capsys, monkeypatch):
    # expect: PRD401 PRD402 PRD403 PRD404 PRD405 PRD406 (the planted problems), and
    # ok: PRD406 for examples/.env.example, which holds only empty values.
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "examples")
    assert out == EXAMPLE_FINDINGS
    assert code == 1
    code, out, _ = run(capsys, "examples/.env.example")
    assert (code, out) == (0, [])


def test_module_entry_point_on_the_examples():
    completed = subprocess.run(
        [sys.executable, "-m", "flake8_prodready.compose", "examples"], cwd=ROOT,
        capture_output=True, text=True, timeout=120)
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout.splitlines() == EXAMPLE_FINDINGS
    assert completed.stderr == ""


# --- --fix ---------------------------------------------------------------------------------

FIX_BEFORE = (
    "# Production stack, maintained by ops.\n"
    "# The version key below is from the compose v1 days.\n"
    'version: "3.8"  # legacy\n'
    "\n"
    "# Services\n"
    "services:\n"
    "  api:\n"
    "    image: example/api:1.0   # pinned\n"
    "    labels:\n"
    '      version: "2"\n'
    "# trailing comment\n"
)
FIX_AFTER = FIX_BEFORE.replace('version: "3.8"  # legacy\n', "")


@pytest.mark.parametrize("newline, bom", [("\n", b""), ("\r\n", b""),
                                          ("\r\n", b"\xef\xbb\xbf")],
                         ids=["lf", "crlf", "crlf-bom"])
def test_fix_removes_the_version_key_and_nothing_else(project, capsys, newline, bom):
    before = bom + FIX_BEFORE.replace("\n", newline).encode("utf-8")
    expected = bom + FIX_AFTER.replace("\n", newline).encode("utf-8")
    path = write(project / "docker-compose.yml", before)
    code, out, err = run(capsys, "docker-compose.yml")  # expect: PRD401 (no --fix)
    assert (code, out) == (1, ["docker-compose.yml:3:1: PRD401 the attribute 'version' is "
                               "obsolete, it will be ignored; remove it (prodready-compose "
                               "--fix)"])
    assert path.read_bytes() == before  # the hook never writes without --fix
    code, out, err = run(capsys, "--fix", "docker-compose.yml")
    assert (code, out) == (0, [])
    assert err == "prodready-compose: fixed docker-compose.yml: removed the obsolete " \
        "top-level 'version' key\n"
    assert path.read_bytes() == expected
    code, out, err = run(capsys, "--fix", "docker-compose.yml")  # ok: PRD401 once fixed
    assert (code, out, err) == (0, [], "")
    assert path.read_bytes() == expected


def test_fix_multiline_value_and_several_documents(project, capsys):
    before = ("version:\n  '3.9'\nservices: {}\n---\n# second document\n"
              "version: '2'\nservices:\n  a:\n    image: x\n")
    path = write(project / "compose.yaml", before)
    code, out, err = run(capsys, "--fix", "compose.yaml")
    assert (code, out) == (0, [])
    assert path.read_text() == "services: {}\n---\n# second document\nservices:\n  a:\n" \
        "    image: x\n"


def test_fix_leaves_a_flow_mapping_alone(project, capsys):
    before = '{version: "3", services: {api: {image: x}}}\n'
    path = write(project / "docker-compose.yml", before)
    code, out, err = run(capsys, "--fix", "docker-compose.yml")
    assert code == 1
    assert out == ["docker-compose.yml:1:2: PRD401 the attribute 'version' is obsolete, it "
                   "will be ignored; remove it (prodready-compose --fix)"]
    assert "not on lines of its own" in err
    assert path.read_text() == before


def test_fix_keeps_other_findings(project, capsys):
    path = write(project / "docker-compose.yml",
                 "version: '3'\nservices:\n  db:\n    environment:\n"
                 "      POSTGRES_PASSWORD: hunter22\n")
    code, out, _ = run(capsys, "--fix", "docker-compose.yml")
    assert code == 1
    assert out == ["docker-compose.yml:5:26: PRD402 inline secret for 'POSTGRES_PASSWORD' "
                   '("hu…2"); use ${POSTGRES_PASSWORD} or a compose secret']
    assert path.read_text().startswith("services:\n")


# --- bad input -----------------------------------------------------------------------------

GOOD_WITH_FINDING = "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter22\n"
GOOD_FINDING = ("ok/docker-compose.yml:4:26: PRD402 inline secret for 'POSTGRES_PASSWORD' "
                '("hu…2"); use ${POSTGRES_PASSWORD} or a compose secret')


# The parser's own wording differs between libyaml and PyYAML's pure-Python parser, so
# for invalid YAML the position, the "invalid YAML:" prefix and a key phrase are checked.
@pytest.mark.parametrize("name, content, expected", [
    ("invalid", "services:\n  api:\n    image: [unclosed\n",  # expect: PRD902
     "4:1: PRD902 file not checked: invalid YAML: while parsing a flow sequence at line 3,"),
    ("tab-indent", "services:\n\tapi: x\n",
     "2:1: PRD902 file not checked: invalid YAML: while scanning for the next token"),
    ("list-root", "- a\n- b\n",  # expect: PRD902
     "1:1: PRD902 file not checked: the root of a compose file must be a mapping, not a list"),
    ("scalar-root", "just text\n",
     "1:1: PRD902 file not checked: the root of a compose file must be a mapping, not a "
     "single value"),
    ("empty", "",
     "1:1: PRD902 file not checked: empty file: a compose file needs at least a 'services' "
     "mapping"),
    ("comments-only", "# nothing here yet\n",
     "1:1: PRD902 file not checked: no YAML document in the file (only comments)"),
    ("undefined-alias", "services: *nowhere\n",
     "1:11: PRD902 file not checked: invalid YAML: found undefined alias"),
    ("control-character", "services:\n  api:\n    image: a\x07b\n",
     "3:13: PRD902 file not checked: invalid YAML: unacceptable character #x0007 (control "
     "characters are not allowed)"),
    ("deep-flow", "services: " + "[" * 5000 + "]" * 5000 + "\n",
     "1:1010: PRD902 file not checked: invalid YAML: while increasing flow level exceeded "
     "maximum nesting depth"),
    ("deep-block", "".join(" " * i + "k:\n" for i in range(3000)),
     "1000:1001: PRD902 file not checked: invalid YAML: while increasing block level "
     "exceeded maximum nesting depth"),
    ("binary", b"\x7fELF\x02\x01\x01\x00\x00\x00",  # expect: PRD901
     "1:1: PRD901 file not checked: binary file (NUL bytes)"),
    ("latin-1", "services:\n  api:\n    image: caf\xe9\n".encode("latin-1"),
     "1:1: PRD901 file not checked: not UTF-8 text (byte 0xe9 at offset 31)"),
])
def test_bad_input_is_one_line_and_the_rest_is_still_checked(
        project, capsys, name, content, expected):
    if name.startswith("deep") and not yamlmarks._libyaml_limits_depth():
        pytest.skip("libyaml without a nesting limit: see test_deep_nesting_without_libyaml")
    write(project / name / "docker-compose.yml", content)
    write(project / "ok" / "docker-compose.yml", GOOD_WITH_FINDING)
    code, out, err = run(capsys, name, "ok")
    bad = [line for line in out if line.startswith(f"{name}/")]
    assert len(out) == 2 and len(bad) == 1, out
    assert bad[0].startswith(f"{name}/docker-compose.yml:{expected}"), bad[0]
    assert GOOD_FINDING in out
    assert code == 1
    assert err == ""


def test_huge_file_is_skipped_with_its_size(project, capsys):
    huge = project / "big" / "docker-compose.yml"
    huge.parent.mkdir()
    with open(huge, "wb") as handle:  # 50 MB, sparse: never read
        handle.truncate(50 * 1024 * 1024)
    write(project / "ok" / "docker-compose.yml", GOOD_WITH_FINDING)
    code, out, _ = run(capsys, "big", "ok")
    assert out == ["big/docker-compose.yml:1:1: PRD901 file not checked: 52428800 bytes, "
                   "larger than max-file-size (5000000 bytes)", GOOD_FINDING]
    assert code == 1


def test_size_limit_is_configurable(project, capsys):
    write(project / "docker-compose.yml", GOOD_WITH_FINDING)
    size = len(GOOD_WITH_FINDING)
    code, out, _ = run(capsys, "--max-file-size", str(size - 1), "docker-compose.yml")
    assert (code, out) == (1, [f"docker-compose.yml:1:1: PRD901 file not checked: {size} "
                               f"bytes, larger than max-file-size ({size - 1} bytes)"])
    # ok: PRD901 (0: no limit)
    code, out, _ = run(capsys, "--max-file-size", "0", "docker-compose.yml")
    assert code == 1 and out[0].endswith("use ${POSTGRES_PASSWORD} or a compose secret")


def test_bad_env_files(project, capsys):
    write(project / "bin" / ".env", b"KEY=\x00\x01")
    write(project / "latin" / ".env", "DB_PASSWORD=caf\xe9\n".encode("latin-1"))
    write(project / "quote" / ".env", 'A=1\nJWT_SECRET="never closed\nB=2\n')
    write(project / "empty" / ".env", "")  # ok: PRD902 (an empty env file is valid)
    code, out, _ = run(capsys, "bin", "latin", "quote", "empty")
    assert out == [
        "bin/.env:1:1: PRD901 file not checked: binary file (NUL bytes)",
        "latin/.env:1:1: PRD901 file not checked: not UTF-8 text (byte 0xe9 at offset 15)",
        "quote/.env:2:12: PRD902 file not checked: unterminated \"-quoted value",
    ]
    assert code == 1


def test_deep_nesting_without_libyaml(project, capsys, monkeypatch):
    """The pure-Python composer recurses: deep input is refused before parsing."""
    import yaml
    monkeypatch.setattr(yamlmarks, "Loader", yaml.SafeLoader)
    monkeypatch.setattr(yamlmarks, "WITH_LIBYAML", False)
    write(project / "deep" / "docker-compose.yml", "services: " + "[" * 5000 + "]" * 5000)
    write(project / "ok" / "docker-compose.yml", GOOD_WITH_FINDING)
    code, out, _ = run(capsys, "deep", "ok")
    assert out == ["deep/docker-compose.yml:1:1: PRD902 file not checked: nesting deeper "
                   "than 1000 levels", GOOD_FINDING]
    assert code == 1


def test_pure_python_loader_gives_the_same_findings(project, capsys, monkeypatch):
    import yaml
    monkeypatch.setattr(yamlmarks, "Loader", yaml.SafeLoader)
    monkeypatch.setattr(yamlmarks, "WITH_LIBYAML", False)
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "examples")
    assert (code, out) == (1, EXAMPLE_FINDINGS)


def test_internal_error_is_a_finding_and_other_files_go_on(project, capsys, monkeypatch):
    original = checks.check_compose

    def broken(path, text, enabled):
        if path.startswith("broken"):
            raise ValueError("boom")
        return original(path, text, enabled)
    monkeypatch.setattr(checks, "check_compose", broken)
    write(project / "broken" / "docker-compose.yml", "services: {}\n")
    write(project / "ok" / "docker-compose.yml", GOOD_WITH_FINDING)
    code, out, _ = run(capsys, "broken", "ok")
    assert out == ["broken/docker-compose.yml:1:1: PRD903 internal error in flake8-prodready "
                   "(ValueError: boom); please report it", GOOD_FINDING]
    assert code == 1


def test_missing_path_is_a_usage_error(project, capsys):
    code, out, err = run(capsys, "nope")
    assert code == 2
    assert err == "prodready-compose: error: nope: no such file or directory\n"


# --- billion laughs ------------------------------------------------------------------------

def billion_laughs() -> str:
    levels = ['x-l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*l{level - 1}"] * 10)
        levels.append(f"x-l{level}: &l{level} [{aliases}]")
    merges = ["x-m0: &m0 {DB_PASSWORD: laughing_pw1}"]
    for level in range(1, 10):
        aliases = ", ".join([f"*m{level - 1}"] * 10)
        merges.append(f"x-m{level}: &m{level} {{<<: [{aliases}], K{level}: v}}")
    services = ["services:"]
    for index in range(10):
        services += [f"  s{index}:", "    image: x", "    environment: *m9",
                     "    command: *l9", "    healthcheck:", "      test: *l9"]
    return "\n".join(levels + merges + services) + "\n"


def test_billion_laughs_finishes(project):
    write(project / "docker-compose.yml", billion_laughs())
    completed = subprocess.run([sys.executable, "-m", "flake8_prodready.compose",
                                "docker-compose.yml"], cwd=project, capture_output=True,
                               text=True, timeout=60)  # finishes; the figure is in bench/
    assert completed.stderr == ""
    assert completed.stdout.splitlines() == [
        "docker-compose.yml:11:25: PRD402 inline secret for 'DB_PASSWORD' (\"lau…1\"); use "
        "${DB_PASSWORD} or a compose secret"]
    assert completed.returncode == 1


# --- discovery -----------------------------------------------------------------------------

def test_directory_walk_recognises_compose_and_env_files(project, capsys):
    secret = "services:\n  a:\n    environment:\n      API_TOKEN: tok_0123456789\n"
    for name in ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
                 "docker-compose.prod.yml", "docker-compose-staging.yml",
                 "compose.override.yaml", "deploy/stack.yml"):
        write(project / name, secret)
    write(project / "not-compose.yml", secret)  # ok: PRD402 (not a compose file name)
    write(project / "node_modules" / "x" / "docker-compose.yml", secret)  # skipped dir
    for name in (".env", ".env.local", "app.env", "config/.env.staging"):
        write(project / name, "API_TOKEN=tok_0123456789\n")
    write(project / ".env.sh", "export API_TOKEN=tok_0123456789\n")  # a script
    (project / "pyproject.toml").write_text(
        '[tool.prodready]\ncompose-paths = ["deploy/*.yml"]\n', encoding="utf-8")
    code, out, _ = run(capsys, ".")
    reported = sorted(line.split(":", 1)[0] for line in out)
    assert reported == sorted([
        "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
        "docker-compose.prod.yml", "docker-compose-staging.yml", "compose.override.yaml",
        "deploy/stack.yml", ".env", ".env.local", "app.env", "config/.env.staging"])
    assert code == 1


def test_explicit_files_are_always_checked(project, capsys):
    write(project / "stack.yml", "version: '3'\nservices: {}\n")
    write(project / "vars.txt", "DB_PASSWORD=hunter22\n")
    write(project / ".env.sh", "export DB_PASSWORD=hunter22\n")  # code, not an env file
    code, out, _ = run(capsys, "stack.yml", "vars.txt", ".env.sh")
    assert out == [
        "stack.yml:1:1: PRD401 the attribute 'version' is obsolete, it will be ignored; "
        "remove it (prodready-compose --fix)",
        "vars.txt:1:13: PRD406 committed env file sets 'DB_PASSWORD' to a secret (\"hu…2\"); "
        "set it in the deployment environment or a secret store"]
    assert code == 1


def test_exclude_globs(project, capsys):
    write(project / "legacy" / "docker-compose.yml", "version: '2'\nservices: {}\n")
    code, out, _ = run(capsys, "--exclude", "legacy/*", ".")
    assert (code, out) == (0, [])


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_ignored_env_files_are_not_committed_files(project, capsys):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    write(project / ".gitignore", ".env\n")
    write(project / ".env", "DB_PASSWORD=local_dev_pw\n")  # ok: PRD406 (ignored by git)
    write(project / ".env.production", "DB_PASSWORD=prod_pw_123\n")
    code, out, _ = run(capsys, ".")
    assert out == ['.env.production:1:13: PRD406 committed env file sets \'DB_PASSWORD\' to a '
                   'secret ("pr…3"); set it in the deployment environment or a secret '
                   'store']
    assert code == 1
    # Named explicitly (pre-commit passes staged files), it is checked.
    code, out, _ = run(capsys, ".env")
    assert code == 1 and out[0].startswith(".env:1:13: PRD406")


# --- test infrastructure, selection, suppression ----------------------------------------------

def test_compose_files_under_tests_are_test_infrastructure(project, capsys):
    content = "version: '3'\nservices:\n  db:\n    environment:\n      DB_PASSWORD: ci_pw_1\n"
    for name in ("tests/docker-compose.yml", "docker-compose.ci.yml",
                 "docker-compose.test.yml", "docker-compose-test.yml"):
        write(project / name, content)
    write(project / ".env.test", "DB_PASSWORD=ci_pw_1\n")
    code, out, _ = run(capsys, ".")
    assert sorted(line.split(":")[0] for line in out) == sorted([
        "docker-compose-test.yml", "docker-compose.ci.yml", "docker-compose.test.yml",
        "tests/docker-compose.yml"])
    assert all(": PRD401 " in line for line in out)  # ok: PRD402 (test infrastructure)
    assert code == 1
    code, out, _ = run(capsys, "--compose-secrets-in-tests", ".")
    assert len([line for line in out if ": PRD402 " in line]) == 4
    assert [line for line in out if ": PRD406 " in line] == [
        ".env.test:1:13: PRD406 committed env file sets 'DB_PASSWORD' to a secret (\"c…\"); "
        "set it in the deployment environment or a secret store"]


def test_compose_test_paths_is_configurable(project, capsys):
    write(project / "stacks" / "qa" / "docker-compose.yml",
          "services:\n  db:\n    environment:\n      DB_PASSWORD: qa_pw_123\n")
    code, out, _ = run(capsys, ".")
    assert code == 1 and len(out) == 1
    (project / "pyproject.toml").write_text(
        '[tool.prodready]\ncompose-test-paths = ["stacks/qa/*"]\n', encoding="utf-8")
    code, out, _ = run(capsys, ".")
    assert (code, out) == (0, [])


def test_select_and_ignore(project, capsys):
    write(project / "docker-compose.yml", "version: '3'\n" + GOOD_WITH_FINDING)
    code, out, _ = run(capsys, "--ignore", "PRD402", "docker-compose.yml")
    assert code == 1 and [line.split(" ")[1] for line in out] == ["PRD401"]
    code, out, _ = run(capsys, "--select", "PRD402", "docker-compose.yml")
    assert code == 1 and [line.split(" ")[1] for line in out] == ["PRD402"]
    (project / "pyproject.toml").write_text('[tool.prodready]\nignore = ["PRD4"]\n',
                                            encoding="utf-8")
    code, out, _ = run(capsys, "docker-compose.yml")
    assert (code, out) == (0, [])


def test_unknown_config_key_is_a_usage_error(project, capsys):
    (project / "pyproject.toml").write_text('[tool.prodready]\ncompose-pathz = ["x"]\n',
                                            encoding="utf-8")
    code, out, err = run(capsys, ".")
    assert code == 2 and out == []
    assert "unknown key 'compose-pathz'" in err


@pytest.mark.parametrize("comment, reported", [
    ("# noqa", False),
    ("# noqa: PRD402", False),
    ("# NOQA:PRD402,PRD403", False),
    ("# noqa: PRD4", False),
    ("# noqa:PRD", False),  # no digits: flake8 reads it as a blanket noqa
    ("# noqa: PRD401", True),
    ("# noqa: E501", True),
    ("# pragma: allowlist secret", False),
    ("# a comment", True),
])
def test_noqa_follows_flake8(project, capsys, comment, reported):
    write(project / "docker-compose.yml",
          f"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter22  {comment}\n")
    code, out, _ = run(capsys, "docker-compose.yml")
    assert (code, len(out)) == ((1, 1) if reported else (0, 0))


def test_allowlist_pragma_does_not_silence_the_version_rule(project, capsys):
    write(project / "docker-compose.yml", "version: '3'  # pragma: allowlist secret\n"
          "services: {}\n")
    code, out, _ = run(capsys, "docker-compose.yml")
    assert code == 1 and out[0].startswith("docker-compose.yml:1:1: PRD401")


@pytest.mark.parametrize("value, expected", [
    # Each file holds exactly one problem, so the text-level prefilter that skips the
    # value walk for clean files must let it through.
    ("      GF_SECURITY_ADMIN_PASSWORD: ${ADMIN_VALUE-admin_pw_9}", "4:49: PRD403"),
    ("      GF_SECURITY_ADMIN_PASSWORD:\n        ${ADMIN_VALUE:-admin_pw_9}", "5:24: PRD403"),
    ("      GF_SECURITY_ADMIN_PASSWORD: &pw !!str ${ADMIN_VALUE:-admin_pw_9}", "4:60: PRD403"),
    ("      LOG_LEVEL: ${LOG_LEVEL:-${SMTP_PASSWORD:-smtp_pw_1}}", "4:48: PRD403"),
    ("      BROKER: amqp://user:brokerpw@mq/", "4:27: PRD404"),
    ("      BROKER: \"amqp://user:broker$$pw@mq/\"", "4:28: PRD404"),
])
def test_lonely_findings_survive_the_prefilter(project, capsys, value, expected):
    write(project / "docker-compose.yml",
          f"services:\n  app:\n    environment:\n{value}\n      LOG_FORMAT: json\n")
    code, out, _ = run(capsys, "docker-compose.yml")
    assert code == 1 and len(out) == 1, out
    assert out[0].startswith(f"docker-compose.yml:{expected} ")


def test_clean_file_with_defaults_and_urls_is_clean(project, capsys):
    # ok: PRD403 ok: PRD404 (defaults of ordinary settings, URLs without passwords)
    write(project / "docker-compose.yml",
          "services:\n  app:\n    environment:\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n"
          "      DATABASE_URL: postgresql://app:${DB_PASSWORD:?required}@db/app\n"
          "      OTEL: http://otel:4317\n      CACHE_TTL: ${CACHE_TTL-300}\n")
    code, out, _ = run(capsys, "docker-compose.yml")
    assert (code, out) == (0, [])
