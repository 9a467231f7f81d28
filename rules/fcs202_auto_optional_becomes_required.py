"""FCS202: Responses tool without `strict`: optional fields silently become mandatory."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixops import SetMember
from fcschema.ruleapi import report

CODE = "FCS202"
NAME = "auto-optional-becomes-required"
SEVERITY = "warning"
APPLIES = "auto"
FIX = "always"
SUMMARY = "Responses tool without `strict`: optional field will become mandatory"
DOC = """
## What it does
For a Responses API function tool whose `strict` is omitted, and whose schema the API can
make strict by itself, reports every optional property (one not in `required`).

## Why is this bad?
With `strict` omitted the Responses API tries strict mode: it adds `additionalProperties:
false` and marks every property required. An optional field becomes mandatory and *not*
nullable, so the model must invent a value whenever it has none, silently.

## Example
```json
{"type": "function", "name": "get_weather",
 "parameters": {"type": "object", "properties": {"city": {"type": "string"},
   "unit": {"type": "string"}}, "required": ["city"]}}
```

## Use instead
Say what you mean: `strict: true` with `unit` required and nullable
(`"type": ["string", "null"]`), or `strict: false`.

## Fix safety
Safe: the fix makes the field required and nullable and sets `strict: true`, which is what
the API would run, minus the invented values.

## References
- OpenAI Responses API reference, `tools[].strict`
- STRICT_MODE.md section 4
"""


def check_tool(ctx):
    findings = [f for f in ctx.strict_findings() if f.severity == "error"]  # warnings block nothing
    if any(not f.normalised for f in findings):
        return  # the tool falls back to non-strict instead: FCS203
    fix = _explicit_strict(ctx, findings)
    for finding in findings:
        if finding.code != "FCS102":
            continue
        key = finding.pointer[-1]
        yield report(
            finding.pointer,
            f"`strict` is omitted, so the Responses API runs this tool strict and makes optional "
            f"property '{key}' mandatory (not nullable): the model must invent a value",
            hint=f"make '{key}' required and nullable and set `strict: true`, or set `strict: false`",
            fix=fix)


def _explicit_strict(ctx, findings):
    """`strict: true` plus every fix the schema needs, as one change (never half-strict)."""
    ops = [SetMember(ctx.site.strict_holder, "strict", True)]
    for finding in findings:
        if finding.fix is None:
            return None
        ops.extend(finding.fix.ops)
    return Fix(SAFE, "Set `strict: true` and make the optional fields required and nullable", ops=tuple(ops))
