"""FCS502: a schema nested deeper than the target allows."""

from fcschema.ruleapi import report, schema_sizes
from fcschema.targets import target_table

CODE = "FCS502"
NAME = "nesting-too-deep"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Schema nested deeper than the target allows"
DOC = """
## What it does
In a strict schema, measures nesting the way the generated data nests: the root is
level 1, and each step into `properties`, `items` or `additionalProperties` adds a level
(`anyOf` branches do not). A `$ref` continues at the level where it appears: a reference
at level 3 to a definition three levels deep reaches level 5. Recursive references are
not followed. The deepest level is reported when it exceeds the target's limit (10 on
`openai`, 5 on `openai-2024` and `azure`).

How the API counts levels is undocumented, so the boundary is uncertain: one level over
the limit is a warning, two or more an error.

## Why is this bad?
The API answers HTTP 400 `6 levels of nesting exceeds limit of 5.`

## Example
On target `azure`: `order.customer.address.geo.point.lat` (root plus five levels).

## Use instead
Flatten: `customer_address_lat`, or pass an identifier the function looks up.

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Objects have limitations on nesting depth and size"
- STRICT_MODE.md section 2.5
"""
TARGETS = target_table("nesting levels", lambda t: t.max_depth)


NODES = "root"  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    if not (not node.path):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    deepest, limit = schema_sizes(ctx).deepest, ctx.target.max_depth
    if deepest is None or deepest.depth <= limit:
        return
    through = f" (through `$ref` '{deepest.via_ref}')" if deepest.via_ref else ""
    boundary = deepest.depth == limit + 1
    yield report(deepest.pointer, f"{deepest.depth} levels of nesting{through}; target {ctx.target.name} "
                 f"allows {limit}" + (" (the API's way of counting is undocumented: this may be "
                                      "accepted)" if boundary else ""),
                 api=ctx.schema_api(f"{deepest.depth} levels of nesting exceeds limit of {limit}."),
                 severity="warning" if boundary else None,
                 hint="flatten the structure")
