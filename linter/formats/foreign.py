"""Tools written for other ecosystems that people also send to OpenAI: MCP `tools/list`
entries and Anthropic tools. They have no strict flag; the checks that apply to every
OpenAI function schema (spec section 3) are run on their input schema."""

from __future__ import annotations

from .fields import read_name, read_schema
from .model import ANTHROPIC, FUNCTION, MCP, ToolSite


def recognise(rec, obj: dict, pointer, group, index) -> bool:
    for key, api, shape in (("inputSchema", MCP, "MCP tool"), ("input_schema", ANTHROPIC, "Anthropic tool")):
        if key in obj and "name" in obj and obj.get("type") in (None, "custom"):
            name, name_pointer = read_name(rec, obj, pointer, shape)
            schema, schema_pointer = read_schema(rec, obj, key, pointer, shape)
            rec.sites.append(ToolSite(
                pointer=pointer, api=api, kind=FUNCTION, shape=shape, data=obj, name=name,
                name_pointer=name_pointer, schema=schema, schema_pointer=schema_pointer,
                group=group, index=index))
            return True
    return False
