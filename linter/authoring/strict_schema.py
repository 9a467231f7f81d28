"""Turn pydantic's JSON Schema into one that strict mode accepts (spec section 2).

pydantic already maps Python types faithfully; this pass only rewrites what the
API rejects. Optional and defaulted fields become required and nullable (the
default is written into the description), ``oneOf``/``discriminator`` become
``anyOf``, a ``$ref`` with siblings is wrapped in ``anyOf``, ``title`` and
``default`` go, and every object gets ``additionalProperties: false`` and a
complete ``required``. Constraints strict mode does not support move into the
description with a warning; what it cannot express at all (maps, ``Any``,
fixed-length tuples, extra keys) becomes a :class:`Problem`.

This module works on plain dicts and imports neither pydantic nor jsonschema.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

from .docstrings import parse_docstring
from .errors import Problem

SUPPORTED_FORMATS = frozenset(
    {"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
)
ROOT_KEY = "#"
OMIT = object()  # in null_defaults: drop the key so pydantic applies its own default

_ANY_KEYWORDS = ("type", "description", "enum", "anyOf", "$ref")
_TYPE_KEYWORDS = {
    "string": ("pattern", "format"),
    "number": ("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
    "integer": ("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
    "array": ("items", "minItems", "maxItems"),
    "object": ("properties", "required", "additionalProperties"),
}
_SILENTLY_DROPPED = ("title", "default", "readOnly", "writeOnly", "$comment", "discriminator")
_LOOKAROUND = re.compile(r"(?<!\\)\(\?<?[=!]")

_NON_STRICT = "a non-strict tool (strict=False)"
_DICT_CHOICES = (
    "a list of key/value objects (list[Entry], where Entry is a model with `key` and `value` fields)",
    "a model with fixed fields",
    _NON_STRICT,
)
_ANY_CHOICES = ("a concrete type", "a union of concrete types")
_TUPLE_CHOICES = ("a model with one named field per position", "list[T] if the items share a type", _NON_STRICT)
_EXTRA_CHOICES = ("model_config extra='forbid' or the default extra='ignore'", _NON_STRICT)


@dataclass
class StrictSchema:
    """The ``parameters`` schema plus what was learnt while making it."""

    parameters: Dict[str, Any]
    description: Optional[str] = None
    warnings: List[str] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    # ROOT_KEY or a $defs name -> property -> the value that replaces a null
    # (or OMIT): a field that only became nullable so it could be required.
    null_defaults: Dict[str, Dict[str, Any]] = field(default_factory=dict)


def make_strict(schema: Dict[str, Any], *, root_label: str, strict: bool = True) -> StrictSchema:
    """Rewrite a pydantic ``model_json_schema()`` for a strict (or non-strict) tool.

    With ``strict=False`` optional fields stay optional and constraints stay as
    hints; the structural clean-up (titles, refs, unions) is the same.
    Problems are collected, not raised: the caller decides.
    """
    return _Converter(schema, root_label, strict).run()


class _Converter:
    def __init__(self, schema: Dict[str, Any], root_label: str, strict: bool):
        self.schema = copy.deepcopy(schema)
        self.defs: Dict[str, Any] = self.schema.pop("$defs", {})
        self.root_label = root_label
        self.strict = strict
        self.result = StrictSchema(parameters={})

    # -- driver ---------------------------------------------------------

    def run(self) -> StrictSchema:
        root = self.schema
        if set(root) == {"$ref"} and _def_name(root["$ref"]) in self.defs:
            # A recursive root model: pydantic emits only a $ref; the root must be an object.
            root = copy.deepcopy(self.defs[_def_name(root["$ref"])])
        description = root.pop("description", None)
        if isinstance(description, str):
            description = self._apply_docstring(root, description)
        self.result.description = description or None
        converted = self.node(root, self.root_label, "", key=ROOT_KEY)
        if converted.get("type") != "object" or "properties" not in converted:
            self.problem(
                self.root_label,
                "",
                "the parameters must be an object with named fields.",
                ("a pydantic BaseModel or a function with named parameters",),
            )
        defs = {}
        for name, sub in self.defs.items():
            if isinstance(sub, dict) and isinstance(sub.get("description"), str):
                sub["description"] = self._apply_docstring(sub, sub["description"])
            defs[name] = self.node(sub, name, "/$defs/" + _escape(name), key=name)
        used = _reachable_defs(converted, defs)
        if used:
            converted["$defs"] = {name: defs[name] for name in defs if name in used}
        self.result.parameters = converted
        return self.result

    def problem(self, label: str, pointer: str, message: str, choices=()) -> None:
        self.result.problems.append(Problem(label, pointer, message, tuple(choices)))

    def warn(self, label: str, message: str) -> None:
        self.result.warnings.append(f"{label}: {message}")

    def _apply_docstring(self, node: Dict[str, Any], description: str) -> str:
        """A model docstring's Attributes/Args section describes its fields."""
        doc = parse_docstring(description)
        if not doc.params:
            return description
        for name, text in doc.params.items():
            prop = node.get("properties", {}).get(name)
            if isinstance(prop, dict) and text and "description" not in prop:
                prop["description"] = text
        return doc.description

    # -- one schema node --------------------------------------------------

    def node(self, n: Any, label: str, ptr: str, key: Optional[str] = None) -> Dict[str, Any]:
        if not isinstance(n, dict):
            self.problem(label, ptr, f"the schema {json.dumps(n)} has no type.", _ANY_CHOICES)
            return {}
        n = dict(n)
        notes: List[str] = []
        out: Dict[str, Any] = {}
        self._annotations(n, notes, label)
        self._compositions(n, out, label, ptr)
        if "enum" in n or "const" in n:
            self._enum(n, out, label, ptr)
        types = n.pop("type", None)
        if types is not None:
            out["type"] = types
        type_list = [types] if isinstance(types, str) else list(types or [])
        if "string" in type_list:
            self._string(n, out, notes, label)
        if "integer" in type_list or "number" in type_list:
            for kw in _TYPE_KEYWORDS["number"]:
                if kw in n:
                    out[kw] = n.pop(kw)
        if "array" in type_list:
            self._array(n, out, notes, label, ptr)
        if "object" in type_list:
            self._object(n, out, label, ptr, key)
        if "description" in n:
            out["description"] = n.pop("description")
        for kw in list(n):
            self.warn(label, f"dropped the keyword '{kw}' ({_dump(n.pop(kw))}): tool schemas do not support it.")
        if not any(kw in out for kw in ("type", "anyOf", "$ref", "enum")):
            self.problem(label, ptr, "a value of any type (Any) cannot be expressed: every node needs a type.", _ANY_CHOICES)
        if "$ref" in out and len(out) > 1:
            out = {"anyOf": [{"$ref": out.pop("$ref")}], **out}  # a $ref cannot have siblings
        out = _simplify_nullable(out)
        if notes:
            out = add_description(out, " ".join(notes))
        return _order(out)

    def _annotations(self, n: Dict[str, Any], notes: List[str], label: str) -> None:
        for kw in _SILENTLY_DROPPED:
            n.pop(kw, None)
        if "examples" in n:
            examples = n.pop("examples")
            values = examples if isinstance(examples, list) else [examples]
            word = "Example" if len(values) == 1 else "Examples"
            notes.append(f"{word}: " + ", ".join(_dump(v) for v in values) + ".")
        if n.pop("deprecated", False):
            notes.append("Deprecated.")

    def _compositions(self, n: Dict[str, Any], out: Dict[str, Any], label: str, ptr: str) -> None:
        branches: List[Any] = []
        if "allOf" in n:
            parts = n.pop("allOf")
            if len(parts) == 1:
                branches.append(("allOf", 0, parts[0]))
            else:
                self.problem(label, ptr, "an intersection (allOf) cannot be expressed.", ("a single model that has all the fields",))
        for kw in ("oneOf", "anyOf"):
            for i, b in enumerate(n.pop(kw, [])):
                branches.append((kw, i, b))
        for kw in ("not", "if", "then", "else", "dependentRequired", "dependentSchemas"):
            if kw in n:
                n.pop(kw)
                self.problem(label, ptr, f"the keyword '{kw}' cannot be expressed.", ("a simpler type",))
        if "$ref" in n:
            ref = n.pop("$ref")
            if _def_name(ref) not in self.defs:
                self.problem(label, ptr, f"the reference {ref!r} does not resolve.")
            branches.append(("$ref", 0, {"$ref": ref}))
        converted: List[Dict[str, Any]] = []
        for kw, i, b in branches:
            sub = self.node(b, label, f"{ptr}/{kw}/{i}") if kw != "$ref" else b
            parts = sub["anyOf"] if set(sub) == {"anyOf"} else [sub]
            for part in parts:
                if part not in converted:
                    converted.append(part)
        if len(converted) == 1:
            out.update(converted[0])
        elif converted:
            out["anyOf"] = converted

    def _enum(self, n: Dict[str, Any], out: Dict[str, Any], label: str, ptr: str) -> None:
        values = n.pop("enum") if "enum" in n else [n.pop("const")]
        n.pop("const", None)
        if "type" in n:
            out["enum"] = values
            return
        kinds: List[str] = []
        for v in values:
            if _json_type(v) not in kinds:
                kinds.append(_json_type(v))
        non_null = [k for k in kinds if k != "null"]
        if len(non_null) <= 1:
            n["type"] = kinds[0] if len(kinds) == 1 else [non_null[0], "null"]
            out["enum"] = values
            return
        branches = [{"type": k, "enum": [v for v in values if _json_type(v) == k]} for k in non_null]
        if "null" in kinds:
            branches.append({"type": "null"})
        if "anyOf" in out:
            self.problem(label, ptr, "an enum beside a union cannot be expressed.")
            return
        out["anyOf"] = branches

    def _string(self, n: Dict[str, Any], out: Dict[str, Any], notes: List[str], label: str) -> None:
        if "pattern" in n:
            pattern = n.pop("pattern")
            if self.strict and _LOOKAROUND.search(pattern):
                notes.append(f"Must match the regular expression {pattern}.")
                self.warn(label, f"the pattern {pattern!r} uses lookaround, which strict mode rejects; it moved to the description.")
            else:
                out["pattern"] = pattern
        if "format" in n:
            fmt = n.pop("format")
            if fmt in SUPPORTED_FORMATS or not self.strict:
                out["format"] = fmt
            else:
                notes.append(f"Format: {fmt}.")
                self.warn(label, f"the format {fmt!r} is not supported in strict mode; it moved to the description.")
        low, high = n.pop("minLength", None), n.pop("maxLength", None)
        if not self.strict:
            out.update({k: v for k, v in (("minLength", low), ("maxLength", high)) if v is not None})
        elif low is not None or high is not None:
            if low is not None and high is not None:
                notes.append(f"Must be {low} to {_characters(high)} long.")
            elif low is not None:
                notes.append(f"Must be at least {_characters(low)} long.")
            else:
                notes.append(f"Must be at most {_characters(high)} long.")
            self.warn(label, "minLength/maxLength are not supported in strict mode; the length moved to the description.")
        for kw in ("contentEncoding", "contentMediaType"):
            if kw in n:
                value = n.pop(kw)
                if not self.strict:
                    out[kw] = value

    def _array(self, n: Dict[str, Any], out: Dict[str, Any], notes: List[str], label: str, ptr: str) -> None:
        if "prefixItems" in n:
            prefix = n.pop("prefixItems")
            if self.strict:
                self.problem(label, ptr, "a fixed-length tuple cannot be expressed (prefixItems).", _TUPLE_CHOICES)
                out["prefixItems"] = prefix
            else:
                self._tuple_items(prefix, out, label, ptr)
        if "items" in n:
            out["items"] = self.node(n.pop("items"), label + "[]", ptr + "/items")
        elif "items" not in out and "prefixItems" not in out:
            self.problem(label, ptr, "a list of any type cannot be expressed: the items need a type.", ("list[T] with a concrete T",))
        for kw in ("minItems", "maxItems"):
            if kw in n:
                out[kw] = n.pop(kw)
        if n.pop("uniqueItems", False):
            if self.strict:
                notes.append("Items must be unique.")
                self.warn(label, "uniqueItems (a set) is not supported in strict mode; it moved to the description.")
            else:
                out["uniqueItems"] = True

    def _tuple_items(self, prefix: List[Any], out: Dict[str, Any], label: str, ptr: str) -> None:
        """Non-strict tools keep prefixItems as a hint but still need ``items``."""
        items = [self.node(p, label + "[]", f"{ptr}/prefixItems/{i}") for i, p in enumerate(prefix)]
        out["prefixItems"] = items
        unique = [x for i, x in enumerate(items) if x not in items[:i]]
        out["items"] = unique[0] if len(unique) == 1 else {"anyOf": unique}

    def _object(self, n: Dict[str, Any], out: Dict[str, Any], label: str, ptr: str, key: Optional[str]) -> None:
        props = n.pop("properties", None)
        required = n.pop("required", [])
        extra = n.pop("additionalProperties", None)
        map_keywords = {kw: n.pop(kw) for kw in ("patternProperties", "propertyNames", "minProperties", "maxProperties") if kw in n}
        free_keys = extra not in (None, False) or bool(map_keywords)
        if free_keys and self.strict:
            if props is None or map_keywords:
                self.problem(label, ptr, "a dict (a map with free-form keys) cannot be expressed in strict mode.", _DICT_CHOICES)
            else:
                self.problem(label, ptr, "the model allows extra keys (extra='allow'), which strict mode cannot express.", _EXTRA_CHOICES)
        out_props: Dict[str, Any] = {}
        nulls: Dict[str, Any] = {}
        for name, prop in (props or {}).items():
            child = self.node(prop, f"{label}.{name}", f"{ptr}/properties/{_escape(name)}")
            if name not in required:
                child = self._optional(prop, child, name, nulls)
            out_props[name] = child
        out["properties"] = out_props
        if self.strict:
            out["required"] = list(out_props)
        elif any(name in out_props for name in required):
            out["required"] = [name for name in required if name in out_props]
        if isinstance(extra, dict):
            out["additionalProperties"] = self.node(extra, label + "{}", ptr + "/additionalProperties")
        elif extra is not None or self.strict:
            out["additionalProperties"] = extra if free_keys else False
        out.update(map_keywords)
        if key is not None and nulls:
            self.result.null_defaults[key] = nulls

    def _optional(self, original: Any, child: Dict[str, Any], name: str, nulls: Dict[str, Any]) -> Dict[str, Any]:
        """A field with a default: required and nullable in strict mode, default in the description."""
        has_default = isinstance(original, dict) and "default" in original
        default = original.get("default") if has_default else None
        note = f"Default: {_dump(default)}." if has_default and default is not None else None
        if self.strict and not accepts_null(child):
            child = make_nullable(child)
            nulls[name] = default if has_default and default is not None else OMIT
            if not has_default:
                note = "If null, the default is used."
        return add_description(child, note) if note else child


