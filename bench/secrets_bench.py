"""prodready-secrets vs ``detect-secrets scan`` on the same files; plugin import cost.

Files: the Python sources of the census packages (bench/.cache/census-venv, made by
bench/false_positive_census.py; the standard library when it is absent), plus generated
YAML, JSON and TypeScript files (some with planted secrets). They are copied into one
scratch tree, and both tools get the same explicit file list, as pre-commit would pass it.

- ``detect-secrets scan --all-files --no-verify FILES`` (its CLI scans files in a
  multiprocessing pool, one process per core);
- ``prodready-secrets FILES`` (one process).

``--plugin-cost`` measures instead, in-process and in CPU time, what ``secrets-in-python``
adds to the flake8 plugin on the census modules (next to the parse flake8 does anyway).

Both are timed end to end (process start, imports, scan, output), median of --runs. The
script also checks the two agree (same (file, line, type) set, modulo our documented
same-line dedup), and measures ``python -X importtime -c "import flake8_prodready.plugin"``
(cumulative microseconds, and whether detect_secrets was imported), and, with
``--flake8``, flake8 on the census sources with ``secrets-in-python`` off and on.

    .venv/bin/python bench/secrets_bench.py [--runs 3] [--generated 600] [--flake8]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CENSUS = HERE / ".cache" / "census-venv"
SKIP_PACKAGES = {"pip", "setuptools", "_distutils_hack", "pkg_resources"}
GENERIC = {"Secret Keyword": 1, "Base64 High Entropy String": 2, "Hex High Entropy String": 2}


def census_sources() -> tuple[str, list[Path], Path]:
    candidates = sorted(CENSUS.glob("lib/python3*/site-packages"))
    if candidates:
        site = candidates[0]
        files = [path for package in sorted(site.iterdir())
                 if package.is_dir() and package.name not in SKIP_PACKAGES
                 and not package.name.endswith((".dist-info", "__pycache__"))
                 for path in sorted(package.rglob("*.py"))]
        return "census packages (" + ", ".join(sorted({p.relative_to(site).parts[0]
                                                      for p in files})) + ")", files, site
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = [p for p in sorted(stdlib.rglob("*.py")) if "site-packages" not in p.parts]
    return "the standard library", files, stdlib


def generated_files(count: int, rng: random.Random) -> dict[str, str]:
    """YAML, JSON and TS files of realistic shape; one in twenty holds a secret."""
    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))

    def token() -> str:
        return "ghp_" + "".join(rng.choice(string.ascii_letters + string.digits)
                                for _ in range(36))

    files = {}
    for index in range(count):
        kind = index % 3
        leak = index % 20 == 0
        if kind == 0:
            lines = ["services:"]
            for s in range(rng.randint(3, 8)):
                lines += [f"  {word()}{s}:", f"    image: registry.example.com/{word()}:1.{s}",
                          "    environment:", "      LOG_LEVEL: info",
                          f"      {word().upper()}_URL: http://{word()}:80{s}0",
                          "    ports:", f"      - \"80{s}0:80{s}0\""]
            if leak:
                lines.append(f"    github_token: {token()}")
            files[f"generated/deploy_{index}.yaml"] = "\n".join(lines) + "\n"
        elif kind == 1:
            data = {word(): {word(): rng.randint(0, 10**6), "name": word(),
                             "tags": [word() for _ in range(4)]} for _ in range(30)}
            if leak:
                data["auth"] = {"token": token()}
            files[f"generated/data_{index}.json"] = json.dumps(data, indent=2) + "\n"
        else:
            lines = [f"import {{ {word()} }} from \"./{word()}\";", ""]
            for f in range(rng.randint(5, 15)):
                lines += [f"export function {word()}{f}(value: number): string {{",
                          f"  const label = \"{word()} {word()}\";",
                          f"  return `${{label}}: ${{value * {f}}}`;", "}", ""]
            if leak:
                lines.append(f"const apiToken = \"{token()}\";")
            files[f"generated/module_{index}.ts"] = "\n".join(lines) + "\n"
    return files


def build_tree(root: Path, generated: int) -> tuple[str, list[str], int]:
    label, sources, base = census_sources()
    names = []
    for path in sources:
        relative = Path("src") / path.relative_to(base)
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        names.append(relative.as_posix())
    for name, text in generated_files(generated, random.Random(7)).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        names.append(name)
    (root / "pyproject.toml").write_text("[tool.prodready]\n", encoding="utf-8")
    lines = 0
    for name in names:
        with open(root / name, "rb") as handle:
            lines += handle.read().count(b"\n")
    return label, names, lines


def timed(command: list[str], cwd: Path, runs: int) -> tuple[float, subprocess.CompletedProcess]:
    times = []
    proc = None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), proc


def compare(ds_output: str, ours_output: str) -> tuple[int, int, int]:
    from flake8_prodready.registry.secrets import DETECTORS

    results = json.loads(ds_output)["results"]
    theirs = {(path, e["line_number"], e["type"]) for path, es in results.items() for e in es}
    best: dict = {}
    for path, line, kind in theirs:
        best[(path, line)] = min(GENERIC.get(kind, 0), best.get((path, line), 9))
    expected = {t for t in theirs if GENERIC.get(t[2], 0) == best[(t[0], t[1])]}
    type_of = {d.code: d.secret_type for d in DETECTORS}
    ours = set()
    pattern = re.compile(r"^(.+?):(\d+):\d+: (PRD5\d\d) ")
    for line in ours_output.splitlines():
        match = pattern.match(line)
        if match and match.group(3) in type_of:
            ours.add((match.group(1), int(match.group(2)), type_of[match.group(3)]))
    return len(expected), len(ours), len(expected ^ ours)


def import_time() -> tuple[int, bool]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c",
                           "import flake8_prodready.plugin"], capture_output=True, text=True)
    cumulative = 0
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "flake8_prodready.plugin":
            cumulative = int(parts[1])
    return cumulative, "detect_secrets" in proc.stderr


def flake8_cost(root: Path, runs: int) -> None:
    sources = [name for name in (root / "src").iterdir()]
    base = [str(BIN / "flake8"), "--select", "PRD", "--exit-zero", *[str(s) for s in sources]]
    off, _ = timed(base, root, runs)
    on, proc = timed(base + ["--prodready-secrets-in-python=true"], root, runs)
    plain, _ = timed([str(BIN / "flake8"), "--exit-zero", *[str(s) for s in sources]], root,
                     runs)
    prd5 = sum(1 for line in proc.stdout.splitlines() if " PRD5" in line)
    print(f"flake8 --select PRD on the census sources (median of {runs}):")
    print(f"  secrets-in-python off: {off:6.2f} s")
    print(f"  secrets-in-python on:  {on:6.2f} s  (+{on - off:.2f} s, "
          f"+{100 * (on - off) / off:.0f}%; {prd5} PRD5 findings)")
    print(f"  (flake8 with its default checks and our plugin, scan off: {plain:.2f} s)")


def plugin_cost(root: Path) -> None:
    """CPU time, in this process, of what flake8 would run on each census module: the
    parse flake8 does anyway, our plugin with the scan off, and the secrets scan. CPU
    time (not wall time) so that other load on the machine does not skew the ratio."""
    import ast

    from flake8_prodready.config import load_settings
    from flake8_prodready.plugin import ProdReadyChecker
    from flake8_prodready.secrets.pyfiles import python_secret_results, scanner_for

    os.chdir(root)
    modules = []
    for path in sorted((root / "src").rglob("*.py")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
        modules.append((str(path.relative_to(root)), lines))
    settings = load_settings(root)
    clock = time.process_time
    start = clock()
    trees = [ast.parse("".join(lines)) for _, lines in modules]
    parse = clock() - start
    ProdReadyChecker.settings = settings.with_overrides({"secrets-in-python": False}, "bench")
    ProdReadyChecker.enabled = ProdReadyChecker.settings.enabled_codes
    start = clock()
    for (name, lines), tree in zip(modules, trees):
        list(ProdReadyChecker(tree, name, lines).run())
    walk = clock() - start
    start = clock()
    scanner_for(settings)  # the one-time setup: import and plugin initialisation
    setup = clock() - start
    from flake8_prodready.context import classifier_for, file_context
    classifier = classifier_for(settings)
    start = clock()
    found = 0
    for name, lines in modules:
        ctx = file_context(name, settings, "python", classifier)
        found += len(python_secret_results(name, lines, ctx, settings, set()))
    scan = clock() - start
    total_lines = sum(len(lines) for _, lines in modules)
    print(f"in-process CPU time on {len(modules)} census modules ({total_lines} lines):")
    print(f"  ast.parse (flake8 pays it anyway): {parse:6.2f} s")
    print(f"  our plugin, scan off:              {walk:6.2f} s")
    print(f"  secrets scan (secrets-in-python):  {scan:6.2f} s  ({found} findings; "
          f"one-time setup {setup * 1000:.0f} ms)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--generated", type=int, default=600)
    parser.add_argument("--flake8", action="store_true", help="also time flake8 off/on")
    parser.add_argument("--keep", help="build the tree here and keep it")
    parser.add_argument("--plugin-cost", action="store_true",
                        help="only the in-process CPU cost of the scan inside flake8")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="secrets-bench-"))
    try:
        label, names, lines = build_tree(root, args.generated)
        if args.plugin_cost:
            plugin_cost(root)
            return 0
        print(f"files: {len(names)} ({label} + {args.generated} generated YAML/JSON/TS), "
              f"{lines} lines; {os.cpu_count()} CPUs")
        ds_time, ds = timed([str(BIN / "detect-secrets"), "scan", "--all-files",
                             "--no-verify", *names], root, args.runs)
        ours_time, ours = timed([str(BIN / "prodready-secrets"), "--secrets-baseline", "none",
                                 *names], root, args.runs)
        assert ds.returncode == 0, ds.stderr[-2000:]
        assert ours.returncode in (0, 1), ours.stderr[-2000:]
        print(f"detect-secrets scan: {ds_time:6.2f} s  {lines / ds_time:9.0f} lines/s")
        print(f"prodready-secrets:   {ours_time:6.2f} s  {lines / ours_time:9.0f} lines/s  "
              f"({ds_time / ours_time:.1f}x)")
        expected, found, differ = compare(ds.stdout, ours.stdout)
        print(f"agreement: detect-secrets {expected} findings after our same-line dedup, ours "
              f"{found}, symmetric difference {differ}")
        micros, imported = import_time()
        print(f"import flake8_prodready.plugin: {micros / 1000:.1f} ms cumulative "
              f"(-X importtime); detect_secrets imported: {imported}")
        if args.flake8:
            flake8_cost(root, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
