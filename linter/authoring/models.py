"""A pydantic model's fields as a tool's ``parameters`` schema.

pydantic maps the Python types (it knows aliases, enums, unions, recursion);
:mod:`.strict_schema` then rewrites its output for strict mode. The
validation-mode schema is used because the model's arguments are *input*.
"""

from __future__ import annotations

from typing import Any

import pydantic

from .errors import AuthoringError
from .strict_schema import StrictSchema, make_strict


def is_model(obj: Any) -> bool:
    """Whether ``obj`` is a pydantic (v2) model class."""
    return isinstance(obj, type) and issubclass(obj, pydantic.BaseModel) and obj is not pydantic.BaseModel


def model_strict_schema(model: Any, *, strict: bool = True) -> StrictSchema:
    """Build the tool parameters for ``model``; problems are returned, not raised."""
    if not is_model(model):
        raise AuthoringError(f"{model!r} is not a pydantic model class.")
    try:
        raw = model.model_json_schema(mode="validation")
    except pydantic.PydanticUserError as exc:  # e.g. a Callable field, an unresolved forward ref
        raise AuthoringError(f"{model.__name__}: pydantic cannot build a JSON schema: {exc}") from exc
    return make_strict(raw, root_label=model.__name__, strict=strict)
