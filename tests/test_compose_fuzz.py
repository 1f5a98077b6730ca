"""Arbitrary input never crashes the compose and env checks, and every finding points
inside the file."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_prodready import registry
from flake8_prodready.compose import checks

ALL_CODES = frozenset(registry.RULES)
YAML_ALPHABET = st.sampled_from(list("abcPASSWORD_:=-${}[]&*<!|>'\"#@/ \n\r\t.,?%\x85\u2028"))

scalar = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab1$${}:-?+@/_=")), max_size=20),
    st.sampled_from(["${DB_PASSWORD:-postgres}", "neo4j/password", "hunter22",
                     "postgresql://u:pw@db/x", "--requirepass pw", "$$", "-ptest_pw"]),
)
name = st.sampled_from(["DB_PASSWORD", "NEO4J_AUTH", "LOG_LEVEL", "API_TOKEN", "x-env",
                        "command", "environment", "healthcheck", "test", "<<", "version"])
tree = st.recursive(scalar, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(name, children, max_size=4)),
    max_leaves=25)


def assert_in_file(findings, text):
    lines = max(1, len(checks.Lines(text)))
    for finding in findings:
        assert finding.code in ALL_CODES
        assert 1 <= finding.line <= lines + 1, finding
        assert finding.col >= 1, finding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=YAML_ALPHABET, max_size=200))
def test_any_text_as_compose_and_env(text):
    findings, _, _ = checks.check_compose("docker-compose.yml", text, ALL_CODES)
    assert_in_file(findings, text)
    assert_in_file(checks.check_env(".env", text, ALL_CODES), text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["services", "x-common", "version", "volumes"]),
                       tree, min_size=1, max_size=3),
       st.sampled_from([None, "'", '"']), st.booleans())
def test_compose_shaped_documents(document, style, flow):
    text = yaml.safe_dump(document, default_style=style, default_flow_style=flow,
                          allow_unicode=True)
    findings, _, _ = checks.check_compose("compose.yaml", text, ALL_CODES)
    assert_in_file(findings, text)
