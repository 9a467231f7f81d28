"""``grouped``: diagnostics under one header per file, ``row:col CODE message`` indented.

Reads best when many findings share a few files; positions are padded so codes line up.
"""

from __future__ import annotations

from itertools import groupby
from typing import Sequence, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext, severity_of, start_of
from .display import visible
from .style import BOLD, paint, severity_color
from .summary import summary_lines


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    color = context.color
    for filename, group in groupby(diagnostics, key=lambda d: d.filename):
        items = list(group)
        stream.write(paint(visible(filename), color, BOLD) + ":\n")
        places = [f"{start_of(d).row}:{start_of(d).column}" for d in items]
        pad = max(len(p) for p in places)
        for place, d in zip(places, items):
            code = paint(d.code, color, BOLD, severity_color(severity_of(d, context)))
            stream.write(f"  {place.ljust(pad)} {code} {visible(d.message)}\n")
        stream.write("\n")
    for line in summary_lines(diagnostics, context):
        stream.write(line + "\n")
