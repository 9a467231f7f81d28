"""``@fcschema.tool``: mark a function or a model as a tool, with optional overrides.

The decorator only records options; the schema is generated on demand, so
forward references resolve and importing a module of tools stays cheap. The
marked object is returned unchanged: functions stay callable, models stay models.
This module imports neither pydantic nor jsonschema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, TypeVar, overload

T = TypeVar("T")

MARK = "__fcschema_tool__"


@dataclass(frozen=True)
class ToolOptions:
    """Overrides given to ``@tool(...)``; ``None`` means "take it from the code"."""

    name: Optional[str] = None
    description: Optional[str] = None
    strict: bool = True


@overload
def tool(obj: T, /) -> T: ...


@overload
def tool(
    *, name: Optional[str] = None, description: Optional[str] = None, strict: bool = True
) -> Callable[[T], T]: ...


def tool(
    obj: Any = None,
    /,
    *,
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: bool = True,
) -> Any:
    """Mark ``obj`` as a tool: ``@tool`` or ``@tool(name=..., description=..., strict=...)``."""
    options = ToolOptions(name=name, description=description, strict=strict)

    def mark(target: T) -> T:
        if not callable(target):
            raise TypeError(f"@tool marks functions and pydantic models, not {target!r}")
        setattr(target, MARK, options)
        return target

    return mark if obj is None else mark(obj)


def tool_options(obj: Any) -> Optional[ToolOptions]:
    """The options ``obj`` was marked with, or ``None``.

    A subclass of a marked model is not itself marked: the mark is looked up in
    the class's own namespace only.
    """
    if isinstance(obj, type):
        found = obj.__dict__.get(MARK)
    else:
        found = getattr(obj, MARK, None)
    return found if isinstance(found, ToolOptions) else None


def is_tool(obj: Any) -> bool:
    """Whether ``obj`` was marked with ``@tool``."""
    return tool_options(obj) is not None
