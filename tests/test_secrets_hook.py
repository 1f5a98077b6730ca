"""prodready-secrets through main(argv) on the planted corpus: expectations, parity with
``detect-secrets scan``, masking in every format, baseline, options and bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_prodready import output, registry
from flake8_prodready.registry import secrets as table
from flake8_prodready.secrets import cli

import secrets_corpus

DETECT_SECRETS = Path(sys.executable).with_name("detect-secrets")
OUTPUT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>PRD\d{3}) (?P<text>.*)$")
PUBLIC_TEXT = " ".join(rule.summary + str(rule.extra.get("example", ""))
                       for rule in registry.RULES.values())
GENERIC = {"Secret Keyword": 1, "Base64 High Entropy String": 2,
           "Hex High Entropy String": 2}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("secrets-corpus")
    (root / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    values = secrets_corpus.build(root)
    return root, values


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def findings(out: str) -> set:
    result = set()
    for line in out.splitlines():
        match = OUTPUT.match(line)
        assert match, f"unparsable output line: {line!r}"
        result.add((match["path"], int(match["line"]), match["code"]))
    return result


def test_corpus_gives_exactly_the_manifest(corpus, capsys, monkeypatch):
    root, _ = corpus
    monkeypatch.chdir(root)
    status, out, err = run(capsys, "planted", "clean", "suppressed")
    assert status == 1 and not err
    expected, ok, _ = secrets_corpus.marks()
    actual = findings(out)
    assert actual == expected, (f"missing {sorted(expected - actual)}\n"
                                f"extra {sorted(actual - expected)}")
    assert not actual & ok
    # Every detector type that can fire under detect-secrets' default filters is covered.
    covered = {code for _, _, code in actual}
    assert covered >= {d.code for d in table.DETECTORS} - {"PRD519"}


def test_clean_files_are_clean(corpus, capsys, monkeypatch):
    root, _ = corpus
    monkeypatch.chdir(root)
    assert run(capsys, "clean") == (0, "", "")


def detect_secrets_scan(root: Path, *extra: str) -> dict:
    # --no-verify: verification sends each candidate secret to its vendor's API; a test
    # must not (and our hook never does). Offline it changes nothing anyway.
    proc = subprocess.run([str(DETECT_SECRETS), "scan", "--all-files", "--no-verify", *extra,
                           "planted", "clean", "suppressed"], cwd=root, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_parity_with_detect_secrets_scan(corpus, capsys, monkeypatch):
    """Same (file, line, secret type) set as `detect-secrets scan --all-files`, minus only
    what our design removes: noqa-suppressed lines, and generic reports (keyword, entropy)
    on a line a more specific detector reported."""
    root, _ = corpus
    baseline = detect_secrets_scan(root)
    theirs = {(path, entry["line_number"], entry["type"])
              for path, entries in baseline["results"].items() for entry in entries}
    assert len(theirs) > 30
    _, _, ds_only = secrets_corpus.marks()
    best: dict = {}
    for path, line, kind in theirs:
        best[(path, line)] = min(GENERIC.get(kind, 0), best.get((path, line), 9))
    expected = {(path, line, kind) for path, line, kind in theirs
                if (path, line) not in ds_only and GENERIC.get(kind, 0) == best[(path, line)]}
    assert len(theirs - expected) >= len(ds_only)  # the exclusions really exclude something

    monkeypatch.chdir(root)
    status, out, _ = run(capsys, "planted", "clean", "suppressed")
    type_of = {d.code: d.secret_type for d in table.DETECTORS}
    ours = {(path, line, type_of[code]) for path, line, code in findings(out)}
    assert ours == expected, (f"only detect-secrets: {sorted(expected - ours)}\n"
                              f"only ours: {sorted(ours - expected)}")


@pytest.mark.parametrize("fmt", output.FORMATS)
def test_no_output_shows_a_planted_secret(corpus, capsys, monkeypatch, fmt):
    root, values = corpus
    monkeypatch.chdir(root)
    status, out, err = run(capsys, "planted", "suppressed", "--format", fmt)
    assert status == 1
    assert "PRD5" in out
    for name, value in values.items():
        assert value not in out + err, f"{fmt} output shows the planted {name}"
        # nor a long piece of it (a mask shows at most 4 + 2 characters)
        for start in range(0, len(value) - 12, 6):
            piece = value[start:start + 12]
            if piece in PUBLIC_TEXT:  # a vendor's fixed prefix, named in the rule's docs
                continue
            assert piece not in out, f"{fmt} shows part of {name}"


def test_detect_secrets_own_baseline_hides_known_secrets(corpus, capsys, tmp_path,
                                                         monkeypatch):
    """A `.secrets.baseline` made by detect-secrets: everything it records is known, audited
    or not (detect-secrets-hook's semantics); a new secret is still reported."""
    root, values = corpus
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.prodready]\n")
    planted = root / "planted"
    (project / "settings.json").write_text((planted / "settings.json").read_text())
    (project / "deploy.sh").write_text((planted / "deploy.sh").read_text())
    proc = subprocess.run([str(DETECT_SECRETS), "scan", "--all-files", "--no-verify", "."],
                          cwd=project, capture_output=True, text=True, timeout=300)
    baseline = json.loads(proc.stdout)
    # Audit: the signing key is a false positive, the AWS key a real (known) secret.
    for entry in baseline["results"]["settings.json"]:
        entry["is_secret"] = False
    for entry in baseline["results"]["deploy.sh"]:
        entry["is_secret"] = True
    (project / ".secrets.baseline").write_text(json.dumps(baseline))
    monkeypatch.chdir(project)
    assert run(capsys, ".") == (0, "", "")

    new_token = values["github"]
    with open(project / "deploy.sh", "a") as handle:
        handle.write(f"export GH_TOKEN={new_token}\n")
    status, out, _ = run(capsys, ".")
    assert status == 1
    assert findings(out) == {("deploy.sh", 9, "PRD504")}  # only the new one

    # --secrets-baseline none: everything again.
    status, out, _ = run(capsys, ".", "--secrets-baseline", "none")
    assert {code for _, _, code in findings(out)} >= {"PRD501", "PRD502", "PRD504", "PRD512"}


