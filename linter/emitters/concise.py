"""``concise``: one ``path:row:col: CODE [severity] message`` line per diagnostic.

The shape editors and ``grep`` understand (file:line:col first), followed by the summary.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, TextIO

from ..diagnostics import SEVERITIES, Diagnostic
from .base import EmitContext, severity_of, start_of
from .display import visible
from .style import BOLD, CYAN, paint, severity_color
from .summary import Counted, count, summary_lines

_BATCH = 4096  # lines written at once: few writes, and no text of a whole large output


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


def plain_header(d: Diagnostic, context: EmitContext, shown_names: dict) -> str:
    """``header`` without colour (what CI logs and pipes get), written at once: a large
    check prints thousands of these after every process is done. ``shown_names`` keeps
    each file's visible name."""
    shown = shown_names.get(d.filename)
    if shown is None:
        shown = shown_names[d.filename] = visible(d.filename)
    pos = d.location or start_of(d)
    level = d.severity if d.severity in SEVERITIES else severity_of(d, context)
    return f"{shown}:{pos[0]}:{pos[1]}: {d.code} [{level}] {visible(d.message)}\n"


def render(diagnostics: Sequence[Diagnostic], context: EmitContext, shown_names: Optional[dict] = None) -> str:
    """The lines of ``diagnostics`` (sorted), without the summary."""
    if context.color:
        return "".join([header(d, context) + "\n" for d in diagnostics])
    shown_names = {} if shown_names is None else shown_names
    return "".join([plain_header(d, context, shown_names) for d in diagnostics])


def closing(counted: Counted, context: EmitContext) -> List[str]:
    return summary_lines(counted, context)


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    shown_names: dict = {}
    for start in range(0, len(diagnostics), _BATCH):
        stream.write(render(diagnostics[start:start + _BATCH], context, shown_names))
    for line in closing(count(diagnostics, context), context):
        stream.write(line + "\n")
