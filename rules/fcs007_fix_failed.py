"""FCS007: fixes were found but could not be written."""

CODE = "FCS007"
NAME = "fix-failed"
SEVERITY = "error"
APPLIES = "input"
FIX = "never"
SUMMARY = "Fixes could not be written to the file"
DOC = """
## What it does
Reports, during `--fix`, a file whose fixes were not written: it changed on disk since
fcschema read it (an editor or another tool wrote it meanwhile), it could not be written
(permissions, disk full), or a fix would have produced text that no longer parses (a bug in
fcschema, reported rather than written).

## Why is this bad?
The file still has the problems the fixes were meant to remove. Nothing was lost: fcschema
writes through a temporary file and a rename, so the file holds either its old text or the
fully fixed one, never a half-written mix.

## Example
Running `fcschema check --fix tools.json` while an editor saves `tools.json`.

## Use instead
Run the command again once the file is stable.

## Fix safety
No fix.

## References
- README: "Guarantees"
"""