def test_baseline_settings_apply_and_can_reenable_the_ip_detector(tmp_path, capsys,
                                                                   monkeypatch):
    """The baseline's plugins_used/filters_used apply as in detect-secrets-hook. Without
    the is_not_alphanumeric_string filter, the public IP detector can fire."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    (tmp_path / "deploy.sh").write_text(
        "curl -fsS http://52.58.243.188:8080/health\n"  # expect: PRD519
        "curl -fsS http://10.0.3.4:8080/health\n"  # ok: PRD519 (private)
        "curl -fsS http://52.58.243.189/  # pragma: allowlist secret\n")  # ok: PRD519
    assert run(capsys, "deploy.sh") == (0, "", "")
    (tmp_path / ".secrets.baseline").write_text(json.dumps({
        "version": "1.5.0",
        "plugins_used": [{"name": "IPPublicDetector"}],
        "filters_used": [{"path": "detect_secrets.filters.heuristic.is_sequential_string"}],
        "results": {}}))
    status, out, _ = run(capsys, "deploy.sh")
    assert status == 1
    assert findings(out) == {("deploy.sh", 1, "PRD519")}
    assert "52.58.243.188" not in out


@pytest.mark.parametrize("content", ["{not json", '{"results": []}',
                                     '{"results": {"a": [{"type": "x"}]}}'])
def test_a_broken_baseline_is_a_one_line_error(tmp_path, capsys, monkeypatch, content):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    (tmp_path / ".secrets.baseline").write_text(content)
    (tmp_path / "a.txt").write_text("hello\n")
    status, out, err = run(capsys, "a.txt")
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "baseline" in err
    assert "Traceback" not in err


def test_options_select_disable_and_limits(corpus, capsys, monkeypatch):
    root, _ = corpus
    monkeypatch.chdir(root)
    _, out, _ = run(capsys, "planted/service.py")
    assert ("planted/service.py", 6, "PRD513") in findings(out)
    # A limit of 8 (the maximum entropy of a base-256 alphabet) silences the hex detector.
    _, out, _ = run(capsys, "planted/service.py", "--secrets-hex-limit", "8")
    assert ("planted/service.py", 6, "PRD513") not in findings(out)
    _, out, _ = run(capsys, "planted/service.py", "--ignore", "PRD513,PRD515")
    assert not {code for _, _, code in findings(out)} & {"PRD513", "PRD515"}
    _, out, _ = run(capsys, "planted/service.py", "--secrets-disable-plugins",
                    "CloudantDetector")
    assert ("planted/service.py", 7, "PRD515") not in findings(out)
    assert ("planted/service.py", 7, "PRD511") in findings(out)  # the keyword is next
    status, out, err = run(capsys, "planted", "--secrets-disable-plugins", "NoSuchDetector")
    assert status == 2 and "NoSuchDetector" in err and out == ""
    status, _, err = run(capsys, "planted", "--secrets-base64-limit", "9")
    assert status == 2 and "between 0 and 8" in err


def test_pyproject_configures_the_hook(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.prodready]\nignore = ["PRD512"]\nexclude = ["vendor/*"]\n')
    token = "ghp_" + "Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"
    blob = "x4Rt9Lk2Qw8Zp1Mn7Vb3Cx6Jh0Gf5Ds9Ae2Wq"
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "lib.js").write_text(f'const t = "{token}";\n')
    (tmp_path / "app.js").write_text(f'const blob = "{blob}";\nconst t = "{token}";\n')
    status, out, _ = run(capsys, ".")
    assert findings(out) == {("app.js", 2, "PRD504")}


# -- bad input ---------------------------------------------------------------------------

def test_bad_files_are_reported_and_the_others_still_scanned(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    token = "ghp_" + "Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"
    (tmp_path / "a_good.sh").write_text(f"export GH_TOKEN={token}\n")
    (tmp_path / "binary.dat").write_bytes(b"\x7fELF\x00\x01\x02" + token.encode() + b"\x00")
    (tmp_path / "latin1.conf").write_bytes(b"# caf\xe9\npassword = 'x'\n")
    minified = 'var a="' + "b" * 10 + '";' + "function f(x){return x+1};" * 200_000
    (tmp_path / "bundle.min.js").write_text(minified + "\n")
    assert len(minified) > 5_000_000
    (tmp_path / "z_good.env").write_text(f"GH_TOKEN={token}\n")
    os.symlink(tmp_path / "gone", tmp_path / "dangling.txt")  # listed, cannot be opened
    status, out, err = run(capsys, ".")
    assert status == 1 and "Traceback" not in err
    got = findings(out)
    assert ("a_good.sh", 1, "PRD504") in got and ("z_good.env", 1, "PRD504") in got
    reasons = {m["path"]: m["text"] for m in map(OUTPUT.match, out.splitlines())
               if m["code"] == "PRD901"}
    assert set(reasons) == {"binary.dat", "latin1.conf", "bundle.min.js", "dangling.txt"}
    assert "binary" in reasons["binary.dat"]  # expect: PRD901
    assert "not UTF-8" in reasons["latin1.conf"]
    assert "line 1 has 5" in reasons["bundle.min.js"]
    assert "cannot read" in reasons["dangling.txt"]
    assert ("latin1.conf", 1, "PRD901") in got
    assert token not in out


def test_the_line_length_cap_is_an_option(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    token = "ghp_" + "Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"
    (tmp_path / "wide.js").write_text(f'const t = "{token}"; ' + "x();" * 6000 + "\n")
    status, out, _ = run(capsys, "wide.js")
    assert {code for _, _, code in findings(out)} == {"PRD901"}
    status, out, _ = run(capsys, "wide.js", "--secrets-max-line-length", "0")
    assert findings(out) == {("wide.js", 1, "PRD504")}  # ok: PRD901 (no cap)


def test_unreadable_file_is_prd901(tmp_path, capsys, monkeypatch):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode (the dangling link covers it)")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("x\n")
    secret.chmod(0)
    status, out, _ = run(capsys, "secret.txt")
    assert findings(out) == {("secret.txt", 1, "PRD901")}


def test_detect_secrets_name_filters_apply(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    token = "ghp_" + "Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"
    for name in ("poetry.lock", "logo.svg", "swagger-ui.html", "package-lock.json"):
        (tmp_path / name).write_text(f'"{token}"\n')
    assert run(capsys, ".") == (0, "", "")


def test_prd5_rules_apply_to_test_code(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    (tmp_path / "tests").mkdir()
    token = "ghp_" + "Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"
    (tmp_path / "tests" / "conftest.py").write_text(f'TOKEN = "{token}"\n')
    assert registry.get("PRD504").applies_to_tests
    _, out, _ = run(capsys, ".")
    assert findings(out) == {("tests/conftest.py", 1, "PRD504")}


def test_module_entry_point(corpus):
    root, values = corpus
    proc = subprocess.run([sys.executable, "-m", "flake8_prodready.secrets", "planted/.npmrc"],
                          cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "PRD521" in proc.stdout and values["npm"] not in proc.stdout


def test_a_baseline_cannot_make_the_linter_verify_or_run_code(tmp_path):
    """filters_used from a baseline: never the verification filter (it sends candidates to
    vendor APIs), never a file:// filter (code named in a JSON file); the allowlist filter
    is always put back."""
    from flake8_prodready.config import load_settings
    from flake8_prodready.secrets import baseline as baseline_mod
    from flake8_prodready.secrets.scanner import VERIFY_FILTER, engine_config

    path = tmp_path / ".secrets.baseline"
    path.write_text(json.dumps({"version": "1.5.0", "results": {}, "plugins_used": [
        {"name": "Base64HighEntropyString", "limit": 5.5}, {"name": "AWSKeyDetector"}],
        "filters_used": [{"path": VERIFY_FILTER, "min_level": 2},
                         {"path": "file:///tmp/evil.py::run"},
                         {"path": "detect_secrets.filters.heuristic.is_potential_uuid"}]}))
    settings = load_settings(tmp_path)
    config = engine_config(settings, frozenset(registry.matching(["PRD5"])),
                           baseline_mod.load(path))
    assert config["plugins_used"] == [{"name": "AWSKeyDetector"},
                                      {"name": "Base64HighEntropyString", "limit": 5.5}]
    assert config["filters_used"] == [
        {"path": "detect_secrets.filters.heuristic.is_potential_uuid"}]
    explicit = settings.with_overrides({"secrets-base64-limit": "4.0"}, "command line")
    config = engine_config(explicit, frozenset(registry.matching(["PRD5"])),
                           baseline_mod.load(path))
    assert {"name": "Base64HighEntropyString", "limit": 4.0} in config["plugins_used"]
