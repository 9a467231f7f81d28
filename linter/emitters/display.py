"""Terminal-safe text: control characters made visible, tabs expanded, widths measured.

Tool files are untrusted input. A source line or tool name holding an escape sequence must
not drive the reader's terminal, and a tab or a wide character must not push the ``^^^``
marker away from the text it points at. So the human formats print source text only
through :func:`visible` and measure it with :func:`width`.
"""

from __future__ import annotations

import unicodedata

TAB = "    "
ELLIPSIS = "\u2026"
_HIDDEN = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible_char(ch: str) -> str:
    code = ord(ch)
    if ch == "\t":
        return TAB
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": U+241B for ESC, U+240A for LF
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000 or ch in _HIDDEN:
        # C1 controls, lone surrogates (undecodable bytes), line/paragraph separators and
        # bidirectional overrides, which could make the shown line differ from the file.
        return "\ufffd"
    return ch


def visible(text: str) -> str:
    """``text`` with tabs expanded and control characters replaced by visible symbols."""
    if text.isprintable():
        return text
    return "".join(_visible_char(ch) for ch in text)


def width(text: str) -> int:
    """Terminal cells taken by already-visible text (wide CJK = 2, combining marks = 0)."""
    if text.isascii():
        return len(text)
    cells = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        cells += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return cells

