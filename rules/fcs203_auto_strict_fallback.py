"""FCS203: Responses tool without `strict` that will silently run non-strict."""

from fcschema.diagnostics import UNSAFE, Fix
from fcschema.fixops import SetMember
from fcschema.ruleapi import report

CODE = "FCS203"
NAME = "auto-strict-fallback"
SEVERITY = "warning"
APPLIES = "auto"
FIX = "always"
SUMMARY = "Responses tool without `strict` will silently fall back to non-strict"
DOC = """
## What it does
For a Responses API function tool whose `strict` is omitted, reports each strict-mode
problem that the API cannot repair by itself (everything except a missing
`additionalProperties: false` and properties missing from `required`), naming the rule
that found it.

## Why is this bad?
With `strict` omitted the API tries strict mode and, when the schema cannot be made
strict, quietly runs the tool non-strict and echoes `strict: false`. No error is
returned, and arguments are no longer guaranteed to match the schema.

## Example
```json
{"type": "function", "name": "tag",
 "parameters": {"type": "object", "properties": {"labels": {"type": "object",
   "additionalProperties": {"type": "string"}}}}}
```

## Use instead
Fix the schema and set `strict: true`, or set `strict: false` to say that non-strict is
intended.

## Fix safety
Unsafe: `strict: false` records the fallback as intended. Nothing changes at run time (the
API runs the tool non-strict anyway), but the warning goes away, so the choice is left to
`--unsafe-fixes`: fixing the schema and setting `strict: true` is usually the better one.

## References
- OpenAI Responses API reference, `tools[].strict`
- STRICT_MODE.md section 4
"""


def check_tool(ctx):
    fix = Fix(UNSAFE, "Set `strict: false` (what the API falls back to anyway)",
              ops=(SetMember(ctx.site.strict_holder, "strict", False),))
    for finding in ctx.strict_findings():
        if finding.normalised or finding.severity != "error":
            continue  # repaired by the API itself, or not a reason to fall back (a warning)
        yield report(
            finding.pointer,
            f"`strict` is omitted, so the Responses API tries strict mode and silently falls back to "
            f"non-strict because: {finding.message} ({finding.code})",
            anchor=finding.anchor,
            hint="fix the schema and set `strict: true`, or set `strict: false` explicitly", fix=fix)
