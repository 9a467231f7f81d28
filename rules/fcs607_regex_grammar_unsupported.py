"""FCS607: a custom tool's regex grammar that is not one line of Rust `regex` syntax."""

from fcschema.formats.model import CUSTOM
from fcschema.ruleapi import report

CODE = "FCS607"
NAME = "regex-grammar-unsupported"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Regex grammar with lookaround or backreferences, on several lines, or wrapped in `/.../`"
DOC = """
## What it does
For a custom tool whose input is constrained by a regular expression (`syntax: regex`),
reports what Rust's `regex` syntax does not support: lookaround, backreferences, atomic
groups, possessive quantifiers and conditionals (errors); and, as warnings, a definition
that spans several lines or is wrapped in slashes like a JavaScript literal (`/^\\d+$/`),
whose slashes would be matched literally.

## Why is this bad?
The API compiles the definition with Rust `regex` syntax: unsupported constructs make
the request fail, and slashes or line breaks silently change what the tool accepts.

## Example
```json
{"type": "custom", "name": "zip", "format": {"type": "grammar", "syntax": "regex",
 "definition": "/^(?!00)\\\\d{5}$/"}}
```

## Use instead
```json
{"type": "custom", "name": "zip", "format": {"type": "grammar", "syntax": "regex",
 "definition": "^(0[1-9]|[1-9][0-9])\\\\d{3}$"}}
```

## Fix safety
No fix.

## References
- OpenAI function calling guide, "Custom tools" (regex grammars use Rust regex syntax)
- Rust `regex` crate documentation, "Syntax"
- STRICT_MODE.md section 5
"""


def check_tool(ctx):
    if ctx.site.kind != CUSTOM:
        return
    from fcschema.grammar_check import REGEX, grammar_of, regex_problems  # (custom tools only)

    grammar = grammar_of(ctx.site)
    if grammar is None or grammar.syntax != REGEX:
        return
    for problem in regex_problems(grammar.definition):
        yield report(grammar.pointer, problem.message, anchor="value",
                     severity=None if problem.severity == "error" else problem.severity,
                     hint="write one line of Rust `regex` syntax, without lookaround or backreferences")
