"""FCS106: an array schema without `items`."""

from fcschema.ruleapi import context, report, types_of

CODE = "FCS106"
NAME = "array-missing-items"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Array schema without `items`"
DOC = """
## What it does
Reports an array schema (`type: array`, or a type list containing `array`) without
`items`, in every tool, strict or not.

## Why is this bad?
The API answers HTTP 400 `array schema missing items`. Tuple forms (`prefixItems`, or
`items` as a list) are not supported either.

## Example
```json
{"type": "array", "description": "Tags"}
```

## Use instead
```json
{"type": "array", "description": "Tags", "items": {"type": "string"}}
```

## Fix safety
No fix: only the author knows what the items are.

## References
- STRICT_MODE.md sections 2.1 and 3
"""


NODES = ("type",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """A cheap test first (it runs for every typed node), the report only where it applies."""
    schema = node.schema
    if not isinstance(schema, dict) or "items" in schema or "array" not in types_of(schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    api = ctx.schema_api(f"In {context(node.path)}, array schema missing items.")
    yield report(node.pointer, "array schema has no `items`", api=api,
                 hint="add `items` with the schema of one element")
