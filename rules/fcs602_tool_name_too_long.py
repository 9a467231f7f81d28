"""FCS602: a tool or response format name longer than the API allows."""

from fcschema.apipath import request_path
from fcschema.formats.model import CUSTOM, FUNCTION, RESPONSE_FORMAT, RESPONSES
from fcschema.ruleapi import report
from fcschema.targets import target_table

CODE = "FCS602"
NAME = "tool-name-too-long"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "Tool name longer than 64 characters (128 in the Responses API)"
DOC = """
## What it does
Reports a name longer than the API allows: 64 characters for Chat Completions,
Assistants and legacy `functions` (and MCP or Anthropic tools, which are usually sent
through Chat Completions), 128 for Responses API tools, 64 for response formats in both
APIs.

## Why is this bad?
The API answers HTTP 400 `Invalid 'tools[0].function.name': string too long. Expected a
string with maximum length 64, but got a string with length 70 instead.` Generated names
(`namespace__server__tool_name`) hit this.

## Example
A Chat Completions tool named `crm_salesforce_opportunity_pipeline_stage_history_export_to_csv_file`.

## Use instead
`crm_export_stage_history`.

## Fix safety
No fix: your code dispatches on the name.

## References
- OpenAI API reference, Chat Completions `tools[].function.name`, Responses `tools[].name`
- STRICT_MODE.md section 5
"""
TARGETS = target_table("Chat / Responses / response format", lambda t:
                       f"{t.chat_name_max} / {t.responses_name_max} / {t.response_format_name_max}")
KINDS = (FUNCTION, CUSTOM, RESPONSE_FORMAT)


def limit_for(site, target) -> int:
    if site.kind == RESPONSE_FORMAT:
        return target.response_format_name_max
    return target.responses_name_max if site.api == RESPONSES else target.chat_name_max


def check_tool(ctx):
    site = ctx.site
    if site.kind not in KINDS or not isinstance(site.name, str):
        return
    limit = limit_for(site, ctx.target)
    if len(site.name) <= limit:
        return
    yield report(site.name_pointer, f"name is {len(site.name)} characters long; the maximum here is {limit}",
                 anchor="value",
                 api=f"Invalid '{request_path(site, site.name_pointer)}': string too long. Expected a string "
                     f"with maximum length {limit}, but got a string with length {len(site.name)} instead.",
                 hint="shorten the name (and update the code that dispatches on it)")
