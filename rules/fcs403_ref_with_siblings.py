"""FCS403: `$ref` with sibling keywords (`description`, `type`, ...)."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import ReplaceMember, freeze
from fcschema.ruleapi import context, report
from fcschema.targets import target_table

CODE = "FCS403"
NAME = "ref-with-siblings"
SEVERITY = "error"
APPLIES = "strict"
FIX = "sometimes"
SUMMARY = "`$ref` next to other keywords"
DOC = """
## What it does
In a strict schema, reports a node that has `$ref` and any other keyword beside it
(`description`, `type`, `default`, ...).

## Why is this bad?
Strict mode answers HTTP 400 `context=(...), $ref cannot have keywords {'description'}.`
Pydantic and other generators put a field's description beside its `$ref`.

## Example
```json
{"properties": {"home": {"$ref": "#/$defs/address", "description": "Home address"}}}
```

## Use instead
```json
{"properties": {"home": {"anyOf": [{"$ref": "#/$defs/address"}], "description": "Home address"}}}
```
or inline the definition.

## Fix safety
Safe: the reference is wrapped as `anyOf: [{"$ref": ...}]` and the sibling keywords stay
beside the `anyOf`, which means what the author wrote (the node must match the reference
and the siblings). No fix when the node already has an `anyOf`.

## References
- STRICT_MODE.md section 2.3
"""
TARGETS = target_table("severity", lambda t: "error" if t.ref_siblings_error else "warning")


NODES = ("$ref",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "$ref" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "$ref" not in schema or len(schema) < 2:
        return
    siblings = [key for key in schema if key != "$ref"]
    shown = "{" + ", ".join(repr(k) for k in siblings) + "}"
    yield report(node.pointer + ("$ref",), f"`$ref` cannot have sibling keywords: {', '.join(siblings)}",
                 api=ctx.schema_api(f"{context(node.path)}, $ref cannot have keywords {shown}."),
                 severity=None if ctx.target.ref_siblings_error else "warning",
                 hint="wrap the reference: `anyOf: [{\"$ref\": ...}]` with the keywords beside `anyOf`, "
                      "or inline the definition",
                 fix=None if "anyOf" in schema else Fix(
                     SAFE, "Wrap the reference in `anyOf` so its sibling keywords survive",
                     ops=(ReplaceMember(node.pointer + ("$ref",), "anyOf", freeze([{"$ref": schema["$ref"]}])),)))
