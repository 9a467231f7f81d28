"""FCS302: a `format` value outside the nine strict mode supports."""

from fcschema.ruleapi import context, report
from fcschema.targets import FORMATS, target_table

CODE = "FCS302"
NAME = "unsupported-format"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "`format` value strict mode does not support (`uri`, `int64`, ...)"
DOC = """
## What it does
In a strict schema, reports a `format` whose value is not one of `date-time`, `time`,
`date`, `duration`, `email`, `hostname`, `ipv4`, `ipv6`, `uuid`.

## Why is this bad?
The API answers HTTP 400 `In context=(...), 'uri' is not a valid format.` Generators
often emit `uri`, `int32`, `int64`, `float`, `byte` or `binary` (OpenAPI formats).

## Example
```json
{"type": "string", "format": "uri"}
```

## Use instead
```json
{"type": "string", "description": "An absolute http(s) URL."}
```

## Fix safety
No fix: removing the format loosens the schema, so the author decides (keep the meaning
in the description, or use a `pattern`).

## References
- OpenAI Structured Outputs guide, "Supported properties" (string formats)
- STRICT_MODE.md section 2.2
"""
TARGETS = target_table("`format`", lambda t: "rejected altogether (FCS301)" if t.rejects("format")
                       else "the nine formats above")


NODES = ("format",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "format" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "format" not in schema or ctx.target.rejects("format"):
        return
    value = schema["format"]
    if isinstance(value, str) and value in FORMATS:
        return
    yield report(node.pointer + ("format",), f"format {value!r} is not supported in strict mode",
                 anchor="value",
                 api=ctx.schema_api(f"In {context(node.path)}, '{value}' is not a valid format."),
                 hint="remove it (say what the value looks like in the description) or use one of: "
                      + ", ".join(sorted(FORMATS)))
