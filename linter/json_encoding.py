"""JSON text where the json module is slow, the same text at a fraction of the cost.

* ``compact_encoder``: ``json.JSONEncoder.encode`` builds a new C encoder for every
  value that is not a string: for the short values --fix writes (``true``,
  ``["integer", "null"]``) that is most of the cost. Here the encoder is built once and
  called directly.
* ``indented_encoder``: with ``indent`` the json module leaves its C encoder for
  generator code in Python (before Python 3.14); the ``json``, ``sarif`` and ``gitlab``
  outputs of thousands of diagnostics spent more time there than in checking.
"""

from __future__ import annotations

import json
import json.encoder
from typing import Any, Callable, Tuple


def _refuse(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def compact_encoder(ensure_ascii: bool = True, allow_nan: bool = True, sort_keys: bool = False,
                    default: Callable[[Any], Any] = _refuse,
                    separators: Tuple[str, str] = (", ", ": ")) -> Callable[[Any], str]:
    """What ``json.JSONEncoder(...).encode`` returns for these options. Values must not
    contain themselves: there is no check for cycles (a cycle raises RecursionError), as
    the values are parsed JSON or built by rules."""
    quote = json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    item_separator, key_separator = separators
    try:
        encoder = json.encoder.c_make_encoder(None, default, quote, None, key_separator, item_separator, sort_keys,
                                              False, allow_nan)
    except (AttributeError, TypeError):  # no C accelerator, or one made differently: the slow way
        return json.JSONEncoder(ensure_ascii=ensure_ascii, allow_nan=allow_nan, sort_keys=sort_keys,
                                default=default, separators=separators).encode
    join = "".join

    def encode(value: Any) -> str:
        if type(value) is str:
            return quote(value)
        return join(encoder(value, 0))

    return encode


class _Unusual(Exception):
    """A value indented_encoder leaves to the json module (a subclass of a JSON type, a
    key that is not a string, a value to hand to ``default``)."""


_INFINITY = float("inf")


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def indented_encoder(indent: int = 2, ensure_ascii: bool = True) -> Callable[[Any], str]:
    """What ``json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)`` returns, in
    about a third of the time: plain dicts (string keys), lists, tuples, strings, numbers,
    booleans and None are written here, one string per member; anything else (a subclass,
    another key type, a cycle, nesting deeper than Python recurses) is left to the json
    module for the whole value, which then writes it or raises as it always does."""
    quote = json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    step = " " * indent
    # The text before a container's members, by the line break and indentation it starts
    # at: "{" or "[" and the first member's line start, "," and the next one's, and that
    # line start itself. Keys, once quoted, with ": ".
    levels: dict = {}
    heads: dict = {}

    def level(pad: str) -> tuple:
        inner = pad + step
        found = levels[pad] = ("{" + inner, "[" + inner, "," + inner, inner)
        return found

    def write(value: Any, parts: list, pad: str) -> None:
        append = parts.append
        kind = type(value)
        if kind is dict:
            if not value:
                append("{}")
                return
            separator, _, comma, inner = levels.get(pad) or level(pad)
            for key, item in value.items():
                head = heads.get(key)
                if head is None:
                    if type(key) is not str:
                        raise _Unusual
                    head = heads[key] = quote(key) + ": "
                item_kind = type(item)
                if item_kind is str:  # (the commonest members, written without a call)
                    append(separator + head + quote(item))
                elif item is None:
                    append(separator + head + "null")
                elif item_kind is int:
                    append(separator + head + int.__repr__(item))
                else:
                    append(separator + head)
                    write(item, parts, inner)
                separator = comma
            append(pad + "}")
        elif kind is list or kind is tuple:
            if not value:
                append("[]")
                return
            _, separator, comma, inner = levels.get(pad) or level(pad)
            for item in value:
                if type(item) is str:
                    append(separator + quote(item))
                else:
                    append(separator)
                    write(item, parts, inner)
                separator = comma
            append(pad + "]")
        elif kind is str:
            append(quote(value))
        elif value is None:
            append("null")
        elif value is True:
            append("true")
        elif value is False:
            append("false")
        elif kind is int:
            append(int.__repr__(value))
        elif kind is float:
            append(_float_text(value))
        else:
            raise _Unusual

    def encode(value: Any) -> str:
        parts: list = []
        try:
            write(value, parts, "\n")
        except (_Unusual, RecursionError):
            return json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
        return "".join(parts)

    return encode
