"""Building blocks for the fixes several rules share: turning an optional property into
a required-and-nullable one, and keeping a removed keyword's meaning in the description.
"""

from __future__ import annotations

from typing import Any, List, Optional

from .diagnostics import Pointer
from .fixops import AddToArray, Op, Remove, Replace, ReplaceMember, SetMember, freeze
from .json_encoding import compact_encoder

NULL_BRANCH = {"type": "null"}
_ENCODE = compact_encoder(ensure_ascii=False)


def is_nullable(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    if declared == "null" or (isinstance(declared, list) and "null" in declared):
        return True
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and any(isinstance(b, dict) and b.get("type") == "null" for b in branches):
            return True
    return False


def nullable_ops(schema: Any, pointer: Pointer) -> Optional[List[Op]]:
    """Ops that let ``schema`` (at ``pointer``) also accept null; None when no mechanical
    way exists (a node without type, ref or union)."""
    if not isinstance(schema, dict):
        return None
    ops: List[Op] = []
    if is_nullable(schema):
        pass
    elif isinstance(schema.get("type"), str):
        ops.append(Replace(pointer + ("type",), freeze([schema["type"], "null"])))
    elif isinstance(schema.get("type"), list):
        ops.append(AddToArray(pointer + ("type",), ("null",)))
    elif "$ref" in schema:
        ops.append(ReplaceMember(pointer + ("$ref",), "anyOf",
                                 freeze([{"$ref": schema["$ref"]}, NULL_BRANCH])))
        return ops
    elif isinstance(schema.get("anyOf"), list):
        ops.append(AddToArray(pointer + ("anyOf",), (freeze(NULL_BRANCH),)))
        return ops
    elif isinstance(schema.get("oneOf"), list):
        ops.append(AddToArray(pointer + ("oneOf",), (freeze(NULL_BRANCH),)))
        return ops
    else:
        return None
    enum = schema.get("enum")
    if "enum" in schema and "const" in schema and schema["const"] is not None:
        return None  # `const` would become a second `enum`: how to merge the two is the author's call
    if isinstance(enum, list) and None not in enum:
        ops.append(AddToArray(pointer + ("enum",), (None,)))
    if "const" in schema and schema["const"] is not None:
        ops.append(ReplaceMember(pointer + ("const",), "enum", freeze([schema["const"], None])))
    return ops


def describe_value(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``, without making an encoder per call."""
    return _ENCODE(value)


def note_in_description(schema: dict, pointer: Pointer, note: str) -> Op:
    """Append a sentence to the node's description (creating it if needed)."""
    description = schema.get("description")
    if isinstance(description, str) and description.strip():
        if note in description:
            return Replace(pointer + ("description",), description)
        text = description.rstrip()
        separator = " " if text.endswith((".", "!", "?", ":")) else ". "
        return Replace(pointer + ("description",), f"{text}{separator}{note}")
    return SetMember(pointer, "description", note)


def default_ops(schema: Any, pointer: Pointer) -> List[Op]:
    """Move a ``default`` out of the schema into the description ("Default: 10.")."""
    if not isinstance(schema, dict) or "default" not in schema:
        return []
    note = f"Default: {describe_value(schema['default'])}."
    return [Remove(pointer + ("default",)), note_in_description(schema, pointer, note)]


def optional_to_nullable_ops(object_schema: dict, object_pointer: Pointer, key: str) -> Optional[List[Op]]:
    """Make property ``key`` required and nullable, its default noted in the description."""
    prop = object_schema.get("properties", {}).get(key)
    prop_pointer = object_pointer + ("properties", key)
    nullable = nullable_ops(prop, prop_pointer)
    if nullable is None:
        return None
    return [AddToArray(object_pointer + ("required",), (key,)), *nullable, *default_ops(prop, prop_pointer)]
