"""FCS401: a local `$ref` that points to nothing."""

from fcschema.ruleapi import report

CODE = "FCS401"
NAME = "unresolved-ref"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "`$ref` that does not resolve inside the schema"
DOC = """
## What it does
In a strict schema, resolves every local `$ref` (`#` for the root, JSON pointers such as
`#/$defs/address` or `#/definitions/address`, with `~0`/`~1` escapes and percent-encoding)
against the tool's own schema, and reports one that points to nothing, is not a string,
or uses a plain-name fragment (`#address`, an `$anchor`).

## Why is this bad?
The API resolves references inside the schema it is given and rejects the tool when one
cannot be resolved (HTTP 400). Typical causes: a definition renamed or dropped, a schema
extracted from a larger document whose `$defs` stayed behind, `#/definitions/x` when the
schema has `$defs`.

## Example
```json
{"type": "object", "properties": {"home": {"$ref": "#/$defs/address"}},
 "required": ["home"], "additionalProperties": false, "$defs": {"adress": {...}}}
```

## Use instead
```json
{"type": "object", "properties": {"home": {"$ref": "#/$defs/address"}},
 "required": ["home"], "additionalProperties": false, "$defs": {"address": {...}}}
```

## Fix safety
No fix: only the author knows which definition was meant.

## References
- OpenAI Structured Outputs guide, "Definitions are supported"
- RFC 6901 (JSON Pointer)
- STRICT_MODE.md section 2.3
"""


NODES = ("$ref",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "$ref" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    from fcschema.refs import MALFORMED, MISSING, resolver_for  # (only for schemas with a `$ref`)

    schema = node.schema
    if not isinstance(schema, dict) or "$ref" not in schema:
        return
    found = resolver_for(ctx).resolve(schema["$ref"])
    if found.status not in (MISSING, MALFORMED):
        return
    yield report(node.pointer + ("$ref",), found.reason, anchor="value",
                 hint="point it at an existing definition, e.g. '#/$defs/<name>'")
