"""``github``: GitHub Actions workflow commands, which become annotations on the diff.

``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE name::message``. The
runner splits commands on ``::``, ``,`` and newlines, so every value is escaped the way the
Actions toolkit escapes it, or a message with a colon or a newline would be cut short.
"""

from __future__ import annotations

import re
from typing import List, Sequence, TextIO, Tuple

from ..diagnostics import Diagnostic
from .base import EmitContext, end_of, name_of, severity_of, start_of
from .display import visible
from .uris import relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def properties(d: Diagnostic, context: EmitContext) -> List[Tuple[str, str]]:
    """file, line, col, endLine, endColumn, title; columns only for one-line spans,
    since GitHub places column ranges only within a single line."""
    start, end = start_of(d), end_of(d)
    props = [("file", visible(relative_path(d.filename))), ("line", str(start.row))]
    if end.row == start.row:
        props.append(("col", str(start.column)))
    props.append(("endLine", str(max(end.row, start.row))))
    if end.row == start.row:
        props.append(("endColumn", str(max(end.column, start.column))))
    name = name_of(d, context)
    props.append(("title", f"{d.code} {name}" if name else d.code))
    return props


def message(d: Diagnostic) -> str:
    """The annotation text: the message and JSON pointer (the line alone cannot say which
    tool or property of a one-line JSON file is meant), then the API's words and the help
    on lines of their own (annotations show several lines)."""
    lines = [d.message + (f" (at {d.pointer_text})" if d.pointer else "")]
    if d.api_message:
        lines.append(f"api: {d.api_message}")
    help_text = d.fix.message if d.fix is not None and d.fix.message else d.hint
    if help_text:
        lines.append(f"help: {help_text}")
    # Tool files are untrusted: escape sequences and lone surrogates are shown, not written
    # (line breaks are kept: escape_data turns them into %0D and %0A).
    return "".join(part if part in ("\r", "\n") else visible(part)
                   for part in re.split(r"([\r\n])", "\n".join(lines)))


def command(d: Diagnostic, context: EmitContext) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties(d, context))
    return f"::{COMMANDS[severity_of(d, context)]} {props}::{escape_data(message(d))}"


def render(diagnostics: Sequence[Diagnostic], context: EmitContext) -> str:
    return "".join([command(d, context) + "\n" for d in diagnostics])


def closing(_counted, _context: EmitContext) -> List[str]:
    return []  # (each annotation stands alone)


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    for d in diagnostics:
        stream.write(command(d, context) + "\n")
