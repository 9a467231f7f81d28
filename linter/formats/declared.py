"""Files the configuration declares to hold one bare JSON Schema (``schemas = [...]``):
no shape to recognise, the configuration says what the schema is for."""

from __future__ import annotations

import os
from typing import Any, Dict, List

from .model import RESPONSE_FORMAT, FUNCTION, STRICT_OFF, STRICT_ON, ToolSite


def schema_file_sites(data: Any, entry: Dict[str, Any], filename: str) -> List[ToolSite]:
    if not isinstance(data, dict):
        return []
    name = os.path.splitext(os.path.basename(filename))[0]
    kind = RESPONSE_FORMAT if entry.get("kind") == "response_format" else FUNCTION
    return [ToolSite(pointer=(), api=entry.get("api", "chat"), kind=kind, shape=f"bare schema ({entry.get('kind')})",
                     data=data, name=name, schema=data, schema_pointer=(),
                     strict=STRICT_ON if entry.get("strict", True) else STRICT_OFF)]
