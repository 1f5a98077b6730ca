"""One command for the performance evidence: every figure of issue 9, on the same files,
in the same run, medians of several runs, written to bench/RESULTS.md.

    .venv/bin/python bench/run.py                      # quick: a sample of the corpus
    .venv/bin/python bench/run.py --corpus full        # stdlib + census packages, all of it
    .venv/bin/python bench/run.py --only plugin,flake8 --runs 7

Corpus: the standard library and the census packages of bench/false_positive_census.py
(its scratch venv, created on first use), without their test directories, copied into one
scratch tree so that every tool sees the same files. ``--corpus quick`` takes one file in
``--step`` (default 6) of it.

Sections (``--only``): plugin (in-process run() vs bare NodeVisitor walk vs pyflakes'
Checker on trees parsed once), flake8 (flake8 --jobs 1 in two venvs with identical pins,
with and without our plugin, interleaved), peers (prodready check vs bandit vs ruff on the
same rules), secrets (prodready-secrets vs detect-secrets scan), compose (the compose hook
vs bare PyYAML node parsing, bench/compose_bench.py), startup (plugin import time; each
pre-commit hook on a 20-file change, and pre-commit's own overhead).

Times are medians; the machine may be shared, so each section also reports CPU time (in
process: time.process_time; subprocesses: the children's user+system time), which a busy
neighbour inflates far less than wall time. Ratios use CPU time where both are measured.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import gc
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import tokenize
import venv
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import false_positive_census as census  # noqa: E402

CACHE = BENCH / ".cache"
PLAIN_VENV = BENCH / ".venv-flake8-plain"
WITH_VENV = BENCH / ".venv-flake8-prodready"
BIN = Path(sys.executable).parent
SECTIONS = ("plugin", "flake8", "peers", "secrets", "compose", "startup")


# --- corpus -------------------------------------------------------------------------------

def corpus_sources() -> list[tuple[Path, Path]]:
    """(source file, relative name in the scratch tree): stdlib and census packages,
    without test directories (census.python_files excludes them)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    pairs = [(path, Path("stdlib") / path.relative_to(stdlib))
             for path in census.python_files(stdlib)
             if not ({"site-packages", "idle_test", "test", "tests"}
                     & set(path.relative_to(stdlib).parts))]
    site = census.ensure_venv()
    for _, directories in census.PACKAGES.values():
        for directory in directories:
            pairs += [(path, Path(directory) / path.relative_to(site / directory))
                      for path in census.python_files(site / directory)]
    return pairs


