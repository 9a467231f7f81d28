"""What a regular expression uses that the API's engines do not support.

Two questions, answered without running the pattern:

* does it compile? The API compiles `pattern`; Python's `re` is the approximation
  (it rejects JavaScript-only syntax such as ``\\p{L}``, as the API does);
* which constructs does it use that strict mode's constrained decoder (Rust `regex`
  syntax) lacks: lookaround, backreferences, lazy and possessive quantifiers, atomic
  groups and conditionals. A small scanner finds them, so it also works on patterns
  Python cannot compile (custom tool grammars are Rust syntax, not Python).
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import List, NamedTuple, Optional, Tuple

LOOKAHEAD = "lookahead"
LOOKBEHIND = "lookbehind"
BACKREFERENCE = "backreference"
LAZY = "lazy quantifier"
POSSESSIVE = "possessive quantifier"
ATOMIC = "atomic group"
CONDITIONAL = "conditional group"
LOOKAROUND = (LOOKAHEAD, LOOKBEHIND)

_BOUNDED = re.compile(r"\{\d+(,\d*)?\}|\{,\d+\}")


class Feature(NamedTuple):
    kind: str
    offset: int      # where it starts in the pattern
    text: str        # the construct as written, e.g. "(?=" or "*?"


@lru_cache(maxsize=4096)
def compile_error(pattern: str) -> Optional[str]:
    """Why ``pattern`` does not compile (None when it does)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            re.compile(pattern)
        except re.error as error:
            return str(error)
        except (RecursionError, OverflowError, ValueError) as error:  # pathological nesting
            return str(error) or type(error).__name__
    return None


@lru_cache(maxsize=4096)
def features(pattern: str) -> Tuple[Feature, ...]:
    """Unsupported constructs in ``pattern``, in order of appearance."""
    found: List[Feature] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            following = pattern[i + 1: i + 2]
            if following in "123456789" and following:
                found.append(Feature(BACKREFERENCE, i, pattern[i:i + 2]))
            elif following == "k" and pattern[i + 2: i + 3] in ("<", "{", "'") and pattern[i + 2: i + 3]:
                found.append(Feature(BACKREFERENCE, i, "\\k"))
            i += 2
            continue
        if char == "[":
            i = _skip_class(pattern, i)
            continue
        if char == "(":
            head = pattern[i:i + 4]
            if head.startswith(("(?=", "(?!")):
                found.append(Feature(LOOKAHEAD, i, head[:3]))
            elif head in ("(?<=", "(?<!"):
                found.append(Feature(LOOKBEHIND, i, head))
            elif head.startswith("(?P="):
                found.append(Feature(BACKREFERENCE, i, "(?P="))
            elif head.startswith("(?>"):
                found.append(Feature(ATOMIC, i, "(?>"))
            elif head.startswith("(?("):
                found.append(Feature(CONDITIONAL, i, "(?("))
            i += 2 if pattern[i + 1: i + 2] == "?" else 1
            continue
        end = _quantifier_end(pattern, i)
        if end:
            modifier = pattern[end: end + 1]
            if modifier == "?":
                found.append(Feature(LAZY, i, pattern[i:end + 1]))
                end += 1
            elif modifier == "+":
                found.append(Feature(POSSESSIVE, i, pattern[i:end + 1]))
                end += 1
            i = end
            continue
        i += 1
    return tuple(found)


def _quantifier_end(pattern: str, i: int) -> int:
    """End offset of the quantifier starting at ``i`` (0 when there is none)."""
    char = pattern[i]
    if char in "*+?":
        return i + 1
    if char == "{":
        match = _BOUNDED.match(pattern, i)
        if match:
            return match.end()
    return 0


def _skip_class(pattern: str, i: int) -> int:
    """Offset just after the character class starting at ``i``."""
    n = len(pattern)
    j = i + 1
    if j < n and pattern[j] == "^":
        j += 1
    if j < n and pattern[j] == "]":  # a leading ] is a literal
        j += 1
    while j < n:
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "[" and pattern[j + 1: j + 2] == ":":  # POSIX class [:alpha:]
            close = pattern.find(":]", j + 2)
            if close != -1:
                j = close + 2
                continue
        if pattern[j] == "]":
            return j + 1
        j += 1
    return n
