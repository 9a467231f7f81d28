"""FCS304: a keyword strict mode does not document (annotations, root keywords elsewhere)."""

from fcschema.ruleapi import report
from fcschema.targets import ANY_KEYWORDS, OPENAPI_KEYWORDS, REJECTED_KEYWORDS, ROOT_KEYWORDS, TYPED_KEYWORDS

CODE = "FCS304"
NAME = "undocumented-keyword"
SEVERITY = "warning"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Keyword outside strict mode's documented list (`examples`, `deprecated`, ...)"
DOC = """
## What it does
In a strict schema, reports keywords that are neither on strict mode's allow-list nor
rejected by name: annotations such as `examples`, `deprecated`, `readOnly`, `writeOnly`,
`$comment`, `contentMediaType`, vendor extensions (`x-...`), and `definitions` at the root
(the documented name is `$defs`). Root-only keywords (`$defs`, `$schema`, `$id`) below the
root are reported too. `nullable`, `discriminator`, `example` (FCS303), `default` (FCS305)
and keywords that belong to another type (FCS307) have their own rules.

## Why is this bad?
Whether the API accepts them is undocumented and has changed over time: a schema that
works today may be rejected with `'examples' is not permitted` tomorrow, and the model is
not guaranteed to see them. With `strict` omitted in the Responses API they are not
treated as a reason to fall back.

## Example
```json
{"type": "string", "description": "Country", "examples": ["FR", "DE"]}
```

## Use instead
```json
{"type": "string", "description": "Country, as an ISO 3166 code such as FR or DE"}
```

## Fix safety
No fix: what the annotation says may matter to the model, so it is moved into the
description by hand.

## References
- OpenAI Structured Outputs guide, "Supported schemas"
- STRICT_MODE.md section 2.2
"""
OWN_RULES = OPENAPI_KEYWORDS | {"default"}
# Keywords that never need a word from this rule (anywhere in the schema).
QUIET = ANY_KEYWORDS | TYPED_KEYWORDS | OWN_RULES | REJECTED_KEYWORDS


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and not QUIET.issuperset(schema)):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "$ref" in schema:
        return  # siblings of `$ref`: FCS403
    for keyword in schema:
        if keyword in QUIET or ctx.target.rejects(keyword):
            continue
        if keyword in ROOT_KEYWORDS:
            if node.is_root:
                if keyword != "definitions":
                    continue
                message = "`definitions` is undocumented for strict mode; the documented name is `$defs`"
                hint = "rename it to `$defs` (and the references to `#/$defs/...`)"
            else:
                message = f"`{keyword}` is documented at the schema root only"
                hint = f"move `{keyword}` to the root"
        elif keyword == "strict" and node.is_root and isinstance(schema[keyword], bool):
            continue  # FCS201: a misplaced strict flag
        else:
            message = f"`{keyword}` is not a documented strict-mode keyword; the API may reject it"
            hint = "remove it (move what it says into the description)"
        yield report(node.pointer + (keyword,), message, hint=hint)
