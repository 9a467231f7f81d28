"""ANSI styling for the human formats, applied only when the context asks for colour.

Kept in one place so that ``--no-color`` (or a pipe) is guaranteed to produce no escape
sequence at all: every styled string goes through :func:`paint`.
"""

from __future__ import annotations

BOLD = "1"
DIM = "2"
RED = "31"
YELLOW = "33"
BLUE = "34"
CYAN = "36"

SEVERITY_COLORS = {"error": RED, "warning": YELLOW, "info": BLUE}


def paint(text: str, enabled: bool, *codes: str) -> str:
    """``text`` wrapped in the given SGR codes, or unchanged when colour is off."""
    if not enabled or not codes or not text:
        return text
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def severity_color(severity: str) -> str:
    return SEVERITY_COLORS.get(severity, BOLD)
