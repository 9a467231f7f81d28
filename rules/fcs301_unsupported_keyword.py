"""FCS301: a JSON Schema keyword that strict mode rejects by name."""

from fcschema.constraint_notes import note_for
from fcschema.diagnostics import SAFE, UNSAFE, Fix
from fcschema.fixbuild import note_in_description
from fcschema.fixops import Remove, RenameKey
from fcschema.ruleapi import context, report, types_of
from fcschema.targets import REJECTED_KEYWORDS, target_table

CODE = "FCS301"
NAME = "unsupported-keyword"
SEVERITY = "error"
APPLIES = "strict"
FIX = "sometimes"
SUMMARY = "Keyword that strict mode does not permit (`allOf`, `oneOf`, `minLength`, ...)"
DOC = """
## What it does
In a strict schema, reports every keyword that strict mode rejects by name, at the
keyword itself: `allOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentRequired`,
`dependentSchemas`, `minLength`, `maxLength`, `uniqueItems`, `patternProperties`,
`propertyNames`, `minProperties`, `maxProperties`, `unevaluatedProperties`,
`unevaluatedItems`, `contains`, `minContains`, `maxContains`, `prefixItems`, plus the
keywords the chosen target also rejects (see Targets). Keywords that a target's
documentation lists as unsupported while the service may accept them (`pattern`,
`format`, ranges on `azure`) are warnings.

## Why is this bad?
The API checks keywords against an allow-list before anything else and answers HTTP 400
`In context=(...), 'minLength' is not permitted.` With `strict` omitted in the Responses
API, the tool silently runs non-strict instead (FCS203).

## Example
```json
{"type": "object", "properties": {"code": {"type": "string", "minLength": 3}},
 "required": ["code"], "additionalProperties": false}
```

## Use instead
```json
{"type": "object", "properties": {"code": {"type": "string", "pattern": "^.{3,}$",
 "description": "At least 3 characters."}}, "required": ["code"], "additionalProperties": false}
```
(`oneOf` of disjoint objects becomes `anyOf`; `allOf` is merged by hand; a length limit
becomes a `pattern` or a sentence in the description.)

## Fix safety
`oneOf` becomes `anyOf` where the branches cannot both match (objects with different
property sets, or different scalar types): safe, the meaning is the same. A constraint
keyword (`minLength`, `maxLength`, `uniqueItems`, `minProperties`, `maxProperties`, and
the target's extra ones such as `pattern` or `minimum`) is removed and its meaning written
into the description ("At most 64 characters."): unsafe, because the API no longer
enforces it and the model only reads it. Structural keywords (`allOf`, `not`,
`if`/`then`/`else`, ...) have no fix.

## References
- OpenAI Structured Outputs guide, "Supported schemas" and "Some type-specific keywords are not yet supported"
- STRICT_MODE.md sections 2.2 and 6
"""


def _listed(keywords) -> str:
    return ", ".join(f"`{k}`" for k in sorted(keywords)) or "-"


TARGETS = ("Rejected on every target: " + ", ".join(f"`{k}`" for k in sorted(REJECTED_KEYWORDS)) +
           ".\n\nRejected by some targets only (errors):\n\n" +
           target_table("also rejected (errors)", lambda t: _listed(t.extra_rejected)) +
           "\n\nListed as unsupported by the target's documentation, but possibly accepted (warnings):\n\n" +
           target_table("doubtful (warnings)", lambda t: _listed(t.doubtful_keywords)))


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    target = ctx.target
    if not isinstance(schema, dict) or (REJECTED_KEYWORDS.isdisjoint(schema)
                                        and target.extra_rejected.isdisjoint(schema)
                                        and target.doubtful_keywords.isdisjoint(schema)):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    target = ctx.target
    for keyword in schema:
        if target.rejects(keyword):
            extra = keyword not in REJECTED_KEYWORDS
            where = f" on target {target.name}" if extra else ""
            yield report(node.pointer + (keyword,), f"`{keyword}` is not permitted in strict mode{where}",
                         api=ctx.schema_api(f"In {context(node.path)}, '{keyword}' is not permitted."),
                         hint=_hint(keyword, extra), fix=_fix(node, keyword))
        elif keyword in target.doubtful_keywords:
            yield report(node.pointer + (keyword,),
                         f"`{keyword}` is listed as unsupported by target {target.name}'s documentation; "
                         "the service may reject it", severity="warning",
                         api=ctx.schema_api(f"In {context(node.path)}, '{keyword}' is not permitted."),
                         hint=_hint(keyword, True))


def _hint(keyword: str, extra: bool) -> str:
    if keyword == "oneOf":
        return "use `anyOf` (the same when the branches cannot both match, e.g. objects with different keys)"
    if keyword == "allOf":
        return "merge the branches into one schema"
    if keyword in ("minLength", "maxLength"):
        return "express the length with `pattern` (e.g. `^.{1,64}$`) or state it in the description"
    if extra:
        return "remove it and state the constraint in the description, or choose a target that accepts it"
    return "remove it and state the constraint in the description"


def _fix(node, keyword):
    schema, pointer = node.schema, node.pointer
    if keyword == "oneOf":
        if node.is_root or "anyOf" in schema or not _disjoint(schema["oneOf"]):
            return None
        return Fix(SAFE, "Replace `oneOf` with `anyOf` (the branches cannot both match)",
                   ops=(RenameKey(pointer + ("oneOf",), "anyOf"),))
    note = note_for(keyword, schema[keyword])
    if note is None:
        return None
    ops = [Remove(pointer + (keyword,))]
    if note:
        ops.append(note_in_description(schema, pointer, note))
    return Fix(UNSAFE, f"Remove `{keyword}` and say it in the description (no longer enforced)", ops=tuple(ops))


def _disjoint(branches) -> bool:
    """Whether no value can match two branches: objects told apart by their property
    sets (strict mode closes and requires them all), scalars by their types."""
    if not isinstance(branches, list) or len(branches) < 2:
        return False
    seen_types, seen_keys = set(), set()
    for branch in branches:
        declared = types_of(branch)
        if len(declared) != 1 or "enum" in branch or "const" in branch:
            return False
        kind = declared[0]
        if kind == "object":
            properties = branch.get("properties")
            if not isinstance(properties, dict):
                return False
            keys = frozenset(properties)
            if keys in seen_keys:
                return False
            seen_keys.add(keys)
            continue
        if kind in ("integer", "number"):
            kind = "number"  # an integer is also a number
        if kind in seen_types:
            return False
        seen_types.add(kind)
    return True
