"""FCS702: a function parameter without a description."""

from fcschema.formats.model import FUNCTION
from fcschema.ruleapi import report

CODE = "FCS702"
NAME = "missing-parameter-description"
SEVERITY = "info"
APPLIES = "always"
FIX = "never"
SUMMARY = "Function parameter without a `description`"
DOC = """
## What it does
Reports each parameter of a function (a key of the root `properties` of its schema)
that has no non-blank `description`. A parameter that is a `$ref` counts as described
when the definition it points to has a description. Nested properties and response
formats are not checked.

## Why is this bad?
The name alone rarely says the format or meaning the function expects (`date`: which
format? `amount`: which currency, cents or units?). The model fills parameters from
their descriptions.

## Example
```json
{"type": "object", "properties": {"amount": {"type": "integer"}}, ...}
```

## Use instead
```json
{"type": "object", "properties": {"amount": {"type": "integer",
  "description": "Amount in cents, e.g. 1999 for 19.99 EUR."}}, ...}
```

## Fix safety
No fix.

## References
- OpenAI function calling guide, "Best practices for defining functions"
- STRICT_MODE.md section 5
"""


def _described(schema) -> bool:
    description = schema.get("description") if isinstance(schema, dict) else None
    return isinstance(description, str) and bool(description.strip())


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    if not node.is_root or ctx.site.kind != FUNCTION or not isinstance(node.schema, dict):
        return
    properties = node.schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key, schema in properties.items():
        if not isinstance(schema, dict) or _described(schema):
            continue
        if "$ref" in schema:
            from fcschema.refs import resolver_for  # (only for parameters that are a `$ref`)

            end = resolver_for(ctx).final(schema["$ref"])
            if end.ok and _described(end.target):
                continue
        yield report(node.pointer + ("properties", key), f"parameter '{key}' has no description",
                     hint="add a `description`: meaning, format and units, with an example")
