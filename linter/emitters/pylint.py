"""``pylint``: pylint's parseable format, ``path:row: [CODE(name), tool] message``.

For CI plugins and editors that already read pylint output (Jenkins warnings-ng,
SonarQube, Emacs compile mode). The object slot holds the tool's name, empty when the
finding is not inside one tool, as pylint leaves it empty at module level.
"""

from __future__ import annotations

from typing import List, Sequence, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext, name_of, start_of
from .display import visible


def line(d: Diagnostic, context: EmitContext) -> str:
    # Tool files are untrusted: escape sequences and lone surrogates are shown, not written.
    text = visible(d.message.replace("\r", " ").replace("\n", " "))
    tool = visible((d.tool or "").replace("\r", " ").replace("\n", " "))
    return f"{visible(d.filename)}:{start_of(d).row}: [{d.code}({name_of(d, context)}), {tool}] {text}"


def render(diagnostics: Sequence[Diagnostic], context: EmitContext) -> str:
    return "".join([line(d, context) + "\n" for d in diagnostics])


def closing(_counted, _context: EmitContext) -> List[str]:
    return []  # (pylint's parseable format has no summary)


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    for d in diagnostics:
        stream.write(line(d, context) + "\n")
