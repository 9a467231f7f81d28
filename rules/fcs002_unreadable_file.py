"""FCS002: the file cannot be read as text."""

CODE = "FCS002"
NAME = "unreadable-file"
SEVERITY = "error"
APPLIES = "input"
FIX = "never"
SUMMARY = "File cannot be read as text"
DOC = """
## What it does
Reports a path that cannot be read (missing, no permission, a directory), a file over the
size limit (`--max-file-size`), a binary file, or one that is not valid UTF-8 (UTF-16 and
UTF-32 with a byte-order mark are read), with the position of the first bad byte.

## Why is this bad?
fcschema cannot tell whether such a file holds tool definitions. It is reported instead of
skipped, so nothing is silently left unchecked, and the other files are still checked.

## Example
A `tools.json` saved in Latin-1 with a `é` in a description.

## Use instead
Save the file as UTF-8.

## Fix safety
No fix.

## References
- RFC 8259 section 8.1: JSON text exchanged between systems must be UTF-8.
"""
