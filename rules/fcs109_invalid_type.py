"""FCS109: a `type` that is not one of JSON Schema's seven type names."""

from fcschema.diagnostics import SAFE, UNSAFE, Fix
from fcschema.fixops import Replace, freeze
from fcschema.ruleapi import report

CODE = "FCS109"
NAME = "invalid-type"
SEVERITY = "error"
APPLIES = "always"
FIX = "sometimes"
SUMMARY = "`type` is not a JSON Schema type name (`dict`, `float`, `list`, ...)"
DOC = """
## What it does
Reports a `type` (or an entry of a type list) that is not one of `string`, `number`,
`integer`, `boolean`, `array`, `object` or `null`, in every schema, strict or not.
Programming-language names are common in hand-written and generated tools: `dict`,
`float`, `int`, `list`, `bool`, `str`, `tuple`, `any`, Java's `HashMap` or `ArrayList`.

## Why is this bad?
The API validates the schema against JSON Schema before anything else and answers HTTP
400: such a type is not valid under any of the allowed schemas. The exact text of that
error is not documented, so this rule has no `api_message`.

## Example
```json
{"type": "dict", "properties": {"ratio": {"type": "float"}}}
```

## Use instead
```json
{"type": "object", "properties": {"ratio": {"type": "number"}}}
```

## Fix safety
Names with one exact JSON counterpart are replaced (safe): `dict`/`map`/`HashMap` become
`object`, `float`/`double`/`decimal` `number`, `int`/`long`/`short`/`byte`/`bigint`
`integer`, `bool` `boolean`, `str`/`char` `string`, `list`/`ArrayList`/`Queue`/`Stack`
`array`. `tuple` becomes `array` (unsafe: the fixed length is lost). `any` has no fix: only
the author knows what the value is.

## References
- JSON Schema Validation, section 6.1.1 (`type`)
- STRICT_MODE.md sections 2.1 and 3
"""

JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
ALIASES = {
    "dict": "object", "map": "object", "hashmap": "object", "hashtable": "object", "mapping": "object",
    "float": "number", "double": "number", "decimal": "number", "real": "number",
    "int": "integer", "long": "integer", "short": "integer", "byte": "integer", "bigint": "integer",
    "bool": "boolean",
    "str": "string", "char": "string", "text": "string",
    "list": "array", "arraylist": "array", "queue": "array", "stack": "array", "set": "array",
}
UNSAFE_ALIASES = {"tuple": "array"}


NODES = ("type",)  # which nodes check_node is called for (engine._gate)


def check_node(node, ctx):
    schema = node.schema
    if not isinstance(schema, dict) or "type" not in schema:
        return ()
    declared = schema["type"]
    if isinstance(declared, str):
        if declared in JSON_TYPES:
            return ()
        return _findings(node, declared, [declared])
    names = declared if isinstance(declared, list) else [declared]
    if all(isinstance(n, str) and n in JSON_TYPES for n in names):
        return ()
    return _findings(node, declared, names)


def _findings(node, declared, names):
    bad = [n for n in names if not (isinstance(n, str) and n in JSON_TYPES)]
    replaced, unsafe = [], False
    for name in names:
        key = name.lower() if isinstance(name, str) else None
        if isinstance(name, str) and name in JSON_TYPES:
            replaced.append(name)
        elif key in ALIASES:
            replaced.append(ALIASES[key])
        elif key in UNSAFE_ALIASES:
            replaced.append(UNSAFE_ALIASES[key])
            unsafe = True
        elif isinstance(name, str) and key in JSON_TYPES:  # "String", "Object"
            replaced.append(key)
        else:
            replaced = None
            break
    fix = None
    if replaced is not None:
        value = replaced if isinstance(declared, list) else replaced[0]
        shown = value if isinstance(value, str) else list(value)
        fix = Fix(UNSAFE if unsafe else SAFE, f"Use the JSON Schema type {shown!r}",
                  ops=(Replace(node.pointer + ("type",), freeze(value) if isinstance(value, list) else value),))
    listed = ", ".join(repr(n) for n in bad)
    hint = "use one of string, number, integer, boolean, array, object, null"
    if fix is None:
        hint = ("no mechanical fix: only you know what this value is. Give it the JSON type it really "
                "has (often string), or an `anyOf` of the types it may take; " + hint)
    yield report(node.pointer + ("type",), f"{listed} is not a JSON Schema type", anchor="value", fix=fix,
                 hint=hint)
