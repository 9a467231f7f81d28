"""FCS201: a `strict` flag where the API does not read it."""

from fcschema.diagnostics import SAFE, UNSAFE, Fix
from fcschema.fixops import Remove, SetMember, get
from fcschema.formats.model import LEGACY, RESPONSE_FORMAT, STRICT_ON
from fcschema.ruleapi import report

CODE = "FCS201"
NAME = "misplaced-strict"
SEVERITY = "warning"
APPLIES = "always"
FIX = "sometimes"
SUMMARY = "`strict` in a place the API ignores"
DOC = """
## What it does
Reports a `strict` flag the API never reads: beside `function` in a Chat Completions tool
(it belongs inside `function`), beside `json_schema` in a `response_format` (it belongs
inside `json_schema`), in a legacy `functions` entry (which has no strict mode), or inside
the `parameters` schema itself.

## Why is this bad?
The API ignores the flag without an error, so the tool the author believes strict runs
non-strict: arguments are no longer guaranteed to match the schema.

## Example
```json
{"type": "function", "strict": true, "function": {"name": "f", "parameters": {...}}}
```

## Use instead
```json
{"type": "function", "function": {"name": "f", "strict": true, "parameters": {...}}}
```

## Fix safety
Moving the flag is unsafe when the schema is not yet strict-valid (the tool would then be
rejected), so the fix is offered only where the schema already passes the strict rules.

## References
- STRICT_MODE.md sections 1 and 4
"""


def check_tool(ctx):
    site = ctx.site
    for pointer in site.misplaced_strict:
        effect = ("the tool is strict anyway through its own flag" if site.strict == STRICT_ON
                  else "this tool runs NON-strict")
        if site.schema_pointer is not None and pointer[: len(site.schema_pointer)] == site.schema_pointer:
            where = "`strict` inside the schema is not a JSON Schema keyword; the API does not read it there"
            hint = "move `strict` out of the schema onto the tool"
        elif site.api == LEGACY:
            where = "legacy `functions` entries have no `strict`; the API ignores it"
            hint = ("use `tools` with {\"type\": \"function\", \"function\": {..., \"strict\": true}} "
                    "to get strict mode")
        elif site.kind == RESPONSE_FORMAT:
            where = "`strict` beside `json_schema` is ignored; the API reads it inside `json_schema`"
            hint = "move `strict` into `json_schema`"
        else:
            where = "`strict` beside `function` is ignored; the API reads it inside `function`"
            hint = "move `strict` into `function`"
        yield report(pointer, f"{where}: {effect}", hint=hint, fix=_move(ctx, pointer))


def _move(ctx, pointer):
    """Move the flag to where the API reads it; turning a tool strict only when its schema
    already passes the strict rules (otherwise the move would make the API reject it)."""
    site = ctx.site
    if site.api == LEGACY or site.strict_holder is None:
        return None
    value = get(site.data, pointer[len(site.pointer):])
    if not isinstance(value, bool):
        return None
    if site.strict_pointer is not None:
        return Fix(SAFE, "Remove the ignored `strict` (the tool sets its own)", ops=(Remove(pointer),))
    ops = (Remove(pointer), SetMember(site.strict_holder, "strict", value))
    if value is False:
        return Fix(SAFE, "Move `strict: false` to where the API reads it", ops=ops)
    from fcschema.strictness import strict_violations

    if site.schema is not None and strict_violations(site.schema, ctx.target.name):
        return None
    return Fix(UNSAFE, "Move `strict: true` to where the API reads it (the tool becomes strict)", ops=ops)
