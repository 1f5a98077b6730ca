"""PRD5xx <-> detect-secrets plugins: every installed detector has a code; unknown ones get
the catch-all; the registry (and flake8 with the scan off) never imports detect_secrets."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

from flake8_prodready import registry
from flake8_prodready.registry import secrets as table
from flake8_prodready.secrets import cli

from harness import clean_env

INSTALLED = {cls.__name__: secret_type
             for secret_type, cls in get_mapping_from_secret_type_to_class().items()}


def test_the_installed_detect_secrets_is_the_pinned_one():
    import detect_secrets.__version__ as version

    assert version.VERSION.startswith("1.5."), version.VERSION
    assert len(INSTALLED) >= 27


@pytest.mark.parametrize("plugin", sorted(INSTALLED))
def test_every_installed_plugin_has_its_own_code(plugin):
    # Enumerated from detect-secrets' own plugin discovery: a release with a new detector
    # fails here until the table gives it a code.
    detector = table.BY_PLUGIN.get(plugin)
    assert detector is not None, f"{plugin} ({INSTALLED[plugin]!r}) has no PRD5xx code"
    assert detector.secret_type == INSTALLED[plugin]
    rule = registry.get(detector.code)
    assert rule.extra["plugin"] == plugin
    assert rule.applies_to_tests and "secrets" in rule.faces and "python" in rule.faces
    assert rule.extra["example"] and rule.extra["fix"]


def test_no_code_for_a_plugin_that_does_not_exist_and_codes_are_unique():
    assert set(table.BY_PLUGIN) == set(INSTALLED)
    codes = [d.code for d in table.DETECTORS]
    assert len(codes) == len(set(codes))
    assert table.UNKNOWN_CODE not in codes
    assert set(registry.matching(["PRD5"])) == set(codes) | {table.UNKNOWN_CODE}


def test_registry_plugin_and_package_import_without_detect_secrets():
    code = textwrap.dedent("""
        import sys
        import flake8_prodready, flake8_prodready.registry, flake8_prodready.plugin
        import flake8_prodready.secrets, flake8_prodready.secrets.cli
        assert "detect_secrets" not in sys.modules, "detect_secrets imported"
    """)
    subprocess.run([sys.executable, "-c", code], check=True, env=clean_env())


def test_a_flake8_run_with_the_scan_off_does_not_import_detect_secrets(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    (tmp_path / "app.py").write_text('GITHUB_TOKEN = "ghp_Kq2wJ7xLmP9vR4tY6uI8oA1sD3fG5hJ0kL2z"\n')
    code = textwrap.dedent("""
        import sys
        from flake8.main.cli import main
        status = main(["--select", "PRD", "--jobs", "1", "app.py"])
        print("imported" if "detect_secrets" in sys.modules else "not imported")
        print("status", status)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, env=clean_env())
    assert "not imported" in proc.stdout, proc.stdout + proc.stderr
    assert "PRD201" in proc.stdout  # the plugin did run


def test_an_unknown_detector_is_reported_as_PRD599_with_its_secret_type(tmp_path, capsys,
                                                                        monkeypatch):
    import re

    from detect_secrets.plugins.base import RegexBasedDetector

    class FooTokenDetector(RegexBasedDetector):  # as a newer detect-secrets might ship
        secret_type = "Foo Token"
        denylist = [re.compile(r"foo_[A-Za-z0-9]{24}")]

    mapping = get_mapping_from_secret_type_to_class()
    monkeypatch.setitem(mapping, "Foo Token", FooTokenDetector)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n")
    value = "foo_" + "Zx9Qw2Er7Ty4Ui1Op3As6Df8"
    (tmp_path / "app.cfg").write_text(
        f"[client]\n"
        f"token = {value}\n"  # expect: PRD599
        f"name = foo_short\n"  # ok: PRD599
    )
    status = cli.main(["app.cfg", "--select", "PRD599"])
    out = capsys.readouterr().out
    assert status == 1
    assert out.strip().splitlines() == [
        'app.cfg:2:9: PRD599 Foo Token "foo_…f8" found by detect-secrets plugin '
        "FooTokenDetector; move it to a secret store and rotate it"]
    assert value not in out
