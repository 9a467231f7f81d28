"""FCS606: a custom tool's Lark grammar uses a feature the API does not support."""

from fcschema.formats.model import CUSTOM
from fcschema.ruleapi import report

CODE = "FCS606"
NAME = "lark-grammar-unsupported"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Lark grammar with an unsupported feature (lookaround, lazy quantifier, priority, template, ...)"
DOC = """
## What it does
For a custom tool whose input is constrained by a Lark grammar (`format: {type:
grammar, syntax: lark, definition}` in the Responses API, `custom.format.grammar` in
Chat Completions), reports each use of a feature the API's grammar engine does not
support: lookaround or lazy quantifiers in a regular expression terminal (`/.../`),
terminal priorities (`NUMBER.2: ...`), templates (`_list{item}: ...`), `%declare`, and
`%import` of anything but Lark's `common` grammar.

## Why is this bad?
The API compiles the grammar into its constrained decoder, which supports only this
subset of Lark; the request is rejected.

## Example
```lark
start: WORD ("," WORD)*
WORD.2: /[a-z]+?/
%import python.NAME
```

## Use instead
```lark
start: WORD ("," WORD)*
WORD: /[a-z]+/
%import common.WS
%ignore WS
```

## Fix safety
No fix.

## References
- OpenAI function calling guide, "Custom tools" and "Context-free grammars" (Lark features not supported)
- STRICT_MODE.md section 5
"""


def check_tool(ctx):
    if ctx.site.kind != CUSTOM:
        return
    from fcschema.grammar_check import LARK, grammar_of, lark_problems  # (custom tools only)

    grammar = grammar_of(ctx.site)
    if grammar is None or grammar.syntax != LARK:
        return
    for problem in lark_problems(grammar.definition):
        yield report(grammar.pointer, f"Lark grammar {problem.message}", anchor="value",
                     severity=None if problem.severity == "error" else problem.severity,
                     hint="rewrite the grammar with the supported subset of Lark")
