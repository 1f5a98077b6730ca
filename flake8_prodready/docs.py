"""Generate the rule docs from the registry: ``python -m flake8_prodready.docs``.

Each ``docs/rules/PRDnnn.md`` has a generated header block (code, name, family, default,
test-code policy, message; between the BEGIN/END markers) and hand-written sections below
it. The generator rewrites only the header block and the index, and creates a missing
page from the registry's summary and rationale. ``--check`` reports stale or missing
pages without writing (the test suite runs it).
"""

from __future__ import annotations

import argparse
import re
import string
from pathlib import Path
from typing import Sequence

from . import registry
from .config import OPTIONS

BEGIN = "<!-- BEGIN GENERATED: do not edit, run `python -m flake8_prodready.docs` -->"
END = "<!-- END GENERATED -->"
REQUIRED_SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
EXAMPLE_PLACEHOLDER = "See the message above."
FIX_PLACEHOLDER = "Remove the finding's cause; see *Why is this bad?*."
PLACEHOLDERS = (EXAMPLE_PLACEHOLDER, FIX_PLACEHOLDER)
FACE_NAMES = {"python": "Python files (flake8 plugin)", "compose": "compose files",
              "env": "env files", "secrets": "any text file (secrets hook)",
              "tool": "all faces"}


def header(rule: registry.Rule) -> str:
    faces = ", ".join(FACE_NAMES[face] for face in sorted(rule.faces))
    default = "yes" if rule.default_enabled else "no (strict rule: select it by its full code)"
    tests = ("checked too" if rule.applies_to_tests
             else "exempt (test and dev paths are not checked)")
    rows = [
        f"# {rule.code} `{rule.name}`",
        "",
        f"{rule.summary}",
        "",
        "| | |",
        "|---|---|",
        f"| Family | {rule.family.prefix}xx: {rule.family.title} |",
        f"| Checked in | {faces} |",
        f"| On by default | {default} |",
        f"| Test code | {tests} |",
        f"| Autofix | {'yes' if rule.fixable else 'no'} |",
        f"| Message | `{rule.code} {_escape(message_template(rule))}` |",
    ]
    if rule.options:
        rows.append(f"| Options | {', '.join(f'`{name}`' for name in rule.options)} |")
    return "\n".join([BEGIN, *rows, END])


def message_template(rule: registry.Rule) -> str:
    """The message with each argument shown as ``<name>`` (and ``{{``/``}}`` unescaped)."""
    fields = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
    return rule.message.format(**{name: f"<{name}>" for name in fields})


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


def skeleton(rule: registry.Rule) -> str:
    example = rule.extra.get("example", "")
    fix = rule.extra.get("fix", "")
    return "\n".join([
        header(rule), "",
        "## What it does", "", rule.summary, "",
        "## Why is this bad?", "", rule.rationale, "",
        "## Example", "", example or EXAMPLE_PLACEHOLDER, "",
        "## Use instead", "", fix or FIX_PLACEHOLDER,
        "",
    ])


def render_page(rule: registry.Rule, current: str | None) -> str:
    if current is None or BEGIN not in current or END not in current:
        return skeleton(rule)
    before, _, rest = current.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + header(rule) + after


def render_index() -> str:
    out = ["# Rules", "", "Generated from the rule registry "
           "(`flake8_prodready/registry/`); do not edit by hand.", ""]
    for family in registry.FAMILIES:
        rules = [r for r in registry.RULES.values() if r.code.startswith(family.prefix)]
        if not rules:
            continue
        out += [f"## {family.prefix}xx: {family.title}", "",
                "| Code | Name | Summary | Default | Test code |", "|---|---|---|---|---|"]
        for rule in rules:
            out.append(f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | "
                       f"{_escape(rule.summary)} | {'on' if rule.default_enabled else 'off'} | "
                       f"{'checked' if rule.applies_to_tests else 'exempt'} |")
        out.append("")
    return "\n".join(out)


def render_configuration() -> str:
    out = ["# Configuration reference", "",
           "Generated from `flake8_prodready/config.py`; do not edit by hand.", "",
           "Every option can be set in `[tool.prodready]` of `pyproject.toml`. The flake8 "
           "plugin also accepts `--prodready-NAME` (command line or `.flake8`/`setup.cfg`/"
           "`tox.ini`), which wins over `pyproject.toml`; the hooks and `prodready` accept "
           "`--NAME`, which wins over both.", "",
           "| Key | Type | Default | flake8 option | Description |", "|---|---|---|---|---|"]
    for option in OPTIONS:
        in_flake8 = option.in_flake8 and "python" in option.faces
        flake8 = f"`--prodready-{option.name}`" if in_flake8 else "-"
        default = option.default
        if isinstance(default, (tuple, list)):
            default = "[" + ", ".join(f'"{x}"' for x in default) + "]"
        elif isinstance(default, dict):
            default = "{}"
        elif isinstance(default, bool):
            default = str(default).lower()
        elif isinstance(default, str):
            default = f'"{default}"'
        out.append(f"| `{option.name}` | {option.kind} | `{default}` | {flake8} | "
                   f"{_escape(option.help)} |")
    out.append("")
    return "\n".join(out)


def expected_files(docs_dir: Path) -> dict[Path, str]:
    files: dict[Path, str] = {}
    rules_dir = docs_dir / "rules"
    for rule in registry.RULES.values():
        path = rules_dir / f"{rule.code}.md"
        current = path.read_text(encoding="utf-8") if path.exists() else None
        files[path] = render_page(rule, current)
    files[rules_dir / "index.md"] = render_index()
    files[docs_dir / "configuration.md"] = render_configuration()
    return files


def problems(docs_dir: Path) -> list[str]:
    """Every way the docs disagree with the registry; empty when they are current."""
    found = []
    for path, text in expected_files(docs_dir).items():
        if not path.exists():
            found.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            found.append(f"{path}: out of date")
    for rule in registry.RULES.values():
        path = docs_dir / "rules" / f"{rule.code}.md"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            for section in REQUIRED_SECTIONS:
                if not re.search(rf"^{re.escape(section)}\s*\n\s*\S", text, re.MULTILINE):
                    found.append(f"{path}: section {section!r} missing or empty")
            for placeholder in PLACEHOLDERS:
                if placeholder in text:
                    found.append(f"{path}: still has the skeleton text {placeholder!r}")
    known = {f"{code}.md" for code in registry.RULES} | {"index.md"}
    rules_dir = docs_dir / "rules"
    if rules_dir.is_dir():
        for page in rules_dir.glob("*.md"):
            if page.name not in known:
                found.append(f"{page}: no such code in the registry")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flake8_prodready.docs")
    parser.add_argument("--docs", default="docs", help="docs directory (default: docs)")
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    docs_dir = Path(args.docs)
    if args.check:
        found = problems(docs_dir)
        for line in found:
            print(line)
        return 1 if found else 0
    for path, text in expected_files(docs_dir).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
