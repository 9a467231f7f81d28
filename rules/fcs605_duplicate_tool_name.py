"""FCS605: two tools with the same name in one request."""

from fcschema.formats.model import CUSTOM, FUNCTION, NAMESPACE
from fcschema.ruleapi import report
from fcschema.tool_groups import requests

CODE = "FCS605"
NAME = "duplicate-tool-name"
SEVERITY = "warning"
APPLIES = "always"
FIX = "never"
SUMMARY = "Two tools with the same name in one request"
DOC = """
## What it does
Reports a function, custom tool or namespace whose name is already used by another one
in the same request (its `tools` and `functions` lists together, or the same file-level
list of tools, or the same namespace).

## Why is this bad?
The model calls tools by name: with two tools of one name, your code cannot tell which
one was meant, and the model sees two descriptions for one name. Whether the API rejects
it is undocumented.

## Example
```json
{"tools": [{"type": "function", "function": {"name": "search", ...}},
           {"type": "function", "function": {"name": "search", ...}}]}
```

## Use instead
Give each tool its own name (`search_orders`, `search_customers`), or merge them.

## Fix safety
No fix.

## References
- STRICT_MODE.md section 5
"""
KINDS = (FUNCTION, CUSTOM, NAMESPACE)


def check_document(sites, settings):
    if len(sites) < 2:
        return
    for members in requests(sites).values():
        first = {}
        for site in members:
            if site.kind not in KINDS or not isinstance(site.name, str):
                continue
            if site.name in first:
                diagnostic = report(site.name_pointer, f"tool name {site.name!r} is already used by another "
                                    "tool in this request", anchor="value",
                                    hint="give each tool a distinct name, or merge the two")
                diagnostic.tool = site.name
                yield diagnostic
            else:
                first[site.name] = site
