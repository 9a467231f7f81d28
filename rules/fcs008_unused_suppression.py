"""FCS008: a suppression that silences nothing."""

CODE = "FCS008"
NAME = "unused-suppression"
SEVERITY = "warning"
APPLIES = "input"
FIX = "never"
SUMMARY = "Suppression comment or configured ignore that silences nothing"
DOC = """
## What it does
Reports a `# fcschema: ignore[...]` comment in a YAML file, or an entry of `ignores` in the
configuration (a file glob and a JSON pointer, for JSON files), that silenced no
diagnostic in this run.

## Why is this bad?
A suppression outlives the problem it was written for; left in place it would hide the
next, different problem at the same spot. Removing stale ones keeps the silence honest.

## Example
```yaml
parameters:   # fcschema: ignore[FCS101]
  type: object
  properties: {}
  required: []
  additionalProperties: false
```

## Use instead
```yaml
parameters:
  type: object
  properties: {}
  required: []
  additionalProperties: false
```

## Fix safety
No fix: fcschema does not edit comments.

## References
- README: "Suppressions"
"""
