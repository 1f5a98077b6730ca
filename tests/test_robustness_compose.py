"""Robustness of the compose hook: mutated compose and env files.

Every case goes through the hook's own ``check`` (read, classify, parse, every PRD4xx
check) in a worker thread: it must return within CASE_LIMIT seconds (generous: each case
takes milliseconds; the limit is there to catch a hang, not to time anything), raise
nothing and report no PRD903 (the hook turns its own crashes into PRD903, which would
otherwise hide them). A file that is not valid YAML or UTF-8 gets PRD902/PRD901.

Default run: every mutation kind on a few seed files. Full run (``-m robustness_full``):
every seed file, many more random mutations.
"""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from flake8_prodready.compose import cli
from flake8_prodready.hookcli import settings_from_args

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CASE_LIMIT = 5.0


def seeds(full: bool) -> list[tuple[str, bytes]]:
    """(file name the hook sees, content) of real compose and env files."""
    compose = sorted((FIXTURES / "compose").glob("*.yml"))
    env = sorted((FIXTURES / "env").glob("*.env"))
    chosen = [(p, "docker-compose.yml") for p in (compose if full else compose[:3])]
    chosen += [(p, ".env.production") for p in (env if full else env[:2])]
    chosen += [(ROOT / "examples" / "docker-compose.production.yml", "docker-compose.yml"),
               (ROOT / "examples" / ".env.production", ".env.production")]
    return [(name, path.read_bytes()) for path, name in chosen if path.is_file()]


