"""FCS501: more object properties in one schema than the target allows."""

from fcschema.ruleapi import report, schema_sizes
from fcschema.targets import target_table

CODE = "FCS501"
NAME = "too-many-properties"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Schema with more object properties in total than the target allows"
DOC = """
## What it does
In a strict schema, counts the keys of every `properties` map (root, nested objects,
array items, `anyOf` branches and `$defs` entries, each counted once as written; a
definition referenced several times counts once) and reports the total when it exceeds
the target's limit (5000 on `openai`, 100 on `openai-2024` and `azure`).

## Why is this bad?
The API answers HTTP 400 `6000 parameters exceeds limit of 5000.` (it calls object
properties "parameters").

## Example
A response format generated from a database with 150 columns, on target `azure`.

## Use instead
Split the tool (or the response format) into several smaller ones, or move rarely used
fields into one string field described in prose.

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Objects have limitations on nesting depth and size"
- STRICT_MODE.md section 2.5
"""
TARGETS = target_table("object properties in total", lambda t: t.max_properties)


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    count, limit = schema_sizes(ctx).properties, ctx.target.max_properties
    if count <= limit:
        return
    yield report(node.pointer, f"the schema has {count} object properties in total; target "
                 f"{ctx.target.name} allows {limit}",
                 api=ctx.schema_api(f"{count} parameters exceeds limit of {limit}."),
                 hint="split the tool into smaller ones")
