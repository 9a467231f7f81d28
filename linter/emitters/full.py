"""``full`` (the default): the concise header, the offending source lines with a ``^^^``
marker under the span, then the JSON pointer, the API's own words and the way out.

Modelled on ruff's full output: the reader sees the text at fault without opening the
file, and every finding says where it is (line and JSON pointer) and what to do.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, TextIO, Tuple

from ..diagnostics import Diagnostic
from ..source import Source
from .base import EmitContext, applicable_fix, end_of, severity_of
from .concise import header
from .display import ELLIPSIS, visible, width
from .style import BLUE, BOLD, paint, severity_color
from .summary import Counted, count, summary_lines

MAX_LINES = 3  # source lines shown per diagnostic
LONG_LINE = 200  # lines longer than this (in characters) are cut around the column
WINDOW = 120  # characters kept of a cut line
LEAD = 40  # of which this many before the column

FIX_HOW = {"safe": "safe fix: --fix", "unsafe": "unsafe fix: --unsafe-fixes"}


def render(diagnostics: Sequence[Diagnostic], context: EmitContext) -> str:
    """Each diagnostic's block (``diagnostics`` sorted), without the summary."""
    lines = []
    for d in diagnostics:
        lines.append(header(d, context))
        source = context.sources.get(d.filename) if context.show_source else None
        if source is not None and d.location is not None:
            lines.extend(snippet(d, source, context))
        lines.extend(notes(d, context.color))
        lines.append("")
    return "".join(line + "\n" for line in lines)


def closing(counted: Counted, context: EmitContext) -> List[str]:
    return summary_lines(counted, context)


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    for d in diagnostics:
        stream.write(render((d,), context))
    for line in closing(count(diagnostics, context), context):
        stream.write(line + "\n")


def window(text: str, column: int) -> Tuple[int, int, str, str]:
    """The ``[lo, hi)`` slice of a line to show around 0-based ``column``, with the
    ellipses to put before and after it (empty when the line is short enough)."""
    if len(text) <= LONG_LINE:
        return 0, len(text), "", ""
    column = min(column, len(text))
    lo = max(0, column - LEAD)
    hi = min(len(text), lo + WINDOW)
    lo = max(0, hi - WINDOW)
    return lo, hi, ELLIPSIS if lo > 0 else "", ELLIPSIS if hi < len(text) else ""


def marked_line(text: str, column: int, end_column: Optional[int]) -> Tuple[str, str]:
    """The shown line and the ``^^^`` line under it.

    ``column`` and ``end_column`` are 1-based; ``end_column`` is exclusive, None when the
    span runs past this line (the marker then reaches the end of the line).
    """
    start = min(max(0, column - 1), len(text))
    stop = len(text) if end_column is None else min(max(start, end_column - 1), len(text))
    lo, hi, before, after = window(text, start)
    shown = before + visible(text[lo:hi]) + after
    pad = width(before) + width(visible(text[lo:start]))
    carets = max(1, width(visible(text[start:min(stop, hi)])))
    return shown, " " * pad + "^" * carets


def plain_line(text: str) -> str:
    """A context line: shown whole, or its first WINDOW characters when very long."""
    if len(text) <= LONG_LINE:
        return visible(text)
    return visible(text[:WINDOW]) + ELLIPSIS


def snippet(d: Diagnostic, source: Source, context: EmitContext) -> List[str]:
    """Gutter-numbered source lines of the span (at most MAX_LINES), marker under the first."""
    color = context.color
    start, end = d.location, end_of(d)
    last_line = len(source.line_starts)
    first = min(start.row, last_line)
    end_row, end_column = end.row, end.column
    if end_row > first and end_column == 1:  # span ends at a line break: stop on the line before
        end_row -= 1
        end_column = None
    if end_row > first:
        end_column = None
    end_row = min(max(end_row, first), last_line)
    last = min(end_row, first + MAX_LINES - 1)

    digits = len(str(last))
    blank = paint(" " * digits + " |", color, BLUE)
    marker_style = (BOLD, severity_color(severity_of(d, context)))
    lines = [blank]
    for row in range(first, last + 1):
        number = paint(str(row).rjust(digits) + " |", color, BLUE)
        text = source.line_text(row)
        if row == first:
            column = start.column if start.row == first else 1
            shown, marker = marked_line(text, column, end_column)
            lines.append(f"{number} {shown}".rstrip())
            lines.append(f"{blank} {paint(marker, color, *marker_style)}")
        else:
            lines.append(f"{number} {plain_line(text)}".rstrip())
    if end_row > last:
        lines.append(f"{blank} ...")
    lines.append(blank)
    return lines


def notes(d: Diagnostic, color: bool) -> List[str]:
    """The ``= at``, ``= api`` and ``= help`` lines under the snippet."""

    def note(label: str, text: str) -> str:
        return f"  {paint('=', color, BLUE)} {paint(label, color, BOLD)} {text}"

    pointer = d.pointer_text
    where = visible(pointer) if pointer else "the document root"
    if d.tool:
        where += f" (tool {visible(d.tool)})"
    lines = [note("at", where)]
    if d.api_message:
        lines.append(note("api:", visible(d.api_message)))
    helps = []
    if d.fix is not None and d.fix.message:
        how = FIX_HOW.get(applicable_fix(d) or "")
        helps.append(visible(d.fix.message) + (f" ({how})" if how else ""))
    if d.hint and d.fix is None:  # a fix says what to do already
        helps.append(visible(d.hint))
    lines.extend(note("help:", text) for text in helps)
    return lines
