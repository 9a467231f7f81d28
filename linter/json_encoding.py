"""Compact JSON text of one value, many times over, at the cost of the C encoder alone.

``json.JSONEncoder.encode`` builds a new C encoder for every value that is not a
string: for the short values --fix writes (``true``, ``["integer", "null"]``) that is
most of the cost. Here the encoder is built once and called directly.
"""

from __future__ import annotations

import json
import json.encoder
from typing import Any, Callable


def _refuse(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def compact_encoder(ensure_ascii: bool = True, allow_nan: bool = True, sort_keys: bool = False,
                    default: Callable[[Any], Any] = _refuse) -> Callable[[Any], str]:
    """What ``json.JSONEncoder(...).encode`` returns for these options (separators
    ``", "`` and ``": "``). Values must not contain themselves: there is no check for
    cycles (a cycle raises RecursionError), as the values are parsed JSON or built by rules."""
    quote = json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    try:
        encoder = json.encoder.c_make_encoder(None, default, quote, None, ": ", ", ", sort_keys, False, allow_nan)
    except (AttributeError, TypeError):  # no C accelerator, or one made differently: the slow way
        return json.JSONEncoder(ensure_ascii=ensure_ascii, allow_nan=allow_nan, sort_keys=sort_keys,
                                default=default).encode
    join = "".join

    def encode(value: Any) -> str:
        if type(value) is str:
            return quote(value)
        return join(encoder(value, 0))

    return encode
