"""FCS005: a tool's own fields (name, function, parameters, strict, type) are malformed."""

CODE = "FCS005"
NAME = "invalid-tool-field"
SEVERITY = "error"
APPLIES = "input"
FIX = "never"
SUMMARY = "Malformed tool field (name, function, parameters, strict, type)"
DOC = """
## What it does
Reports tool objects whose own fields have the wrong type or are missing: a tool without a
`name`, a Chat tool whose `function` is not an object, `parameters` that is not a JSON
Schema object, `strict` that is not a boolean, a `tools` entry without `type`, a Responses
function tool without `parameters` (a warning: the reference lists it as required).

## Why is this bad?
The API validates these fields before it looks at the schema and answers HTTP 400
(`Missing required parameter`, `Invalid type for ...`).

## Example
```json
{"type": "function", "function": {"name": "f", "strict": "true"}}
```

## Use instead
```json
{"type": "function", "function": {"name": "f", "strict": true}}
```

## Fix safety
No fix.

## References
- OpenAI API reference: Chat Completions `tools`, Responses `tools`
"""
