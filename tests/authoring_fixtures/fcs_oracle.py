"""An independent check of spec section 2 (strict mode, target openai) for the tests.

It exists so the generated schemas are checked against the rules even before
fcschema.strictness lands; it is deliberately written from the spec, not from
the generator's code. It is stricter than the spec in one place: the generator
promises no `title` and no `default`, so those are reported too.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

FORMATS = {"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
ANY = {"type", "description", "enum", "const", "anyOf", "$ref"}
BY_TYPE = {
    "string": {"pattern", "format"},
    "number": {"multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"},
    "integer": {"multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"},
    "array": {"items", "minItems", "maxItems"},
    "object": {"properties", "required", "additionalProperties"},
    "boolean": set(),
    "null": set(),
}


def strict_problems(schema: Dict[str, Any]) -> List[str]:
    """Every violation of section 2 in a tool's parameters schema (empty: strict-valid)."""
    problems: List[str] = []
    if schema.get("type") != "object":
        problems.append("root: must be type object")
    defs = schema.get("$defs", {})
    for name, sub in defs.items():
        _node(sub, f"/$defs/{name}", defs, problems)
    root = {k: v for k, v in schema.items() if k not in ("$defs", "$schema", "$id")}
    _node(root, "", defs, problems)
    return problems


def _node(node: Any, at: str, defs: Dict[str, Any], problems: List[str]) -> None:
    if not isinstance(node, dict):
        problems.append(f"{at}: not a schema object")
        return
    if "$ref" in node:
        if set(node) != {"$ref"}:
            problems.append(f"{at}: $ref with siblings {sorted(set(node) - {'$ref'})}")
        ref = node["$ref"]
        if ref != "#" and not (ref.startswith("#/$defs/") and ref[len("#/$defs/"):] in defs):
            problems.append(f"{at}: unresolved $ref {ref}")
        return
    if "anyOf" in node:
        for i, branch in enumerate(node["anyOf"]):
            _node(branch, f"{at}/anyOf/{i}", defs, problems)
        extra = set(node) - {"anyOf", "description"}
        if extra:
            problems.append(f"{at}: anyOf beside {sorted(extra)}")
        return
    types = node.get("type")
    if types is None:
        problems.append(f"{at}: missing type")
        return
    type_list = [types] if isinstance(types, str) else list(types)
    if isinstance(types, list) and (len(types) != 2 or "null" not in types):
        problems.append(f"{at}: type list other than [T, null]: {types}")
    allowed = set(ANY)
    for t in type_list:
        if t not in BY_TYPE:
            problems.append(f"{at}: unknown type {t}")
            continue
        allowed |= BY_TYPE[t]
    for kw in set(node) - allowed:
        problems.append(f"{at}: keyword {kw!r} not permitted")
    if "enum" in node and "null" in type_list and None not in node["enum"]:
        problems.append(f"{at}: nullable type but null missing from enum")
    if "format" in node and node["format"] not in FORMATS:
        problems.append(f"{at}: format {node['format']!r} not supported")
    if "pattern" in node:
        try:
            re.compile(node["pattern"])
        except re.error:
            problems.append(f"{at}: pattern does not compile")
        if re.search(r"\(\?<?[=!]", node["pattern"]):
            problems.append(f"{at}: lookaround in pattern")
    if "array" in type_list:
        if "items" not in node:
            problems.append(f"{at}: array without items")
        else:
            _node(node["items"], f"{at}/items", defs, problems)
    if "object" in type_list:
        props = node.get("properties")
        if not isinstance(props, dict):
            problems.append(f"{at}: object without properties")
            props = {}
        if node.get("additionalProperties") is not False:
            problems.append(f"{at}: additionalProperties is not false")
        if props and sorted(node.get("required", [])) != sorted(props):
            problems.append(f"{at}: required {node.get('required')} != properties {sorted(props)}")
        for name, sub in props.items():
            _node(sub, f"{at}/properties/{name}", defs, problems)
