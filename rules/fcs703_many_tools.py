"""FCS703: more than 20 tools offered at once."""

from fcschema.formats.model import CUSTOM, FUNCTION
from fcschema.ruleapi import report
from fcschema.tool_groups import namespace_lists, request_of, requests

CODE = "FCS703"
NAME = "many-tools"
SEVERITY = "info"
APPLIES = "always"
FIX = "never"
SUMMARY = "More than 20 functions in one request"
DOC = """
## What it does
Reports a request (or a file-level list of tools) that offers more than 20 functions and
custom tools at once. Hosted tools and the inner tools of a Responses namespace are not
counted.

## Why is this bad?
OpenAI's function calling guide advises fewer than about 20 functions at a time: with
more, the model picks the wrong tool more often, and every definition costs input tokens
on every request.

## Example
A request with 35 tools for every feature of an app.

## Use instead
Route first (a small set of tools per topic), combine tools that differ only by a
parameter, or use namespaces with deferred loading in the Responses API.

## Fix safety
No fix.

## References
- OpenAI function calling guide, "Best practices for defining functions" (keep the number of functions small)
- STRICT_MODE.md section 5
"""
ADVISED_MAXIMUM = 20


def check_document(sites, settings):
    if len(sites) <= ADVISED_MAXIMUM:  # no request can hold more (most files: one tool, or a few)
        return
    inner = {request_of(group) for group in namespace_lists(sites)}
    for request, members in requests(sites).items():
        if request in inner:
            continue
        count = sum(1 for site in members if site.kind in (FUNCTION, CUSTOM))
        if count > ADVISED_MAXIMUM:
            group = members[0].group
            yield report(group, f"{count} functions in one request; the model chooses best among fewer "
                         f"than about {ADVISED_MAXIMUM}",
                         hint="send only the tools this conversation needs, or merge similar tools")