def structural_cases() -> list[tuple[str, str, bytes]]:
    """(label, file name, content): the shapes that break parsers."""
    big = 2_000_000
    laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    merge = ["x-base: &b0 {A: 1}"]
    merge += [f"x-m{i}: &b{i}\n  <<: [" + ", ".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, 10)]
    cases = {
        "deep flow sequence": "services: " + "[" * 50_000 + "]" * 50_000,
        "deep flow mapping": "services: " + "{a: " * 20_000 + "b" + "}" * 20_000,
        "deep block mapping": "".join(" " * i + f"k{i}:\n" for i in range(1500)) + "x" * 1600,
        "deep anchors": "services:\n  web:\n    environment: &e0\n      A: 1\n"
                        + "".join(f"x-{i}: &e{i}\n  <<: *e{i - 1}\n" for i in range(1, 3000)),
        "billion laughs": "\n".join(laughs) + "\nservices:\n  web:\n    environment: *a9\n",
        "merge bomb": "\n".join(merge) + "\nservices:\n  web:\n    environment: *b9\n",
        "huge scalar": "services:\n  web:\n    environment:\n      PASSWORD: " + "A" * big,
        "huge quoted scalar": "services:\n  web:\n    command: \"" + "x " * (big // 2) + "\"",
        "huge key": "services:\n  " + "k" * big + ": 1\n",
        "many services": "services:\n" + "".join(
            f"  s{i}:\n    image: x\n    environment:\n      DB_PASSWORD: ${{P{i}:-pw{i}}}\n"
            for i in range(3_000)),  # ~400 KB, 3,000 findings
        "interpolation run": "services:\n  web:\n    environment:\n      X: " + "${" * 200_000,
        "nested defaults": "services:\n  web:\n    environment:\n      X: "
                           + "${A:-" * 50_000 + "}" * 50_000,
        "dollar run": "services:\n  web:\n    command: " + "$$" * 500_000,
        "url run": "services:\n  web:\n    environment:\n      U: " + "http://u:p@" * 20_000,
        "tabs": "services:\n\tweb:\n\t\timage: x\n\t\tenvironment:\n\t\t\tPASSWORD: hunter2\n",
        "bom": "\ufeffservices:\n  web:\n    environment:\n      PASSWORD: s3cr3t-value\n",
        "bom twice": "\ufeff\ufeffservices:\n  web:\n    image: x\n",
        "lone carriage returns": "services:\r  web:\r    image: x\r",
        "unknown tags": "services: !reset\n  web: !override {image: !custom x}\n  x: !!python/object:os.system {}\n",
        "document stream": "---\nservices: {}\n...\n---\n" * 10_000,
        "only comments": "#" * big,
        "empty": "",
        "nul bytes": "services:\n  web:\0\n",
    }
    env_cases = {
        "env huge value": "PASSWORD=" + "A" * big,
        "env unbalanced quotes": "export SECRET='" + "'\"" * 100_000,
        "env interpolation run": "KEY=" + "${" * 200_000,
        "env many lines": "".join(f"API_KEY_{i}=value{i}xyzxyzxyz\n" for i in range(20_000)),
        "env huge name": "A" * big + "=x",
        "env crlf and bom": "\ufeffPASSWORD=hunter2\r\nTOKEN=abc\r\n",
        "env tabs": "\tPASSWORD\t=\thunter2\t\n",
        "env no newline": "SECRET_KEY=" + "=" * 100_000,
    }
    out = [(label, "docker-compose.yml", text.encode("utf-8")) for label, text in cases.items()]
    out += [(label, ".env.production", text.encode("utf-8")) for label, text in env_cases.items()]
    out += [("invalid utf-8", "docker-compose.yml", b"services:\n  web: \xff\xfe\xc3\x28\n"),
            ("invalid utf-8 env", ".env", b"PASSWORD=\xff\xfe\n")]
    return out


def mutations(name: str, data: bytes, rng: random.Random, flips: int) -> list[tuple[str, str, bytes]]:
    cases = []
    for fraction in (0.1, 0.33, 0.5, 0.77, 0.95):
        cases.append((f"truncated at {fraction}", name, data[:int(len(data) * fraction)]))
    for index in range(flips):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if mutated:
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        cases.append((f"byte flips #{index}", name, bytes(mutated)))
    for index in range(flips // 2):
        lines = data.split(b"\n")
        rng.shuffle(lines)
        cases.append((f"lines shuffled #{index}", name, b"\n".join(lines)))
    cases += [
        ("crlf", name, data.replace(b"\n", b"\r\n")),
        ("bom", name, b"\xef\xbb\xbf" + data),
        ("tabs for indentation", name, data.replace(b"  ", b"\t")),
        ("utf-16", name, data.decode("utf-8", "replace").encode("utf-16")),
        ("repeated 200 times", name, data * 200),
        ("one line", name, data.replace(b"\n", b" ")),
    ]
    return cases


def run_case(name: str, data: bytes, directory: Path, settings, args) -> list:
    path = directory / name
    path.write_bytes(data)
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["findings"] = list(cli.check([str(path)], settings, args))
        except BaseException as error:  # noqa: B036 - reported by the test below
            outcome["error"] = error

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(CASE_LIMIT)
    if worker.is_alive():
        raise AssertionError(f"did not finish within {CASE_LIMIT} s")
    if "error" in outcome:
        raise AssertionError(f"raised {type(outcome['error']).__name__}: {outcome['error']}")
    internal = [f for f in outcome["findings"] if f.code == "PRD903"]
    assert not internal, internal
    return outcome["findings"]


def check_cases(cases, tmp_path: Path, monkeypatch) -> int:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    failures = []
    for label, name, data in cases:
        args = cli.build_parser().parse_args([name])
        settings = settings_from_args(args)
        try:
            run_case(name, data, tmp_path, settings, args)
        except AssertionError as error:
            failures.append(f"{name} / {label}: {error}")
    assert not failures, "\n".join(failures)
    return len(cases)


def test_structural_attacks_neither_raise_nor_hang(tmp_path, monkeypatch):
    assert check_cases(structural_cases(), tmp_path, monkeypatch) > 30


def test_mutated_files_neither_raise_nor_hang(tmp_path, monkeypatch):
    rng = random.Random(9)
    cases = [case for name, data in seeds(full=False)
             for case in mutations(name, data, rng, flips=6)]
    assert check_cases(cases, tmp_path, monkeypatch) > 50


@pytest.mark.robustness_full
def test_many_mutated_files_neither_raise_nor_hang(tmp_path, monkeypatch):
    rng = random.Random(99)
    cases = [case for name, data in seeds(full=True)
             for case in mutations(name, data, rng, flips=120)]
    assert check_cases(cases, tmp_path, monkeypatch) > 1000
