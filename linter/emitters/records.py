"""A diagnostic as the plain dict of the JSON output contract (DESIGN.md section 4).

``json`` and ``json-lines`` both print these records, so the two can never drift apart.
Keys are built in the contract's order; that order is part of the output.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Mapping, Optional, Sequence

from ..diagnostics import Diagnostic, Edit, Fix, Position
from .base import EmitContext, edit_places, end_of, name_of, severity_of, start_of, url_of


def position(pos: Position) -> Dict[str, int]:
    return {"row": pos.row, "column": pos.column}


def edit_record(edit: Edit, placed: Optional[Mapping[int, Position]]) -> Dict[str, Any]:
    """An edit with its character offsets turned into 1-based row/column (end exclusive),
    looked up in ``placed``, its file's base.edit_places.

    ``placed`` is None when the file's source could not be read: the offsets cannot be
    placed, and the locations are null rather than guessed.
    """
    if placed is None:
        location = end_location = None
    else:
        location, end_location = position(placed[edit.start]), position(placed[edit.end])
    return {"location": location, "end_location": end_location, "content": edit.content}


def fix_record(fix: Optional[Fix], placed: Optional[Mapping[int, Position]]) -> Optional[Dict[str, Any]]:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [edit_record(edit, placed) for edit in fix.edits],
    }


def records(diagnostics: Sequence[Diagnostic], context: EmitContext) -> Iterator[Dict[str, Any]]:
    """The contract's objects for ``diagnostics``, in order, made as they are read."""
    places = edit_places(diagnostics, context)
    return (record(d, context, places.get(d.filename)) for d in diagnostics)


def record(d: Diagnostic, context: EmitContext, placed: Optional[Mapping[int, Position]]) -> Dict[str, Any]:
    """The contract's object for one diagnostic (``placed``: its file's edit_places)."""
    return {
        "code": d.code,
        "name": name_of(d, context),
        "severity": severity_of(d, context),
        "filename": d.filename,
        "location": position(start_of(d)),
        "end_location": position(end_of(d)),
        "pointer": d.pointer_text,
        "tool": d.tool,
        "message": d.message,
        "api_message": d.api_message,
        "fix": fix_record(d.fix, placed),
        "url": url_of(d, context),
    }
