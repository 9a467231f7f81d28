"""``concise``: one ``path:row:col: CODE [severity] message`` line per diagnostic.

The shape editors and ``grep`` understand (file:line:col first), followed by the summary.
"""

from __future__ import annotations

from typing import Sequence, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext, severity_of, start_of
from .display import visible
from .style import BOLD, CYAN, paint, severity_color
from .summary import summary_lines


def header(d: Diagnostic, context: EmitContext) -> str:
    """``path:row:col: CODE [severity] message``; shared with ``full``."""
    color = context.color
    pos = start_of(d)
    level = severity_of(d, context)
    sep = paint(":", color, CYAN)
    where = f"{paint(visible(d.filename), color, BOLD)}{sep}{pos.row}{sep}{pos.column}{sep}"
    sev_color = severity_color(level)
    code = paint(d.code, color, BOLD, sev_color)
    severity = paint(f"[{level}]", color, sev_color)
    return f"{where} {code} {severity} {visible(d.message)}"


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    for d in diagnostics:
        stream.write(header(d, context) + "\n")
    for line in summary_lines(diagnostics, context):
        stream.write(line + "\n")
