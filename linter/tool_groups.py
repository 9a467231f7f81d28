"""Which tools are sent together: tools lists and requests, from the ToolSites of a file.

A tools list is identified by ``ToolSite.group`` (the list's pointer). A request may hold
two lists (`tools` and legacy `functions`), so rules about one request group lists by the
object that holds them. The inner tools of a Responses namespace form a list of their own.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from .diagnostics import Pointer
from .formats.model import NAMESPACE, ToolSite


def tool_lists(sites: Sequence[ToolSite]) -> Dict[Pointer, List[ToolSite]]:
    """Every tools list in the file, with the tools recognised in it (in order)."""
    lists: Dict[Pointer, List[ToolSite]] = {}
    for site in sites:
        if site.group is not None:
            lists.setdefault(tuple(site.group), []).append(site)
    return lists


def request_of(group: Pointer) -> Pointer:
    """The object a list belongs to (``/0/tools`` and ``/0/functions`` share ``/0``)."""
    group = tuple(group)
    if group and group[-1] in ("tools", "functions"):
        return group[:-1]
    return group


def requests(sites: Sequence[ToolSite]) -> Dict[Pointer, List[ToolSite]]:
    """Tools grouped by the request (or file-level list) they are sent in."""
    found: Dict[Pointer, List[ToolSite]] = {}
    for group, members in tool_lists(sites).items():
        found.setdefault(request_of(group), []).extend(members)
    return found


def namespace_lists(sites: Sequence[ToolSite]) -> Tuple[Pointer, ...]:
    """The lists that are the inner tools of a Responses namespace."""
    return tuple(tuple(site.pointer) + ("tools",) for site in sites if site.kind == NAMESPACE)
