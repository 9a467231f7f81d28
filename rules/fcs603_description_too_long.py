"""FCS603: a tool description longer than the target allows."""

from fcschema.apipath import request_path
from fcschema.fixops import get
from fcschema.formats.model import CUSTOM, FUNCTION, RESPONSE_FORMAT
from fcschema.ruleapi import report
from fcschema.targets import target_table

CODE = "FCS603"
NAME = "description-too-long"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Tool description longer than the target allows (1024 on `openai-2024` and `azure`)"
DOC = """
## What it does
Reports the `description` of a function, custom tool or response format that is longer
than the target allows: 1024 characters on `openai-2024` and `azure`; `openai` has had
no limit since about May 2025, so nothing is reported there.

## Why is this bad?
The API answers HTTP 400 `Invalid 'tools[0].function.description': string too long.
Expected a string with maximum length 1024, but got a string with length 1500 instead.`

## Example
A tool whose description pastes in a whole manual page, sent to Azure OpenAI.

## Use instead
Keep the description to what the model needs to choose and call the tool; move details
into parameter descriptions.

## Fix safety
No fix.

## References
- OpenAI API reference, `tools[].function.description`; Azure OpenAI function calling documentation
- STRICT_MODE.md sections 5 and 6
"""
TARGETS = target_table("maximum description length", lambda t: t.description_max or "no limit")
KINDS = (FUNCTION, CUSTOM, RESPONSE_FORMAT)


def check_tool(ctx):
    site, limit = ctx.site, ctx.target.description_max
    if limit is None or site.kind not in KINDS or site.name is None or site.name_pointer is None:
        return
    holder = tuple(site.name_pointer[:-1])
    pointer = holder + ("description",)
    description = get(site.data, pointer[len(site.pointer):])
    if not isinstance(description, str) or len(description) <= limit:
        return
    yield report(pointer, f"description is {len(description)} characters long; target {ctx.target.name} "
                 f"allows {limit}", anchor="value",
                 api=f"Invalid '{request_path(site, pointer)}': string too long. Expected a string with "
                     f"maximum length {limit}, but got a string with length {len(description)} instead.",
                 hint="shorten it; move details into the parameters' descriptions")
