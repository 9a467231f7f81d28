"""FCS505: one string enum with more than 250 values whose text is too long."""

from fcschema.ruleapi import report, schema_sizes
from fcschema.targets import target_table

CODE = "FCS505"
NAME = "large-enum-too-long"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "String enum of more than 250 values longer than the target allows"
DOC = """
## What it does
In a strict schema, reports each `enum` of strings (`null` allowed) with more than 250
values whose values total more characters than the target allows (15,000 on `openai`,
7,500 on `openai-2024` and `azure`).

## Why is this bad?
The API rejects the schema (HTTP 400): large string enums have their own, tighter budget.

## Example
An enum of 400 product names of about 40 characters each (16,000 characters).

## Use instead
Take the value as a string and check it in code, or group the values behind a shorter
enum of categories.

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Objects have limitations on nesting depth and size"
- STRICT_MODE.md section 2.5
"""
TARGETS = target_table("characters of one string enum over 250 values",
                       lambda t: f"{t.max_large_enum_chars:,}")


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    limit = ctx.target.max_large_enum_chars
    for enum in schema_sizes(ctx).string_enums:
        if enum.characters > limit:
            yield report(enum.pointer, f"this enum has {enum.values} string values totalling "
                         f"{enum.characters:,} characters; above {ctx.target.large_enum_size} values "
                         f"target {ctx.target.name} allows {limit:,}",
                         hint="take the value as a string and check it in code")
