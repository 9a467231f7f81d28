"""Keeping a constraint's meaning in words when strict mode cannot keep the keyword.

``fcschema check --unsafe-fixes`` removes keywords the target rejects and appends a
sentence to the description, so the model still reads the rule even though the API no
longer enforces it.
"""

from __future__ import annotations

import json
from typing import Any, Optional

_TEMPLATES = {
    "minLength": "At least {} characters.",
    "maxLength": "At most {} characters.",
    "minItems": "At least {} items.",
    "maxItems": "At most {} items.",
    "minProperties": "At least {} properties.",
    "maxProperties": "At most {} properties.",
    "minimum": "Minimum: {}.",
    "maximum": "Maximum: {}.",
    "exclusiveMinimum": "Greater than {}.",
    "exclusiveMaximum": "Less than {}.",
    "multipleOf": "A multiple of {}.",
    "pattern": "Must match the regular expression {}.",
    "format": "Format: {}.",
}


def note_for(keyword: str, value: Any) -> Optional[str]:
    """The sentence that says what ``keyword: value`` meant; None when no sentence can."""
    if keyword == "uniqueItems":
        return "Items must be unique." if value is True else ""
    template = _TEMPLATES.get(keyword)
    if template is None:
        return None
    if keyword == "pattern" and isinstance(value, str):
        return template.format(json.dumps(value))
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    return template.format(value)
