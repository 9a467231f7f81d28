"""FCS402: a `$ref` to another document (a URL, a file): never fetched by the API."""

from fcschema.ruleapi import report

CODE = "FCS402"
NAME = "remote-ref"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "`$ref` to another document (remote or file reference)"
DOC = """
## What it does
In a strict schema, reports every `$ref` that does not start with `#`: a URL
(`https://example.com/schemas/address.json`), a file (`address.json#/Address`), a URN.
fcschema never fetches them either.

## Why is this bad?
Only local references are supported: the API does not download schemas, so the tool is
rejected (HTTP 400).

## Example
```json
{"properties": {"home": {"$ref": "https://example.com/schemas/address.json"}}}
```

## Use instead
Copy the definition into the schema's `$defs` and point at it:
```json
{"properties": {"home": {"$ref": "#/$defs/address"}}, "$defs": {"address": {...}}}
```

## Fix safety
No fix: fcschema does not fetch the other document.

## References
- OpenAI Structured Outputs guide, "Definitions are supported"
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
    from fcschema.refs import REMOTE, resolver_for  # (only for schemas with a `$ref`)

    schema = node.schema
    if not isinstance(schema, dict) or "$ref" not in schema:
        return
    ref = schema["$ref"]
    if resolver_for(ctx).resolve(ref).status != REMOTE:
        return
    yield report(node.pointer + ("$ref",), f"`$ref` '{ref}' points to another document; only local "
                 "references (`#/$defs/...`) are supported", anchor="value",
                 hint="copy the definition into `$defs` and reference it as '#/$defs/<name>'")
