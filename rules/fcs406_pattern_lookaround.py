"""FCS406: lookaround in a strict schema's `pattern`."""

from fcschema.apipath import json_path
from fcschema.ruleapi import report

CODE = "FCS406"
NAME = "pattern-lookaround"
SEVERITY = "error"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Lookahead or lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`) in a strict `pattern`"
DOC = """
## What it does
In a strict schema, reports a `pattern` that uses lookahead (`(?=...)`, `(?!...)`) or
lookbehind (`(?<=...)`, `(?<!...)`). Patterns that do not compile at all are FCS405's.

## Why is this bad?
Strict mode generates text with a constrained decoder that follows Rust `regex` syntax,
which has no lookaround: the API answers HTTP 400 `Invalid JSON schema: regex lookaround
is not supported. Found at $.properties.password.pattern.` Password rules are the usual
culprit.

## Example
```json
{"type": "string", "pattern": "^(?=.*[0-9])[A-Za-z0-9]{8,}$"}
```

## Use instead
```json
{"type": "string", "pattern": "^[A-Za-z0-9]{8,}$",
 "description": "At least 8 letters or digits, including a digit."}
```

## Fix safety
No fix: a lookaround can only be rewritten by hand (or moved into the description and
checked in code).

## References
- Rust `regex` crate documentation, "Syntax" (no look-around, no backreferences)
- STRICT_MODE.md section 2.4
"""


NODES = ("pattern",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "pattern" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    from fcschema.regex_check import LOOKAROUND, compile_error, features  # (only for schemas with a `pattern`)

    schema = node.schema
    if not isinstance(schema, dict):
        return
    pattern = schema.get("pattern")
    if not isinstance(pattern, str) or compile_error(pattern) is not None:
        return
    found = [f for f in features(pattern) if f.kind in LOOKAROUND]
    if not found:
        return
    first = found[0]
    yield report(node.pointer + ("pattern",),
                 f"`pattern` uses a {first.kind} `{first.text}`, which strict mode does not support",
                 anchor="value",
                 api=f"Invalid JSON schema: regex lookaround is not supported. Found at "
                     f"{json_path(node.path + ('pattern',))}.",
                 hint="rewrite the pattern without lookaround, or state the rule in the description")
