"""FCS001: the file is not valid JSON or YAML."""

CODE = "FCS001"
NAME = "invalid-syntax"
SEVERITY = "error"
APPLIES = "input"
FIX = "never"
SUMMARY = "File is not valid JSON or YAML"
DOC = """
## What it does
Reports a file that cannot be parsed as JSON (for `.json` files) or YAML (for `.yaml` and
`.yml` files), or that is empty, at the position where the parser stopped.

## Why is this bad?
A tool definition that does not parse never reaches the API. The rest of the run goes on:
other files are still checked.

## Example
```json
{"type": "function", "function": {"name": "get_weather",}}
```

## Use instead
```json
{"type": "function", "function": {"name": "get_weather"}}
```

## Fix safety
No fix: fcschema cannot know what was meant.

## References
- RFC 8259 (JSON), YAML 1.2
"""
