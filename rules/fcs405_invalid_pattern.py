"""FCS405: a `pattern` that does not compile."""

from fcschema.ruleapi import report

CODE = "FCS405"
NAME = "invalid-pattern"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "`pattern` that is not a valid regular expression"
DOC = """
## What it does
Compiles every string `pattern` in every tool schema, strict or not, and reports one
that does not compile. Python's `re` stands in for the API's compiler: it rejects
unbalanced groups and brackets, bad escapes, nothing to repeat, and JavaScript-only
syntax such as `\\p{L}` (Unicode property escapes need the `u` flag in JavaScript) or
`(?<name>...)` named groups.

## Why is this bad?
The API compiles the pattern for every schema, strict or not, and rejects the request
(HTTP 400) when it cannot.

## Example
```json
{"type": "string", "pattern": "^\\\\p{L}+$"}
```

## Use instead
```json
{"type": "string", "pattern": "^[^\\\\W\\\\d_]+$"}
```

## Fix safety
No fix.

## References
- OpenAI Structured Outputs guide, "Supported properties" (`pattern`)
- STRICT_MODE.md sections 2.4 and 3
"""


NODES = ("pattern",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "pattern" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    from fcschema.regex_check import compile_error  # (only for schemas with a `pattern`)

    schema = node.schema
    if not isinstance(schema, dict):
        return
    pattern = schema.get("pattern")
    if not isinstance(pattern, str):
        return
    error = compile_error(pattern)
    if error is None:
        return
    yield report(node.pointer + ("pattern",), f"`pattern` does not compile: {error}", anchor="value",
                 hint="fix the regular expression (JavaScript-only syntax such as \\p{...} is not accepted)")
