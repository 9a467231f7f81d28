"""FCS307: a keyword of another type (`pattern` on an integer, `items` on an object)."""

from fcschema.ruleapi import is_object_schema, report, types_of
from fcschema.targets import TYPE_KEYWORDS, TYPED_KEYWORDS, allowed_keywords

CODE = "FCS307"
NAME = "keyword-type-mismatch"
SEVERITY = "warning"
APPLIES = "strict"
FIX = "never"
SUMMARY = "Keyword that belongs to another type than the node's"
DOC = """
## What it does
In a strict schema, reports a keyword that strict mode allows only for another type than
the one the node declares: `pattern` or `format` on a number, `minimum` on a string,
`items` on an object, `properties` or `required` on an array, and so on (the allow-list
per type in STRICT_MODE.md 2.2). Nodes without a `type` are left to FCS105; nodes with an
unknown type name (`dict`, `float`) are not checked.

## Why is this bad?
The keyword has no effect on that type, so the constraint the author meant is not
enforced; whether the API rejects such a schema is undocumented. It is usually a typo
or a wrong `type`.

## Example
```json
{"type": "integer", "pattern": "^[0-9]{4}$", "description": "Year"}
```

## Use instead
```json
{"type": "integer", "minimum": 1000, "maximum": 9999, "description": "Year"}
```

## Fix safety
No fix: either the type or the keyword is wrong.

## References
- OpenAI Structured Outputs guide, "Supported properties"
- STRICT_MODE.md section 2.2
"""


NODES = TYPED_KEYWORDS  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and not TYPED_KEYWORDS.isdisjoint(schema)):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "$ref" in schema:
        return
    types = types_of(schema)
    if any(t not in TYPE_KEYWORDS for t in types):
        return  # an unknown type name ("dict", "float"): the keywords meant are anyone's guess
    if not types:
        if not is_object_schema(schema):
            return
        types = ("object",)
    allowed = allowed_keywords(types, node.is_root)
    for keyword in schema:
        if keyword not in TYPED_KEYWORDS or keyword in allowed or ctx.target.rejects(keyword):
            continue
        owners = sorted(t for t, keywords in TYPE_KEYWORDS.items() if keyword in keywords)
        yield report(node.pointer + (keyword,),
                     f"`{keyword}` applies to {'/'.join(owners)} schemas, but this node is "
                     f"{'/'.join(types)}: it has no effect", hint="fix the `type`, or remove the keyword")