# -- helpers shared with validation ------------------------------------------


def accepts_null(node: Dict[str, Any]) -> bool:
    """Whether ``node`` already admits ``null`` (so a default needs no extra null)."""
    types = node.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return "enum" not in node or None in node["enum"]
    return any(accepts_null(b) for b in node.get("anyOf", []) if isinstance(b, dict))


def make_nullable(node: Dict[str, Any]) -> Dict[str, Any]:
    """``type: [T, "null"]`` for simple nodes, an extra ``{"type": "null"}`` branch otherwise."""
    node = dict(node)
    if "anyOf" in node and "$ref" not in node:
        node["anyOf"] = node["anyOf"] + [{"type": "null"}]
        return node
    types = node.get("type")
    if isinstance(types, str) and types != "object" and "$ref" not in node:
        node["type"] = [types, "null"]
    elif isinstance(types, list) and "object" not in types and "$ref" not in node:
        node["type"] = types if "null" in types else types + ["null"]
    else:
        description = node.pop("description", None)
        wrapped: Dict[str, Any] = {"anyOf": [node, {"type": "null"}]}
        if description is not None:
            wrapped["description"] = description
        return wrapped
    if "enum" in node and None not in node["enum"]:
        node["enum"] = node["enum"] + [None]
    return _order(node)


