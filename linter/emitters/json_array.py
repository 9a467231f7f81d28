"""``json``: every diagnostic as one JSON array (DESIGN.md section 4), indent 2.

For scripts and editors; an empty run prints ``[]`` so the output always parses.

Output is pure ASCII (non-ASCII text as \\u escapes): it can never fail on a
console whose encoding is not UTF-8, and every JSON parser reads it the same.
"""

from __future__ import annotations

from typing import Sequence, TextIO

from ..diagnostics import Diagnostic
from ..json_encoding import indented_encoder
from .base import EmitContext
from .records import records


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    stream.write(indented_encoder(2, ensure_ascii=True)(list(records(diagnostics, context))) + "\n")
