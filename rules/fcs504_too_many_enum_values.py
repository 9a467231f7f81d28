"""FCS504: more enum values in one schema than the target allows."""

from fcschema.ruleapi import report, schema_sizes
from fcschema.targets import target_table

CODE = "FCS504"
NAME = "too-many-enum-values"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "More `enum` values in total than the target allows"
DOC = """
## What it does
In a strict schema, counts the values of every `enum` (as written; a definition used
several times counts once) and reports the total when it exceeds the target's limit
(1000 on `openai`, 500 on `openai-2024` and `azure`). The diagnostic points at the enum
that crosses the limit.

## Why is this bad?
The API rejects the schema (HTTP 400).

## Example
Two enums of 300 country and currency codes each, on target `azure` (600 > 500).

## Use instead
Take such values as strings (with a `pattern` such as `^[A-Z]{3}$`) and check them in
code.

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Objects have limitations on nesting depth and size"
- STRICT_MODE.md section 2.5
"""
TARGETS = target_table("enum values in total", lambda t: t.max_enum_values)


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    sizes, limit = schema_sizes(ctx), ctx.target.max_enum_values
    if sizes.enum_values <= limit:
        return
    where = sizes.enum_crossing(limit) or node.pointer
    yield report(where, f"the schema has {sizes.enum_values} enum values in total; target "
                 f"{ctx.target.name} allows {limit} (this enum crosses the limit)",
                 hint="take long lists as strings validated in code")
