"""FCS306: a `type` list with more than one type besides `null`."""

from fcschema.ruleapi import report

CODE = "FCS306"
NAME = "multi-type-union"
SEVERITY = "warning"
APPLIES = "strict"
FIX = "never"
SUMMARY = "`type` list with several non-null types (only `[T, \"null\"]` is documented)"
DOC = """
## What it does
In a strict schema, reports a `type` array that names more than one type other than
`null`, such as `["string", "number"]`.

## Why is this bad?
The documented form is one type plus `"null"` (an optional field). Other unions are
undocumented for strict mode: they may be rejected, and type-specific keywords on such a
node are ambiguous.

## Example
```json
{"type": ["string", "integer"], "description": "Order id"}
```

## Use instead
```json
{"anyOf": [{"type": "string"}, {"type": "integer"}], "description": "Order id"}
```

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Supported types" and "anyOf"
- STRICT_MODE.md section 2.1
"""


NODES = ("type",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and isinstance(schema.get("type"), list)):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or not isinstance(schema.get("type"), list):
        return
    others = [t for t in schema["type"] if t != "null"]
    if len(others) < 2:
        return
    yield report(node.pointer + ("type",), f"`type` is a union of {len(others)} types "
                 f"({', '.join(map(str, others))}); only one type plus \"null\" is documented",
                 anchor="value", hint="use `anyOf` with one branch per type")
