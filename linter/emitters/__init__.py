"""fcschema.emitters: print diagnostics in one of the output formats.

Each format lives in its own module with an ``emit(diagnostics, stream, context)``
function, imported only when chosen: a run that prints ``concise`` output never loads
``json``, ``hashlib`` or an XML writer, which keeps start-up fast for pre-commit hooks.
"""

from __future__ import annotations

import importlib
from typing import Iterable, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext

__all__ = ["DEFAULT_FORMAT", "FORMATS", "EmitContext", "emit"]

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
    try:
        module_name = _MODULES[format_name]
    except KeyError:
        raise ValueError(
            f"unknown output format {format_name!r}; choose one of: {', '.join(FORMATS)}"
        ) from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    module.emit(ordered, stream, context)
