"""What every conversion step shares: notes anchored in the input, and shape counting.

Nothing may change silently, so each step records what it decided, changed or refused as a
``Note`` with a JSON pointer into the input. Each step also counts what it found in the
source API's shape and what was already in the target's; ``convert`` reads those counts to
tell which API the input was written for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

from .diagnostics import Pointer, format_pointer

CHAT = "chat"
RESPONSES = "responses"
API_NAMES = {CHAT: "Chat Completions", RESPONSES: "Responses"}

# An absent field, where None is a value the field can really have.
MISSING = object()

# A request handler converts one top-level field of a request body into ``out``.
RequestHandler = Callable[[Mapping, Any, Pointer, Dict[str, Any]], None]


@dataclass(frozen=True)
class Note:
    """One thing the converter wants the user to know, anchored in the input."""

    pointer: str  # RFC 6901 pointer into the input document ("" is the whole document)
    message: str


def describe_type(value: Any) -> str:
    """The JSON type of ``value`` as it reads in a message: "an object", "null", ..."""
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, (int, float)) else type(value).__name__


def pick(obj: Mapping, keys: Sequence[str]) -> Dict[str, Any]:
    """The ``keys`` that ``obj`` has, in the order given: fields copied as they are."""
    return {key: obj[key] for key in keys if key in obj}


class Conversion:
    """Base of every conversion step, in either direction: notes, counts and common checks.

    The steps for tools, response formats and conversations are subclasses of this one;
    ``convert`` combines them into one converter per direction.
    """

    target = ""  # CHAT or RESPONSES

    def __init__(self, drop_unsupported: bool, strict_checker: Optional[Callable] = None):
        self.drop = drop_unsupported
        self.checker = strict_checker
        self.decisions: List[Note] = []
        self.warnings: List[Note] = []
        self.errors: List[Note] = []
        self.info: List[Note] = []
        self.converted = 0  # elements found in the source shape and converted
        self.in_target_shape: List[Pointer] = []  # elements already in the target shape

    # -- notes -----------------------------------------------------------------------------
    def error(self, ptr: Pointer, message: str) -> None:
        self.errors.append(Note(format_pointer(ptr), message))

    def warn(self, ptr: Pointer, message: str) -> None:
        self.warnings.append(Note(format_pointer(ptr), message))

    def decide(self, ptr: Pointer, message: str) -> None:
        self.decisions.append(Note(format_pointer(ptr), message))

    def inform(self, ptr: Pointer, message: str) -> None:
        self.info.append(Note(format_pointer(ptr), message))

    @property
    def target_name(self) -> str:
        return API_NAMES[self.target]

    def unsupported(self, ptr: Pointer, what: str) -> None:
        """Report something the target API cannot express: an error unless dropping is allowed."""
        if self.drop:
            self.warn(ptr, f"dropped {what}: {self.target_name} has no equivalent")
        else:
            self.error(
                ptr,
                f"{what} has no equivalent in {self.target_name}; remove it, or drop it "
                "with --drop-unsupported",
            )

    def unchanged_message(self, key: str) -> str:
        """The note for a request field that is kept as it is."""
        return f"'{key}' left unchanged: not about tools"

    # -- checks ----------------------------------------------------------------------------
    def check_keys(self, obj: Mapping, known: Sequence[str], ptr: Pointer, what: str) -> None:
        """Every key the target has no place for is unsupported (so never copied silently)."""
        for key in obj:
            if key not in known:
                self.unsupported(ptr + (key,), f"'{key}' in {what}")

    def expect_mapping(self, value: Any, ptr: Pointer, what: str) -> bool:
        if isinstance(value, Mapping):
            return True
        self.error(ptr, f"{what} must be an object, got {describe_type(value)}")
        return False

    def expect_list(self, value: Any, ptr: Pointer, what: str) -> bool:
        if isinstance(value, list):
            return True
        self.error(ptr, f"{what} must be a list, got {describe_type(value)}")
        return False

    def strict_value(self, value: Any, ptr: Pointer, what: str) -> Any:
        """Explicit ``strict`` values: booleans pass; null becomes false (never write null)."""
        if isinstance(value, bool):
            return value
        if value is None:
            self.warn(ptr, f"strict: null in {what} means false; wrote strict: false")
            return False
        self.error(ptr, f"strict in {what} must be true or false, got {describe_type(value)}")
        return value

    # -- shapes ----------------------------------------------------------------------------
    def already(self, ptr: Pointer) -> None:
        """Count an element that is already in the target API's shape (it is kept)."""
        self.in_target_shape.append(ptr)

    def h_already(self, body: Mapping, value: Any, ptr: Pointer, out: Dict[str, Any]) -> None:
        """Request handler for a field that only the target API has: keep it as it is."""
        self.already(ptr)
        out[ptr[-1]] = value

    def convert_each(self, items: List[Any], ptr: Pointer,
                     convert_one: Callable[[Any, Pointer], Any]) -> List[Any]:
        """``convert_one`` on every item; None means "dropped" and leaves no trace."""
        out = []
        for i, item in enumerate(items):
            converted = convert_one(item, ptr + (i,))
            if converted is not None:
                out.append(converted)
        return out
