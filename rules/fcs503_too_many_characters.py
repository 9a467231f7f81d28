"""FCS503: too many characters in property names, definition names, enum and const values."""

from fcschema.ruleapi import report, schema_sizes
from fcschema.targets import target_table

CODE = "FCS503"
NAME = "too-many-characters"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Property names, `$defs` names, enum and const values longer in total than the target allows"
DOC = """
## What it does
In a strict schema, adds up the characters of every property name, every `$defs` (and
`definitions`) name, every `enum` value and every `const` value, as written (a string
counts its characters, another value the characters of its JSON text, `null` 4), and
reports the total when it exceeds the target's limit (120,000 on `openai`, 15,000 on
`openai-2024` and `azure`). Descriptions do not count.

## Why is this bad?
The API rejects the schema (HTTP 400).

## Example
A tool with an `enum` of 3,000 product names, on target `azure`.

## Use instead
Take the value as a plain string and validate it in the function, or split the list
across tools.

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Objects have limitations on nesting depth and size"
- STRICT_MODE.md section 2.5
"""
TARGETS = target_table("characters", lambda t: f"{t.max_total_chars:,}")


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    count, limit = schema_sizes(ctx).characters, ctx.target.max_total_chars
    if count <= limit:
        return
    yield report(node.pointer, f"property names, definition names, enum and const values total {count:,} "
                 f"characters; target {ctx.target.name} allows {limit:,}",
                 hint="shorten long enums (take a string and validate it in code) or split the tool")
