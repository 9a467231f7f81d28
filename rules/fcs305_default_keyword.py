"""FCS305: `default` in a strict schema: never applied, and rejected on some targets."""

from fcschema.diagnostics import SAFE, Fix
from fcschema.fixbuild import default_ops
from fcschema.ruleapi import context, report
from fcschema.targets import target_table

CODE = "FCS305"
NAME = "default-keyword"
SEVERITY = "warning"
APPLIES = "strict"
FIX = "always"
SUMMARY = "`default` in a strict schema (not applied by the model; rejected on some targets)"
DOC = """
## What it does
In a strict schema, reports every `default`. Its severity depends on the target: a
warning on `openai`, an error on `openai-2024` and `azure`.

## Why is this bad?
The model does not apply a default: when it has no value it still has to produce one
(strict mode has no optional fields), and nothing fills in `default` for it. The API
rejected `default` from 2024 to mid-2025 (`'default' is not permitted`), Azure OpenAI
still does, and a 2026 test on api.openai.com accepted it. Libraries that turn function
signatures into schemas emit it for every keyword argument.

## Example
```json
{"type": "integer", "description": "Forecast length in days.", "default": 1}
```

## Use instead
```json
{"type": "integer", "description": "Forecast length in days. Default: 1."}
```
and, if the value may be left out, make the field nullable and apply the default in
your code when it is `null`.

## Fix safety
Safe: the default moves into the description ("Default: 1."), where the model can read
it; the API never applied it.

## References
- OpenAI Structured Outputs guide, "Supported schemas"; Azure OpenAI structured outputs documentation
- STRICT_MODE.md sections 2.2 and 6
"""
TARGETS = target_table("severity", lambda t: t.default_severity)


NODES = ("default",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "default" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "default" not in schema:
        return
    severity = ctx.target.default_severity
    if severity == "error":
        message = f"`default` is not permitted in strict mode on target {ctx.target.name}"
        api = ctx.schema_api(f"In {context(node.path)}, 'default' is not permitted.")
    else:
        message = "`default` is not applied: the model still has to choose a value itself"
        api = None
    ops = default_ops(schema, node.pointer)
    yield report(node.pointer + ("default",), message, api=api, severity=severity,
                 hint="move the default into the description; make the field nullable if it may be omitted",
                 fix=Fix(SAFE, "Move the default into the description", ops=tuple(ops)))
