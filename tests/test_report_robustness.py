"""prodready report's readers never raise on hostile input: commands, scripts, Dockerfiles."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from flake8_prodready.report import dockerfile
from flake8_prodready.report.commands import parse_argv, parse_shell

SHELLISH = st.text(alphabet=st.sampled_from(list("pythonm -c'\"\\$@&|;()#=./:{}\n\tuvicorngsAa")),
                   max_size=80)
WORDS = st.lists(st.sampled_from(["python", "-m", "-c", "sh", "-c", "exec", "env", "A=1",
                                  "--", "uvicorn", "gunicorn", "celery", "-A", "$@", "$X",
                                  "pkg.mod:app", "x.py", "./run.sh", "-b", ":80", "tini"]),
                 max_size=12)


@settings(max_examples=300, deadline=None)
@given(SHELLISH)
def test_parse_shell_never_raises(text):
    scripts = {"./run.sh": text}
    for target in parse_shell(text, scripts.get):
        assert target.kind in ("file", "module", "code", "script", "dynamic")


@settings(max_examples=300, deadline=None)
@given(WORDS, SHELLISH)
def test_parse_argv_never_raises(words, script):
    # A script that runs itself: recursion is cut by the depth limit.
    reader = {"./run.sh": script + "\n./run.sh\n"}.get
    parse_argv(words, reader, ("python", "app.py"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_dockerfile_parse_never_raises(text):
    parsed = dockerfile.parse(text, "Dockerfile")
    parsed.stage()
    parsed.stage("missing-target")


def test_dockerfile_semantics():
    parsed = dockerfile.parse(
        "# escape=`\nFROM python AS base\nWORKDIR app\nENV PYTHONPATH=/app/src:/x\n"
        "ENTRYPOINT [\"tini\", \"--\"]\nCMD python `\n  main.py\nFROM base\nCMD [bad json\n",
        "Dockerfile")
    base, final = parsed.stage("base"), parsed.stage()
    assert base.workdir == "/app" and base.pythonpath == ["/app/src", "/x"]
    assert base.entrypoint == ["tini", "--"] and base.entrypoint_line == 5
    assert base.cmd == ["/bin/sh", "-c", "python    main.py"] and base.cmd_line == 6
    # The final stage inherits from base; its CMD is not JSON, so shell form, as in Docker.
    assert final.entrypoint == ["tini", "--"]
    assert final.cmd == ["/bin/sh", "-c", "[bad json"] and final.cmd_line == 9
