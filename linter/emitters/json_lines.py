"""``json-lines``: the ``json`` records one per line, for streaming and ``jq -c`` pipelines.

No run-level wrapper: an empty run prints nothing, and every line parses on its own.

Output is pure ASCII (non-ASCII text as \\u escapes): it can never fail on a
console whose encoding is not UTF-8, and every JSON parser reads it the same.
"""

from __future__ import annotations

from typing import Sequence, TextIO

from ..diagnostics import Diagnostic
from ..json_encoding import compact_encoder
from .base import EmitContext
from .records import records


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    encode = compact_encoder(ensure_ascii=True, separators=(",", ":"))
    for one in records(diagnostics, context):
        stream.write(encode(one) + "\n")
