"""FCS104: an object schema without `properties`."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import SetMember, freeze
from fcschema.formats.model import STRICT_OFF
from fcschema.ruleapi import context, is_object_schema, report

CODE = "FCS104"
NAME = "object-missing-properties"
SEVERITY = "error"
APPLIES = "always"
FIX = "always"
SUMMARY = "Object schema without `properties`"
DOC = """
## What it does
Reports an object schema (`type: object`) that has no `properties` key, in every tool,
strict or not.

## Why is this bad?
The API answers HTTP 400 `object schema missing properties` (MCP servers that declare
argument-less tools as `{"type": "object"}` hit this often). A tool without arguments
is written `{"type": "object", "properties": {}, "required": [],
"additionalProperties": false}`.

## Example
```json
{"type": "function", "function": {"name": "now", "parameters": {"type": "object"}}}
```

## Use instead
```json
{"type": "function", "function": {"name": "now",
  "parameters": {"type": "object", "properties": {}, "required": [], "additionalProperties": false}}}
```

## Fix safety
Safe when the object has no `additionalProperties` schema: `properties: {}` and
`required: []` are added and the object means what it meant. An object that is really a
map (`additionalProperties` is a schema) gets no fix.

## References
- STRICT_MODE.md sections 2.1 and 3
"""


NODES = ("type",)  # check_node sees only nodes with a `type` (objects without `properties` declare one)


def check_node(node, ctx):
    """A cheap test first (it runs for every typed node), the report only where it applies."""
    schema = node.schema
    if not isinstance(schema, dict) or "properties" in schema or not is_object_schema(schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    api = ctx.schema_api(f"In {context(node.path)}, object schema missing properties.")
    fix = None
    if isinstance(schema.get("additionalProperties", False), bool):
        ops = [SetMember(node.pointer, "properties", freeze({}))]
        if ctx.mode != STRICT_OFF and "required" not in schema:
            ops.append(SetMember(node.pointer, "required", freeze([])))
        fix = Fix(SAFE, "Add `properties: {}`" + (" and `required: []`" if len(ops) > 1 else ""), ops=tuple(ops))
    hint = "add `properties: {}` (and `required: []`) for an object without fields"
    if fix is None:
        hint = ("this object is a free-form map (`additionalProperties` is a schema), which strict mode "
                "cannot express and no mechanical fix can turn into fields: model it as an array of "
                "{key, value} objects, or list the keys it really has as properties")
    yield report(node.pointer, "object schema has no `properties`", api=api, fix=fix, hint=hint)
