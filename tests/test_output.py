"""Output formats: text, JSON (our schema), SARIF 2.1.0 (the OASIS schema), GitHub, and
the flake8 formatter plugin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from flake8_prodready import output, registry
from flake8_prodready.findings import Finding
from flake8_prodready.output.github import annotation
from flake8_prodready.output.jsonfmt import SCHEMA_PATH
from project_helpers import VIOLATING_PY, flake8, make_project, prodready

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JSON_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

SAMPLE = [
    Finding("src/b.py", 3, 5, "PRD301", "broad 'except Exception' returns fallback data"),
    Finding("src/a b.py", 1, 1, "PRD101", "mock import, with a comma: and a colon",
            "0123456789abcdef"),
    Finding("docker-compose.yml", 7, 9, "PRD903", "internal error 100%\nsecond line"),
    Finding("/elsewhere/x.py", 2, 0, "E501", "line too long (100 > 79 characters)"),
]


def rendered(fmt, findings=SAMPLE, **context):
    stream = io.StringIO()
    output.render(findings, fmt, stream, **context)
    return stream.getvalue()


def sarif_validator():
    return jsonschema.Draft4Validator(SARIF_SCHEMA)


def test_shipped_sarif_schema_is_the_oasis_2_1_0_schema():
    assert SARIF_SCHEMA["id"].endswith("sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(JSON_SCHEMA)


def test_text_is_flake8_format_sorted():
    lines = rendered("text").splitlines()
    assert lines[0] == "/elsewhere/x.py:2:0: E501 line too long (100 > 79 characters)"
    assert lines[1].startswith("docker-compose.yml:7:9: PRD903 ")
    assert [line.split(":")[0] for line in lines] == sorted(
        line.split(":")[0] for line in lines)


def test_json_validates_against_our_schema(tmp_path):
    document = json.loads(rendered("json", tool="prodready-test", files=4))
    jsonschema.Draft202012Validator(JSON_SCHEMA,
                                    format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["version"] == 1
    assert document["summary"] == {"files_checked": 4, "findings": 4,
                                   "by_family": {"mock": 1, "fallback": 1, "tool": 1,
                                                 "other": 1},
                                   "by_code": {"E501": 1, "PRD101": 1, "PRD301": 1,
                                               "PRD903": 1}}
    first = document["findings"][0]
    assert first["code"] == "E501" and first["name"] is None and first["family"] == "other"
    by_code = {item["code"]: item for item in document["findings"]}
    assert by_code["PRD101"]["help_uri"] == registry.get("PRD101").help_uri
    assert by_code["PRD101"]["fingerprint"] == "0123456789abcdef"


def test_json_schema_rejects_what_it_should():
    document = json.loads(rendered("json"))
    document["findings"][0]["line"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, JSON_SCHEMA)


def test_sarif_validates_and_carries_registry_metadata(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    log = json.loads(rendered("sarif", root=tmp_path))
    sarif_validator().validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    for code, rule in registry.RULES.items():
        descriptor = by_id[code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert descriptor["helpUri"] == rule.help_uri
    assert "E501" in by_id  # a foreign code still gets a descriptor
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    locations = {r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in run["results"]}
    assert locations["PRD101"]["uri"] == "src/a%20b.py"  # relative, percent-encoded
    assert locations["PRD101"]["uriBaseId"] == "%SRCROOT%"
    assert locations["E501"] == {"uri": "file:///elsewhere/x.py"}


def test_sarif_of_a_real_run_validates(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY, "src/broken.py": "def f(:\n"})
    result = prodready(tmp_path, "check", ".", "--format", "sarif")
    log = json.loads(result.stdout)
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"PRD101", "PRD301", "PRD902"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (
        tmp_path.resolve().as_uri() + "/")
    json_result = prodready(tmp_path, "check", ".", "--format", "json")
    jsonschema.validate(json.loads(json_result.stdout), JSON_SCHEMA)


def test_github_annotation_escaping():
    line = annotation(SAMPLE[1])
    assert line == ("::error file=src/a b.py,line=1,col=1,title=PRD101 "
                    f"{registry.get('PRD101').name}::PRD101 mock import, with a comma: "
                    "and a colon")
    warning = annotation(SAMPLE[2])
    assert warning.startswith("::warning ")
    assert warning.endswith("internal error 100%25%0Asecond line")
    odd = annotation(Finding("a,b:c.py", 1, 1, "PRD101", "m"))
    assert "file=a%2Cb%3Ac.py," in odd


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError):
        rendered("xml")


def test_flake8_sarif_formatter(tmp_path):
    make_project(tmp_path, {"src/app.py": VIOLATING_PY + "x=1\n"})
    result = flake8(tmp_path, "--format=prodready-sarif", "--select", "PRD,E225",
                    "--statistics", "src")
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    found = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["locations"][0]["physicalLocation"]["region"]["startColumn"])
             for r in results}
    assert found == {("PRD101", 1, 1), ("PRD301", 8, 16), ("E225", 12, 2)}
    assert log["runs"][0]["tool"]["driver"]["name"] == "flake8"


def test_flake8_sarif_formatter_clean_run_is_a_valid_empty_log(tmp_path):
    make_project(tmp_path, {"src/ok.py": "x = 1\n"})
    out = tmp_path / "out.sarif"
    result = flake8(tmp_path, "--format=prodready-sarif", "--output-file", str(out), "src")
    assert result.returncode == 0 and result.stdout == ""
    log = json.loads(out.read_text())
    sarif_validator().validate(log)
    assert log["runs"][0]["results"] == []
