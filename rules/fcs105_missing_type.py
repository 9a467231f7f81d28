"""FCS105: a subschema without `type` (an "Any")."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import SetMember, freeze
from fcschema.ruleapi import context, report

CODE = "FCS105"
NAME = "missing-type"
SEVERITY = "error"
APPLIES = "always"
FIX = "sometimes"
SUMMARY = "Subschema without `type`"
DOC = """
## What it does
Reports a subschema below the root that has no `type` and is not a `$ref` or a union
(`anyOf`; `oneOf` and `allOf` are reported by their own rule in strict mode). This covers
`{}` ("any value"), a description-only node, a bare `enum` or `const`, and `true`.

## Why is this bad?
The API answers HTTP 400 `schema must have a 'type' key`: the decoder needs to know what to
generate. The root is checked by FCS107.

## Example
```json
{"properties": {"value": {"description": "Anything"}}}
```

## Use instead
```json
{"properties": {"value": {"type": "string", "description": "Anything, as text"}}}
```

## Fix safety
A bare `enum` or `const` whose values share one JSON type gets that `type` (safe). Other
nodes have no fix: only the author knows the type meant.

## References
- STRICT_MODE.md section 2.1
"""

UNION_KEYS = ("$ref", "anyOf", "oneOf", "allOf")


def check_node(node, ctx):
    """A cheap test first (it runs for every node), the report only where it applies."""
    schema = node.schema
    if isinstance(schema, dict) and ("type" in schema or any(key in schema for key in UNION_KEYS)):
        return ()
    if node.is_root:
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if isinstance(schema, dict):
        what = "has no `type`"
        if not schema:
            what = "is `{}` (any value), which has no `type`"
    else:
        what = f"is `{schema!r}` instead of a schema object with a `type`"
    api = ctx.schema_api(f"In {context(node.path)}, schema must have a 'type' key.")
    fix = None
    inferred = _type_of_values(schema)
    if inferred is not None:
        fix = Fix(SAFE, f"Add `type: {inferred if isinstance(inferred, str) else list(inferred)}`",
                  ops=(SetMember(node.pointer, "type", freeze(inferred) if isinstance(inferred, list) else inferred),))
    yield report(node.pointer, f"subschema {what}", api=api, fix=fix,
                 hint="give it a `type` (string, number, integer, boolean, array, object or null)")


def _json_type(value):
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
    return None


def _type_of_values(schema):
    """The one JSON type of a bare enum's (or const's) values, or that type plus null."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        values = schema["enum"]
    elif "const" in schema:
        values = [schema["const"]]
    else:
        return None
    types = {_json_type(v) for v in values}
    if None in types:
        return None
    if types == {"integer", "number"}:
        types = {"number"}
    if len(types) == 1:
        return types.pop()
    if len(types) == 2 and "null" in types:
        (other,) = types - {"null"}
        return [other, "null"]
    return None
