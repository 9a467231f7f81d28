"""``grouped``: diagnostics under one header per file, ``row:col CODE message`` indented.

Reads best when many findings share a few files; positions are padded so codes line up.
"""

from __future__ import annotations

from itertools import groupby
from typing import List, Sequence, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext, severity_of, start_of
from .display import visible
from .style import BOLD, paint, severity_color
from .summary import Counted, count, summary_lines


def render(diagnostics: Sequence[Diagnostic], context: EmitContext) -> str:
    """A header and the findings under it for each file of ``diagnostics`` (sorted),
    without the summary."""
    color = context.color
    lines = []
    for filename, group in groupby(diagnostics, key=lambda d: d.filename):
        items = list(group)
        lines.append(paint(visible(filename), color, BOLD) + ":")
        places = [f"{start_of(d).row}:{start_of(d).column}" for d in items]
        pad = max(len(p) for p in places)
        for place, d in zip(places, items):
            code = paint(d.code, color, BOLD, severity_color(severity_of(d, context)))
            lines.append(f"  {place.ljust(pad)} {code} {visible(d.message)}")
        lines.append("")
    return "".join(line + "\n" for line in lines)


def closing(counted: Counted, context: EmitContext) -> List[str]:
    return summary_lines(counted, context)


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    for _filename, group in groupby(diagnostics, key=lambda d: d.filename):
        stream.write(render(list(group), context))
    for line in closing(count(diagnostics, context), context):
        stream.write(line + "\n")
