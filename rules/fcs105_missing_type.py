"""FCS105: a subschema without `type` (an "Any")."""

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
    if node.is_root:
        return
    schema = node.schema
    if isinstance(schema, dict):
        if "type" in schema or any(key in schema for key in UNION_KEYS):
            return
        what = "has no `type`"
        if not schema:
            what = "is `{}` (any value), which has no `type`"
    else:
        what = f"is `{schema!r}` instead of a schema object with a `type`"
    api = ctx.schema_api(f"In {context(node.path)}, schema must have a 'type' key.")
    yield report(node.pointer, f"subschema {what}", api=api,
                 hint="give it a `type` (string, number, integer, boolean, array, object or null)")
