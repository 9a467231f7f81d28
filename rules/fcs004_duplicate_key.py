"""FCS004: the same key twice in one object."""

CODE = "FCS004"
NAME = "duplicate-key"
SEVERITY = "warning"
APPLIES = "input"
FIX = "never"
SUMMARY = "Duplicate key in an object"
DOC = """
## What it does
Reports a key that appears more than once in the same mapping of a YAML file.

## Why is this bad?
Parsers disagree on which value wins; most keep the last one silently, so the first value
(often the one the author edits) has no effect.

## Example
```yaml
parameters:
  type: object
  type: array
```

## Use instead
Keep one of the two keys.

## Fix safety
No fix: which value was meant is not known.

## References
- RFC 8259 section 4 ("names within an object SHOULD be unique")
"""
