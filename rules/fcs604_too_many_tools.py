"""FCS604: more than 128 tools in one list."""

from fcschema.apipath import list_path
from fcschema.formats.model import RESPONSES
from fcschema.ruleapi import report
from fcschema.targets import target_table
from fcschema.tool_groups import namespace_lists, tool_lists

CODE = "FCS604"
NAME = "too-many-tools"
SEVERITY = "error"
APPLIES = "always"
FIX = "never"
SUMMARY = "More than 128 tools in one request"
DOC = """
## What it does
Counts the entries recognised in each tools list of a file (a request's `tools` or
`functions`, a file that is a list of tools, a namespace's `tools`; hosted tools count)
and reports a list longer than the limit (128). The limit is documented for Chat
Completions; for the Responses API and inside namespaces it is probable but not
documented, so there it is a warning.

## Why is this bad?
The API answers HTTP 400 `Invalid 'tools': array too long. Expected an array with
maximum length 128, but got an array with length 130 instead.`

## Example
A request that sends every tool of every connected MCP server.

## Use instead
Send only the tools the conversation needs (route by topic first), or use the Responses
API's namespaces and deferred loading.

## Fix safety
No fix.

## References
- OpenAI API reference, Chat Completions `tools` ("A max of 128 functions are supported")
- STRICT_MODE.md section 5
"""
TARGETS = target_table("tools per list", lambda t: t.tools_per_request)


def check_document(sites, settings):
    limit = settings.target.tools_per_request
    if len(sites) <= limit:  # no list can be longer (most files: one tool, or a few)
        return
    inner = set(namespace_lists(sites))
    for group, members in tool_lists(sites).items():
        if len(members) <= limit:
            continue
        uncertain = group in inner or any(site.api == RESPONSES for site in members)
        where = list_path(group)
        yield report(group, f"{len(members)} tools in one list; the API accepts at most {limit}"
                     + (" (documented for Chat Completions; probable here)" if uncertain else ""),
                     api=f"Invalid '{where}': array too long. Expected an array with maximum length {limit}, "
                         f"but got an array with length {len(members)} instead.",
                     severity="warning" if uncertain else None,
                     hint="send only the tools this request needs")
