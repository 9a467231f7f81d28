"""FCS101: every object in a strict schema needs `additionalProperties: false`."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import SetMember
from fcschema.ruleapi import context, is_object_schema, report

CODE = "FCS101"
NAME = "additional-properties-not-false"
SEVERITY = "error"
APPLIES = "strict"
FIX = "always"
SUMMARY = "Object without `additionalProperties: false`"
DOC = """
## What it does
In a strict schema, reports every object (the root, nested properties, array items,
`anyOf` branches and `$defs` entries) whose `additionalProperties` is missing, `true`, or a
schema (a map such as `dict[str, T]`).

## Why is this bad?
Strict mode only guarantees arguments for closed objects: the API answers HTTP 400
`'additionalProperties' is required to be supplied and to be false`. With `strict` omitted
in the Responses API, a *missing* flag is added by the API itself, but `true` or a schema
makes the tool silently fall back to non-strict (FCS203).

## Example
```json
{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
```

## Use instead
```json
{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
 "additionalProperties": false}
```

## Fix safety
Adding a missing `additionalProperties: false` is safe: strict mode already forbids extra
keys. Replacing `true` or a map schema changes what the tool accepts, so that has no fix: a
free-form map has to be redesigned (for example as a list of key/value objects).

## References
- OpenAI Structured Outputs guide: "additionalProperties: false must always be set in objects"
- STRICT_MODE.md section 2.1
"""


NODES = ("type", "properties")  # check_node sees only object schemas: they declare one of these


def check_node(node, ctx):
    schema = node.schema
    if not is_object_schema(schema):
        return
    value = schema.get("additionalProperties", None)
    if value is False:
        return
    api = ctx.schema_api(f"In {context(node.path)}, 'additionalProperties' is required to be supplied "
                         "and to be false.")
    if "additionalProperties" not in schema:
        fix = Fix(SAFE, "Add `additionalProperties: false`",
                  ops=(SetMember(node.pointer, "additionalProperties", False),))
        yield report(node.pointer, "object does not set `additionalProperties: false`", api=api,
                     hint="add `additionalProperties: false` to this object", fix=fix, normalised=True)
    elif value is True:
        yield report(node.pointer + ("additionalProperties",),
                     "`additionalProperties: true` is not allowed in strict mode", api=api,
                     hint="set it to false; if the object really takes arbitrary keys, model them as "
                          "a list of {key, value} objects")
    else:
        yield report(node.pointer + ("additionalProperties",),
                     "`additionalProperties` is a schema (a free-form map), which strict mode cannot "
                     "express", api=api,
                     hint="model the map as an array of {key, value} objects, or make the tool "
                          "non-strict")
