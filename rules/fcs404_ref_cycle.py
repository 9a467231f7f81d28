"""FCS404: a chain of `$ref`s that loops back on itself without reaching a schema."""

from fcschema.ruleapi import report

CODE = "FCS404"
NAME = "ref-cycle"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "References that only point at each other (`a` -> `b` -> `a`)"
DOC = """
## What it does
In a strict schema, follows each `$ref` through nodes that are nothing but another
`$ref`, and reports it when the chain comes back to a reference it has already passed
(`#/$defs/a` is `{"$ref": "#/$defs/b"}` and `b` is `{"$ref": "#/$defs/a"}`). References
are never expanded, and each is followed once, so long chains stay cheap.

## Why is this bad?
Such a chain never reaches a schema, so there is nothing to generate: the schema is
invalid. Recursion *through structure* is fine and supported (a tree whose `children`
items refer back to the node, or `#` for the root).

## Example
```json
{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}
```

## Use instead
```json
{"$defs": {"a": {"type": "object", "properties": {"next": {"anyOf": [{"$ref": "#/$defs/a"},
  {"type": "null"}]}}, "required": ["next"], "additionalProperties": false}}}
```

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Recursive schemas are supported"
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
    from fcschema.refs import CYCLE, describe_chain, resolver_for  # (only for schemas with a `$ref`)

    schema = node.schema
    if not isinstance(schema, dict) or "$ref" not in schema:
        return
    resolver = resolver_for(ctx)
    ref = schema["$ref"]
    if not resolver.resolve(ref).ok:
        return  # FCS401 / FCS402
    end = resolver.final(ref)
    if end.status != CYCLE:
        return
    yield report(node.pointer + ("$ref",), f"`$ref` '{ref}' never reaches a schema: the references loop "
                 f"({describe_chain(end.chain)})", anchor="value",
                 hint="give one definition in the loop a real schema (`type`, `properties`, ...)")
