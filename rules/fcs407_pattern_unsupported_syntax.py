"""FCS407: backreferences, lazy quantifiers and other non-Rust syntax in a strict `pattern`."""

from fcschema.ruleapi import report

CODE = "FCS407"
NAME = "pattern-unsupported-syntax"
SEVERITY = "warning"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Backreference, lazy or possessive quantifier, atomic or conditional group in a strict `pattern`"
DOC = """
## What it does
In a strict schema, reports a `pattern` that uses syntax Rust's `regex` crate does not
have: backreferences (`\\1`, `\\k<name>`, `(?P=name)`), lazy quantifiers (`*?`, `+?`,
`??`, `{m,n}?`), possessive quantifiers (`*+`), atomic groups (`(?>...)`) and
conditionals (`(?(1)...)`). Lookaround is FCS406's.

## Why is this bad?
Strict mode's constrained decoder follows Rust `regex` syntax. Whether the API rejects
these constructs or silently treats them differently is undocumented: either way the
pattern does not do what it says. (Lazy quantifiers make no difference to which strings
match, so they can simply become greedy.)

## Example
```json
{"type": "string", "pattern": "^(['\\"]).*?\\\\1$"}
```

## Use instead
```json
{"type": "string", "pattern": "^('[^']*'|\\"[^\\"]*\\")$"}
```

## Fix safety
No fix.

## References
- Rust `regex` crate documentation, "Syntax"
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
    kinds = []
    for feature in features(pattern):
        if feature.kind not in LOOKAROUND and feature.kind not in [k for k, _ in kinds]:
            kinds.append((feature.kind, feature.text))
    if not kinds:
        return
    listed = ", ".join(f"{kind} `{text}`" for kind, text in kinds)
    yield report(node.pointer + ("pattern",), f"`pattern` uses syntax strict mode's regex engine does not "
                 f"support: {listed}", anchor="value",
                 hint="rewrite without it (a lazy quantifier can become greedy: it matches the same strings)")
