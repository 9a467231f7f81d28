"""FCS006: YAML content that fcschema reads differently from how YAML wrote it."""

CODE = "FCS006"
NAME = "yaml-content-ignored"
SEVERITY = "warning"
APPLIES = "input"
FIX = "never"
SUMMARY = "YAML tag, non-string key or extra document that is not read as written"
DOC = """
## What it does
Reports YAML that has no JSON equivalent: tags such as `!!python/object` (never
constructed: the value is read as plain data), keys that are not strings (`1:` or `true:`),
and files holding more than one YAML document (only the first is checked).

## Why is this bad?
A tool definition is sent to the API as JSON. Whatever does not survive that conversion
means something other than what the file shows.

## Example
```yaml
name: !!python/object:os.system get_weather
```

## Use instead
```yaml
name: get_weather
```

## Fix safety
No fix.

## References
- YAML 1.2 core schema
"""
