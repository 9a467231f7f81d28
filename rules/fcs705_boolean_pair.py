"""FCS705: two boolean properties that contradict each other (`enable`/`disable`)."""

import re

from fcschema.ruleapi import is_object_schema, report, types_of

CODE = "FCS705"
NAME = "boolean-pair"
SEVERITY = "info"
APPLIES = "always"
FIX = "never"
SUMMARY = "Pair of opposite boolean properties that allows invalid states"
DOC = """
## What it does
Reports two boolean properties of the same object whose names say opposite things:
one is the other with a word swapped for its opposite (`on`/`off`, `enable`/`disable`,
`enabled`/`disabled`, `show`/`hide`, `visible`/`hidden`, `include`/`exclude`,
`allow`/`deny`), or with `not` or `no` added (`is_active`/`is_not_active`,
`cache`/`no_cache`). Names are split at `_`, `-` and camelCase; nothing else is guessed.

## Why is this bad?
Both can be true (or both false), a state the function cannot mean; the model will
sometimes produce it. OpenAI's guide: make invalid states unrepresentable.

## Example
```json
{"properties": {"enable_cache": {"type": "boolean"}, "disable_cache": {"type": "boolean"}}}
```

## Use instead
```json
{"properties": {"cache": {"type": "boolean", "description": "Use the cache."}}}
```
or one `enum` (`"mode": {"enum": ["on", "off", "auto"]}`) when there are more than two states.

## Fix safety
No fix: the parameters change.

## References
- OpenAI function calling guide, "Best practices for defining functions" (make invalid states unrepresentable)
- STRICT_MODE.md section 5
"""
OPPOSITES = {}
for _a, _b in (("on", "off"), ("enable", "disable"), ("enabled", "disabled"), ("show", "hide"),
               ("visible", "hidden"), ("include", "exclude"), ("allow", "deny")):
    OPPOSITES[_a], OPPOSITES[_b] = _b, _a
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def words(name: str) -> tuple:
    return tuple(w.lower() for w in _WORDS.findall(name))


def opposites_of(name_words: tuple):
    """Word sequences that say the opposite of ``name_words``."""
    for i, word in enumerate(name_words):
        if word in OPPOSITES:
            yield name_words[:i] + (OPPOSITES[word],) + name_words[i + 1:]
    yield ("not",) + name_words
    yield ("no",) + name_words
    if len(name_words) > 1:
        yield name_words[:1] + ("not",) + name_words[1:]


NODES = ("properties",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    """Runs for every subschema: a cheap test first, the real check only where it may find something."""
    schema = node.schema
    if not (isinstance(schema, dict) and "properties" in schema):
        return ()
    return _findings(node, ctx)


def _findings(node, ctx):
    schema = node.schema
    if not is_object_schema(schema) or not isinstance(schema.get("properties"), dict):
        return
    booleans = {}
    for position, (key, prop) in enumerate(schema["properties"].items()):
        if "boolean" in types_of(prop) and isinstance(key, str) and words(key):
            booleans.setdefault(words(key), (position, key))
    reported = set()
    for name_words, (position, key) in booleans.items():
        for other in opposites_of(name_words):
            if other not in booleans or other == name_words:
                continue
            (first, second) = sorted([(position, key), booleans[other]])
            if second[1] in reported:
                continue
            reported.add(second[1])
            yield report(node.pointer + ("properties", second[1]),
                         f"booleans '{first[1]}' and '{second[1]}' say opposite things: both can be true "
                         "(or both false), a state the function cannot mean",
                         hint="keep one boolean, or use one enum for the states")
