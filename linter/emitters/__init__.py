"""fcschema.emitters: print diagnostics in one of the output formats.

Each format lives in its own module with an ``emit(diagnostics, stream, context)``
function, imported only when chosen: a run that prints ``concise`` output never loads
``json``, ``hashlib`` or an XML writer, which keeps start-up fast for pre-commit hooks.
"""

from __future__ import annotations

import importlib
from typing import Iterable, List, Optional, Sequence, TextIO

from ..diagnostics import Diagnostic
from ..record import Fixed, make_fixed
from .base import EmitContext
from .summary import Counted, added, count

__all__ = ["DEFAULT_FORMAT", "FORMATS", "PRINTED_PER_FILE", "EmitContext", "Printed", "emit", "emit_printed",
           "print_findings"]

# Format name -> module in this package.
_MODULES = {
    "full": "full",
    "concise": "concise",
    "grouped": "grouped",
    "json": "json_array",
    "json-lines": "json_lines",
    "github": "github",
    "gitlab": "gitlab",
    "sarif": "sarif",
    "junit": "junit",
    "pylint": "pylint",
}

FORMATS = tuple(_MODULES)
DEFAULT_FORMAT = "full"
# Formats that print each file's findings from that file alone (then a summary of counts):
# the processes of a --jobs check print the findings of the files they check
# (print_findings), so neither the findings nor the files' text travel between processes,
# and this one writes the texts in order (emit_printed).
PRINTED_PER_FILE = ("full", "concise", "grouped", "pylint", "github")


class Printed(Fixed):
    """One file's findings as the output prints them, and what the summary counts of them."""

    __slots__ = ()
    text: str
    counted: Counted


def _module(format_name: str):
    try:
        module_name = _MODULES[format_name]
    except KeyError:
        raise ValueError(
            f"unknown output format {format_name!r}; choose one of: {', '.join(FORMATS)}"
        ) from None
    return importlib.import_module(f"{__name__}.{module_name}")


def emit(
    format_name: str,
    diagnostics: Iterable[Diagnostic],
    stream: TextIO,
    context: EmitContext,
) -> None:
    """Write ``diagnostics`` to ``stream`` in ``format_name``.

    Diagnostics are sorted by file, position and code first, so every format is
    deterministic whatever order the engine found them in.
    """
    module = _module(format_name)
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    module.emit(ordered, stream, context)


def print_findings(format_name: str, diagnostics: Sequence[Diagnostic], context: EmitContext) -> Optional[Printed]:
    """The findings of one file (one of PRINTED_PER_FILE) as ``emit`` prints them, without
    the summary, and their counts; None for a file without findings."""
    if not diagnostics:
        return None
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    return make_fixed(Printed, (_module(format_name).render(ordered, context), count(ordered, context)))


def emit_printed(format_name: str, files: Sequence, stream: TextIO, context: EmitContext) -> None:
    """What ``emit`` writes for the findings of ``files`` (FileResults, each with its
    findings printed, ``printed``, or still to print, ``diagnostics``): the sorted findings
    are those of each file in turn, by file name, as each file has one name of its own."""
    module = _module(format_name)
    printed: List[tuple] = []
    for file_result in files:
        shown = file_result.printed
        if shown is None and file_result.diagnostics:
            shown = print_findings(format_name, file_result.diagnostics, context)
        if shown is not None:
            printed.append((file_result.filename, shown))
    printed.sort(key=lambda pair: pair[0])
    for _filename, shown in printed:
        stream.write(shown.text)
    for line in module.closing(added([shown.counted for _filename, shown in printed]), context):
        stream.write(line + "\n")
