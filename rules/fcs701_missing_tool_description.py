"""FCS701: a function or custom tool without a description."""

from fcschema.fixops import get
from fcschema.formats.model import CUSTOM, FUNCTION
from fcschema.ruleapi import report

CODE = "FCS701"
NAME = "missing-tool-description"
SEVERITY = "info"
APPLIES = "always"
FIX = "never"
SUMMARY = "Function or custom tool without a `description`"
DOC = """
## What it does
Reports a function (any API or shape) or custom tool whose `description` is missing or
blank. Response formats are not checked.

## Why is this bad?
The model chooses among tools by name and description; without a description it has to
guess when to call the tool and what the call does. OpenAI's function calling guide
asks for a clear, detailed description of every function.

## Example
```json
{"type": "function", "function": {"name": "lookup", "parameters": {...}}}
```

## Use instead
```json
{"type": "function", "function": {"name": "lookup",
  "description": "Find a customer by email address; returns null when there is none.",
  "parameters": {...}}}
```

## Fix safety
No fix: only the author can describe the tool.

## References
- OpenAI function calling guide, "Best practices for defining functions"
- STRICT_MODE.md section 5
"""


def check_tool(ctx):
    site = ctx.site
    if site.kind not in (FUNCTION, CUSTOM) or site.name is None or site.name_pointer is None:
        return
    holder = tuple(site.name_pointer[:-1])
    description = get(site.data, holder[len(site.pointer):] + ("description",))
    if isinstance(description, str) and description.strip():
        return
    yield report(site.name_pointer, f"tool {site.name!r} has no description", anchor="key",
                 hint="add a `description`: what the tool does and when to call it")
