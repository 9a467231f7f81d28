"""FCS601: a function, custom tool or response format name with characters the API rejects."""

import re

from fcschema.apipath import request_path
from fcschema.formats.model import CUSTOM, FUNCTION, RESPONSE_FORMAT
from fcschema.diagnostics import UNSAFE, Fix
from fcschema.fixops import Replace
from fcschema.ruleapi import report
from fcschema.targets import NAME_PATTERN

CODE = "FCS601"
NAME = "invalid-tool-name"
SEVERITY = "error"
APPLIES = "always"
FIX = "sometimes"
SUMMARY = "Tool or response format name outside `^[a-zA-Z0-9_-]+$`"
DOC = """
## What it does
Reports the name of a function (every API, strict or not, MCP and Anthropic tools
included), a custom tool or a response format that does not match `^[a-zA-Z0-9_-]+$`:
dots, spaces, slashes, colons, non-ASCII letters, or an empty name.

## Why is this bad?
The API validates the request before it reads any schema and answers HTTP 400
`Invalid 'tools[0].function.name': string does not match pattern. Expected a string that
matches the pattern '^[a-zA-Z0-9_-]+$'.` MCP servers often name tools `files.read` or
`github/create_issue`.

## Example
```json
{"type": "function", "function": {"name": "files.read", "parameters": {...}}}
```

## Use instead
```json
{"type": "function", "function": {"name": "files_read", "parameters": {...}}}
```

## Fix safety
Unsafe: every character outside the pattern becomes `_` (`math.sum` becomes `math_sum`,
as the Berkeley Function Calling Leaderboard's own OpenAI adapter does). The name is how
your code dispatches the call, so the dispatch table must be renamed with it.

## References
- OpenAI API reference, Chat Completions `tools[].function.name`, Responses `tools[].name`
- STRICT_MODE.md section 5
"""
_VALID = re.compile(NAME_PATTERN)
_OTHER = re.compile(r"[^a-zA-Z0-9_-]")
KINDS = (FUNCTION, CUSTOM, RESPONSE_FORMAT)


def check_tool(ctx):
    site = ctx.site
    if site.kind not in KINDS or not isinstance(site.name, str) or _VALID.match(site.name):
        return
    bad = sorted(set(_OTHER.findall(site.name)))
    what = "is empty" if not site.name else f"contains {', '.join(repr(c) for c in bad)}"
    yield report(site.name_pointer, f"name {site.name!r} {what}; names may only use letters, digits, "
                 "'_' and '-'", anchor="value",
                 api=f"Invalid '{request_path(site, site.name_pointer)}': string does not match pattern. "
                     f"Expected a string that matches the pattern '{NAME_PATTERN}'.",
                 hint="replace the other characters with '_' (and the name your code dispatches on)",
                 fix=_rename(site.name, site.name_pointer))


def _rename(name, pointer):
    """Unsafe: the code that dispatches on the name must be renamed with it."""
    fixed = _OTHER.sub("_", name)
    if not fixed:
        return None
    return Fix(UNSAFE, f"Rename to {fixed!r} (rename it where your code dispatches on it too)",
               ops=(Replace(pointer, fixed),))
