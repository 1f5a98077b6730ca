"""Python rule families. Each module holds one family's checks as a :class:`Checks`
subclass; the plugin makes one instance per file and dispatches AST nodes to it during
its single walk of the tree.
"""

from __future__ import annotations

import ast
from typing import Callable, ClassVar, Sequence

from ..context import FileContext

#: report(code, line, col0, **message_arguments); col0 is the AST's 0-based offset.
Reporter = Callable[..., None]


class Checks:
    """One rule family's checks on one file.

    ``handlers`` maps an AST node class to the name of the method that receives such
    nodes. The plugin walks the tree once, in breadth-first order, so a handler sees a
    node before any of its descendants (a function before its docstring, a ``Try``
    before its handlers), which lets it mark children to skip or treat specially.
    ``finish`` runs after the walk, for checks that read comments or need the whole file.
    """

    codes: ClassVar[frozenset] = frozenset()
    handlers: ClassVar[dict] = {}

    def __init__(self, ctx: FileContext, lines: Sequence[str], report: Reporter) -> None:
        self.ctx = ctx
        self.lines = lines
        self.report = report
        self.enabled = ctx.enabled

    def finish(self) -> None:
        """Called once after the walk."""


def dotted_name(node: ast.AST) -> str:
    """``a.b.c`` for Name/Attribute chains, ``""`` for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""