def build_corpus(kind: str, step: int) -> tuple[Path, list[str], int]:
    pairs = corpus_sources()
    if kind == "quick":
        pairs = pairs[::step]
    # Outside the checkout: bench/.cache is git-ignored, and the hooks (rightly) skip
    # git-ignored files when they walk a directory.
    target = (Path(tempfile.gettempdir()) / "prodready-bench"
              / f"corpus-{kind}-{step if kind == 'quick' else 1}")
    names = [name.as_posix() for _, name in pairs]
    marker = target / "files.txt"
    if not (marker.is_file() and marker.read_text(encoding="utf-8").split("\n") == names):
        shutil.rmtree(target, ignore_errors=True)
        for source, name in pairs:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
        # Our settings: defaults ([tool.prodready] empty), so no user config leaks in.
        (target / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
        marker.write_text("\n".join(names), encoding="utf-8")
    lines = sum((target / name).read_bytes().count(b"\n") for name in names)
    return target, names, lines


# --- timing helpers -----------------------------------------------------------------------

def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    cpu = child_cpu()
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, child_cpu() - cpu, proc


def interleaved(commands: dict[str, list[str]], cwd: Path, runs: int,
                env: dict | None = None) -> dict[str, dict]:
    """Median wall and CPU seconds of each command, runs interleaved (A B C A B C...)."""
    times: dict[str, dict[str, list]] = {name: {"wall": [], "cpu": []} for name in commands}
    last: dict[str, subprocess.CompletedProcess] = {}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu, proc = run_timed(command, cwd, env)
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(cpu)
            last[name] = proc
    return {name: {"wall": statistics.median(t["wall"]), "cpu": statistics.median(t["cpu"]),
                   "proc": last[name]} for name, t in times.items()}


def in_process(functions: dict, runs: int) -> dict[str, dict]:
    times: dict[str, dict[str, list]] = {name: {"wall": [], "cpu": []} for name in functions}
    for _ in range(runs):
        for name, function in functions.items():
            cpu, started = time.process_time(), time.perf_counter()
            function()
            times[name]["wall"].append(time.perf_counter() - started)
            times[name]["cpu"].append(time.process_time() - cpu)
    return {name: {key: statistics.median(values) for key, values in t.items()}
            for name, t in times.items()}


def version_of(command: list[str]) -> str:
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (proc.stdout or proc.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.notes: list[str] = []

    def row(self, measure: str, figure: str, target: str = "", verdict: str = "") -> None:
        self.rows.append((measure, figure, target, verdict))
        print(f"  {measure}: {figure}" + (f"  [{target}: {verdict}]" if target else ""),
              flush=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


# --- sections -----------------------------------------------------------------------------

def section_plugin(corpus: Path, names: list[str], runs: int, report: Report) -> None:
    import pyflakes.checker

    from flake8_prodready import registry  # noqa: F401 - settings below need it loaded
    from flake8_prodready.config import load_settings
    from flake8_prodready.context import classifier_for
    from flake8_prodready.plugin import ProdReadyChecker

    trees = []
    for name in names:
        try:
            with tokenize.open(corpus / name) as handle:
                text = handle.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                trees.append((name, ast.parse(text, name), text.splitlines(True)))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
    settings = load_settings(start=str(corpus))
    ProdReadyChecker.settings = settings
    ProdReadyChecker.enabled = settings.enabled_codes
    ProdReadyChecker.classifier = classifier_for(settings)
    ProdReadyChecker.baseline = None
    # Millions of AST objects stay alive: without this, the collector's full passes over
    # them land in whichever contender happens to allocate at that moment.
    gc.collect()
    gc.freeze()
    visitor = ast.NodeVisitor()

    def bare() -> None:
        for _, tree, _ in trees:
            visitor.visit(tree)

    def ours() -> None:
        for name, tree, lines in trees:
            for _ in ProdReadyChecker(tree, name, lines).run():
                pass

    def flakes() -> None:
        for name, tree, _ in trees:
            pyflakes.checker.Checker(tree, filename=name)

    ours()  # warm caches once, as a second file in a flake8 run would find them
    result = in_process({"bare NodeVisitor walk": bare, "prodready run()": ours,
                         "pyflakes Checker": flakes}, runs)
    gc.unfreeze()
    walk = result["bare NodeVisitor walk"]["cpu"]
    plugin = result["prodready run()"]["cpu"]
    pyflakes_cpu = result["pyflakes Checker"]["cpu"]
    report.row("trees parsed once", f"{len(trees)} files")
    for name, figures in result.items():
        report.row(f"in-process {name}", f"{figures['cpu']:.2f} s CPU ({figures['wall']:.2f} s wall)")
    report.row("run() / bare walk", f"{plugin / walk:.2f}x", "<= 1.5x", verdict(plugin / walk <= 1.5))
    report.row("run() / pyflakes Checker", f"{plugin / pyflakes_cpu:.2f}x", "< 1x",
               verdict(plugin < pyflakes_cpu))


def pins() -> list[str]:
    wanted = ("flake8", "pyflakes", "pycodestyle", "mccabe")
    frozen = subprocess.run([str(BIN / "python"), "-m", "pip", "freeze"], capture_output=True,
                            text=True, check=True).stdout.split()
    return sorted(line for line in frozen if line.split("==")[0].lower() in wanted)


def flake8_venvs() -> tuple[Path, Path]:
    """Two venvs with the same flake8 pins; the second also has this checkout installed
    (with its declared dependencies at the versions of .venv)."""
    common = pins()
    ours = sorted(line for line in subprocess.run(
        [str(BIN / "python"), "-m", "pip", "freeze"], capture_output=True, text=True,
        check=True).stdout.split() if line.split("==")[0].lower() in (
            "pyyaml", "detect-secrets", "requests", "charset-normalizer", "idna", "urllib3",
            "certifi"))
    for env, extra in ((PLAIN_VENV, []), (WITH_VENV, ours)):
        marker = env / "bench-pins.txt"
        want = common + extra
        if not (marker.is_file() and marker.read_text(encoding="utf-8").split() == want):
            venv.EnvBuilder(with_pip=True, clear=True).create(env)
            subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", *want],
                           check=True)
            marker.write_text("\n".join(want) + "\n", encoding="utf-8")
    # Editable: the plugin as it is in this checkout (same files as .venv runs).
    subprocess.run([str(WITH_VENV / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--no-deps", "-e", str(ROOT)], check=True,
                   capture_output=True)
    return PLAIN_VENV / "bin" / "flake8", WITH_VENV / "bin" / "flake8"


def section_flake8(corpus: Path, runs: int, report: Report) -> None:
    plain, with_ours = flake8_venvs()
    args = ["--jobs", "1", "--exit-zero", "--isolated", "."]
    result = interleaved({"without": [str(plain), *args], "with": [str(with_ours), *args]},
                         corpus, runs)
    prd = sum(1 for line in result["with"]["proc"].stdout.splitlines() if ": PRD" in line)
    report.notes.append(f"flake8: {' '.join(pins())}; the 'with' venv adds this checkout "
                        f"({prd} PRD findings in the run).")
    for name in ("without", "with"):
        figures = result[name]
        report.row(f"flake8 --jobs 1, {name} our plugin",
                   f"{figures['wall']:.2f} s wall, {figures['cpu']:.2f} s CPU")
    extra = result["with"]["cpu"] / result["without"]["cpu"] - 1
    extra_wall = result["with"]["wall"] / result["without"]["wall"] - 1
    report.row("flake8 cost of installing the plugin", f"+{100 * extra:.1f}% CPU "
               f"(+{100 * extra_wall:.1f}% wall)", "<= +10%", verdict(extra <= 0.10))


def peers_bin() -> Path:
    import credentials_vs_peers

    return credentials_vs_peers.peers_bin()


def section_peers(corpus: Path, runs: int, report: Report) -> None:
    peers = peers_bin()
    commands = {
        "prodready check --select PRD1,PRD2,PRD3": [str(BIN / "prodready"), "check", "--select",
                                                    "PRD1,PRD2,PRD3", "--no-progress", "."],
        "bandit -t B105,B106,B107,B110,B112": [str(peers / "bandit"), "-q", "-r", "-t",
                                              "B105,B106,B107,B110,B112", "-f", "txt", "."],
        "ruff --select S105,S106,S107,S110,S112": [str(peers / "ruff"), "check", "--no-cache",
                                                   "--isolated", "--exit-zero", "--select",
                                                   "S105,S106,S107,S110,S112", "."],
    }
    result = interleaved(commands, corpus, runs)
    for name, figures in result.items():
        report.row(name, f"{figures['wall']:.2f} s wall, {figures['cpu']:.2f} s CPU")
    ours = result["prodready check --select PRD1,PRD2,PRD3"]
    bandit = result["bandit -t B105,B106,B107,B110,B112"]
    report.row("prodready check / bandit", f"{ours['cpu'] / bandit['cpu']:.2f}x CPU, "
               f"{ours['wall'] / bandit['wall']:.2f}x wall", "< 1x",
               verdict(ours["cpu"] < bandit["cpu"] and ours["wall"] < bandit["wall"]))
    report.notes.append(f"peers: {version_of([str(peers / 'bandit'), '--version'])}; "
                        f"{version_of([str(peers / 'ruff'), '--version'])}")


def section_secrets(corpus: Path, names: list[str], runs: int, report: Report) -> None:
    commands = {
        "detect-secrets scan --all-files": [str(BIN / "detect-secrets"), "scan", "--all-files",
                                            "--no-verify", *names],
        "prodready-secrets": [str(BIN / "prodready-secrets"), "--secrets-baseline", "none",
                              *names],
    }
    result = interleaved(commands, corpus, runs)
    for name, figures in result.items():
        report.row(name, f"{figures['wall']:.2f} s wall, {figures['cpu']:.2f} s CPU")
    ours, theirs = result["prodready-secrets"], result["detect-secrets scan --all-files"]
    report.row("secrets hook / detect-secrets", f"{ours['wall'] / theirs['wall']:.2f}x wall, "
               f"{ours['cpu'] / theirs['cpu']:.2f}x CPU", "<= 1x wall",
               verdict(ours["wall"] <= theirs["wall"]))
    report.notes.append("detect-secrets scan spreads files over a process pool (both cores); "
                        "prodready-secrets runs in one process: compare wall time, CPU shown "
                        f"for the work. {version_of([str(BIN / 'detect-secrets'), '--version'])}")


def section_compose(runs: int, files: int, report: Report) -> None:
    import compose_bench

    with tempfile.TemporaryDirectory(prefix="compose-bench-") as scratch:
        directory = Path(scratch)
        (directory / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
        paths = compose_bench.generate(directory, files, 7)
        old = os.getcwd()
        os.chdir(directory)
        try:
            compose_bench.hook_check(paths)
            result = in_process({"bare PyYAML compose": lambda: compose_bench.bare_parse(paths),
                                 "compose hook check": lambda: compose_bench.hook_check(paths)},
                                runs)
        finally:
            os.chdir(old)
    for name, figures in result.items():
        report.row(f"{name} ({files} files)", f"{figures['cpu']:.2f} s CPU")
    ratio = result["compose hook check"]["cpu"] / result["bare PyYAML compose"]["cpu"]
    loader = compose_bench.BareLoader.__name__
    report.notes.append(f"compose: {files} compose files generated by bench/compose_bench.py "
                        "(seed 7), in process; PyYAML with libyaml.")
    report.row(f"compose hook / bare parse ({loader})", f"{ratio:.2f}x", "<= 2x",
               verdict(ratio <= 2.0))


def section_startup(runs: int, report: Report) -> None:
    import hook_latency

    python = str(BIN / "python")
    imports = interleaved({"python -c pass": [python, "-c", "pass"],
                           "import plugin": [python, "-c", "import flake8_prodready.plugin"]},
                          ROOT, runs * 2)
    cost = imports["import plugin"]["wall"] - imports["python -c pass"]["wall"]
    proc = subprocess.run([python, "-X", "importtime", "-c", "import flake8_prodready.plugin"],
                          capture_output=True, text=True)
    heavy = [name for name in ("detect_secrets", "yaml") if f" {name}\n" in proc.stderr + "\n"
             or f"| {name}" in proc.stderr]
    report.row("import flake8_prodready.plugin", f"{cost * 1000:.0f} ms wall over a bare "
               f"interpreter; imports detect_secrets/yaml: {', '.join(heavy) or 'neither'}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "hooks").mkdir()
        ref = hook_latency.snapshot(tmp_path / "hooks")
        repo = tmp_path / "repo"
        repo.mkdir()
        hook_latency.sh("git", "init", "-q", cwd=repo)
        files = hook_latency.change(repo)
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n-   repo: {tmp_path / 'hooks'}\n    rev: {ref}\n    hooks:\n"
            + "".join(f"    -   id: {hook}\n" for hook in hook_latency.HOOKS)
            + "-   repo: local\n    hooks:\n    -   id: noop\n        name: noop\n"
              "        entry: 'true'\n        language: system\n", encoding="utf-8")
        env = dict(hook_latency.ENV, PRE_COMMIT_HOME=str(tmp_path / "home"))
        pre_commit = [python, "-m", "pre_commit"]
        subprocess.run([*pre_commit, "install-hooks"], cwd=repo, env=env, capture_output=True,
                       check=True)
        commands = {hook: [*pre_commit, "run", hook, "--files", *files]
                    for hook in ("noop", *hook_latency.HOOKS)}
        commands["all hooks"] = [*pre_commit, "run", "--files", *files]
        hook_env = next((tmp_path / "home").glob("repo*/py_env-*"), None)
        if hook_env is not None:  # the hooks alone, without pre-commit around them
            hook_bin = hook_env / "bin"
            commands["flake8 --select PRD (direct)"] = [str(hook_bin / "flake8"), "--select",
                                                        "PRD", *[f for f in files if f.endswith(".py")]]
            commands["prodready-compose (direct)"] = [str(hook_bin / "prodready-compose"),
                                                      *[f for f in files if "compose" in f or ".env" in f]]
            commands["prodready-secrets (direct)"] = [str(hook_bin / "prodready-secrets"), *files]
        result = interleaved(commands, repo, runs, env)
    for name, figures in result.items():
        report.row(f"20-file change: {name}", f"{figures['wall'] * 1000:.0f} ms wall, "
                   f"{figures['cpu'] * 1000:.0f} ms CPU")
    report.notes.append("pre-commit: 'all hooks' is one `pre-commit run --files` of our three "
                        "hooks plus the no-op one (which costs nothing once pre-commit runs).")
    total = result["all hooks"]
    report.row("pre-commit, all hooks, 20 files", f"{total['wall'] * 1000:.0f} ms wall",
               "< 1 s", verdict(total["wall"] < 1.0))


# --- main ---------------------------------------------------------------------------------

def machine() -> str:
    load = os.getloadavg()
    return (f"{platform.platform()}; {os.cpu_count()} CPUs; Python {platform.python_version()}; "
            f"load average at start {load[0]:.1f}")


def write_results(path: Path, header: list[str], report: Report) -> None:
    lines = ["# Benchmark results", "", *header, "",
             "| measure | figure | target | verdict |", "| --- | --- | --- | --- |"]
    lines += [f"| {m} | {f} | {t} | {v} |" for m, f, t, v in report.rows]
    lines += ["", "Notes:", ""] + [f"- {note}" for note in report.notes]
    lines += ["", "Produced by `bench/run.py` (docs/performance.md explains the method and the "
              "profile behind these figures).", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("quick", "full"), default="quick")
    parser.add_argument("--step", type=int, default=6, help="quick corpus: one file in STEP")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compose-files", type=int, default=1000)
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--output", type=Path, default=BENCH / "RESULTS.md")
    options = parser.parse_args(argv)
    sections = [s for s in options.only.split(",") if s]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    corpus, names, lines = build_corpus(options.corpus, options.step)
    header = [
        f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. "
        f"Machine: {machine()}.",
        f"Corpus: {options.corpus} ({len(names)} Python files, {lines} lines: the standard "
        f"library and {len(census.PACKAGES)} census packages ({', '.join(census.PACKAGES)}), "
        "test directories excluded). Medians of "
        f"{options.runs} runs; command: `.venv/bin/python bench/run.py "
        f"{' '.join(argv if argv is not None else sys.argv[1:])}`.".replace("  ", " "),
    ]
    print("\n".join(header), flush=True)
    report = Report()
    if "plugin" in sections:
        print("plugin, in process:", flush=True)
        section_plugin(corpus, names, options.runs, report)
    if "flake8" in sections:
        print("flake8 with and without the plugin:", flush=True)
        section_flake8(corpus, options.runs, report)
    if "peers" in sections:
        print("credential and fallback rules vs bandit and ruff:", flush=True)
        section_peers(corpus, options.runs, report)
    if "secrets" in sections:
        print("secrets hook vs detect-secrets:", flush=True)
        section_secrets(corpus, names, options.runs, report)
    if "compose" in sections:
        print("compose hook vs PyYAML:", flush=True)
        section_compose(options.runs, options.compose_files, report)
    if "startup" in sections:
        print("start-up and pre-commit latency:", flush=True)
        section_startup(options.runs, report)
    write_results(options.output, header, report)
    print(f"wrote {options.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
