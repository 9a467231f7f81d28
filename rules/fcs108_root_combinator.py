"""FCS108: `anyOf`, `oneOf`, `allOf`, `enum` or `not` at the root of the schema."""

from fcschema.ruleapi import report

CODE = "FCS108"
NAME = "root-combinator"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "`anyOf`/`oneOf`/`allOf`/`enum`/`not` at the schema root"
DOC = """
## What it does
Reports a union or negation keyword (`anyOf`, `oneOf`, `allOf`, `enum`, `not`) at the root
of a tool's parameters or a response format's schema, in every tool, strict or not.

## Why is this bad?
The API answers HTTP 400 `schema must have type 'object' and not have
'oneOf'/'anyOf'/'allOf'/'enum'/'not' at the top level`.

## Example
```json
{"anyOf": [{"type": "object", "properties": {"id": {"type": "string"}}},
           {"type": "object", "properties": {"email": {"type": "string"}}}]}
```

## Use instead
Move the union one level down:
```json
{"type": "object", "properties": {"who": {"anyOf": [...]}}, "required": ["who"],
 "additionalProperties": false}
```

## Fix safety
No fix: the argument names change, so the code that reads them must change too.

## References
- STRICT_MODE.md sections 2.1 and 3
"""

COMBINATORS = ("oneOf", "anyOf", "allOf", "enum", "not")
API = ("schema must have type 'object' and not have 'oneOf'/'anyOf'/'allOf'/'enum'/'not' at the "
       "top level.")


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    if not node.is_root or not isinstance(node.schema, dict):
        return
    for keyword in COMBINATORS:
        if keyword in node.schema:
            yield report(node.pointer + (keyword,), f"`{keyword}` at the schema root",
                         api=ctx.schema_api(API),
                         hint="the root must be a plain object: move the union into a property")
