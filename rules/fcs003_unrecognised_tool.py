"""FCS003: an entry of a tools list is not a tool in any known shape."""

CODE = "FCS003"
NAME = "unrecognised-tool"
SEVERITY = "error"
APPLIES = "input"
FIX = "never"
SUMMARY = "Entry in a tools list is not a recognised tool"
DOC = """
## What it does
Reports an entry of a `tools` (or `functions`) list, or of a file that is a list of tools,
that is not an object or has no `type` and matches none of the shapes fcschema knows:
Chat Completions and Assistants tools, legacy `functions` entries, Responses function,
custom and namespace tools, hosted tools, MCP and Anthropic tools.

## Why is this bad?
The API rejects a tools entry without a valid `type` with HTTP 400. An entry with an
unknown but well-formed `type` is treated as a hosted tool and left alone.

## Example
```json
{"tools": [{"parameters": {"type": "object"}}]}
```

## Use instead
```json
{"tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]}
```

## Fix safety
No fix.

## References
- STRICT_MODE.md section 1 (shapes)
"""