def add_description(node: Dict[str, Any], text: str) -> Dict[str, Any]:
    """Append ``text`` to the node's description; a bare ``$ref`` is wrapped first."""
    node = dict(node)
    if "$ref" in node:
        node = {"anyOf": [{"$ref": node.pop("$ref")}], **node}
    current = (node.get("description") or "").rstrip()
    if current and current[-1] not in ".!?:":
        current += "."
    node["description"] = f"{current} {text}" if current else text
    return _order(node)


def _simplify_nullable(node: Dict[str, Any]) -> Dict[str, Any]:
    """``anyOf: [{type: T, ...}, {type: null}]`` reads better as ``type: [T, "null"]``."""
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return node
    other = branches[0] if branches[1] == {"type": "null"} else branches[1]
    if not isinstance(other.get("type"), str) or other["type"] in ("object", "null") or "$ref" in other:
        return node
    if set(other) & (set(node) - {"anyOf"}):
        return node
    merged = {k: v for k, v in node.items() if k != "anyOf"}
    merged.update(make_nullable(other))
    return merged


_ORDER = ("type", "description", "enum", "anyOf", "$ref", "properties", "required", "additionalProperties")


def _order(node: Dict[str, Any]) -> Dict[str, Any]:
    """A stable, readable key order (the API generates keys in schema order only for properties)."""
    head = {k: node[k] for k in _ORDER if k in node}
    return {**head, **{k: v for k, v in node.items() if k not in head}}


def _characters(count: Any) -> str:
    return f"{count} character" + ("" if count == 1 else "s")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _def_name(ref: str) -> Optional[str]:
    prefix = "#/$defs/"
    return ref[len(prefix):].replace("~1", "/").replace("~0", "~") if ref.startswith(prefix) else None


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def _reachable_defs(root: Dict[str, Any], defs: Dict[str, Any]) -> Set[str]:
    seen: Set[str] = set()
    stack: List[Any] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            name = _def_name(ref) if isinstance(ref, str) else None
            if name in defs and name not in seen:
                seen.add(name)
                stack.append(defs[name])
            stack.extend(v for k, v in item.items() if k != "$defs")
        elif isinstance(item, list):
            stack.extend(item)
    return seen
