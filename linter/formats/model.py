"""What recognition produces: one ToolSite per tool definition found in a document."""

from __future__ import annotations

from typing import Any, List, Optional

from ..diagnostics import Pointer
from ..record import Record

# Which API's rules apply.
CHAT = "chat"            # Chat Completions and Assistants
RESPONSES = "responses"
LEGACY = "legacy"        # Chat Completions `functions` (never strict)
MCP = "mcp"              # MCP tools/list entries ({name, description, inputSchema})
ANTHROPIC = "anthropic"  # Anthropic tools ({name, description, input_schema})

# What the definition is.
FUNCTION = "function"
CUSTOM = "custom"
RESPONSE_FORMAT = "response_format"
NAMESPACE = "namespace"
HOSTED = "hosted"

# How the API treats the schema.
STRICT_ON = "on"
STRICT_OFF = "off"
STRICT_AUTO = "auto"     # Responses with `strict` omitted: try strict, silently fall back


class ToolSite(Record):
    """One tool definition found in a document, with what the API will make of it."""

    __slots__ = ("pointer", "api", "kind", "shape", "data", "name", "name_pointer", "schema",
                 "schema_pointer", "strict", "strict_pointer", "strict_holder", "misplaced_strict",
                 "group", "index")

    def __init__(self, pointer: Pointer, api: str, kind: str, shape: str, data: Any,
                 name: Optional[str] = None, name_pointer: Optional[Pointer] = None, schema: Any = None,
                 schema_pointer: Optional[Pointer] = None, strict: str = STRICT_OFF,
                 strict_pointer: Optional[Pointer] = None, strict_holder: Optional[Pointer] = None,
                 misplaced_strict: Optional[List[Pointer]] = None, group: Optional[Pointer] = None,
                 index: Optional[int] = None):
        self.pointer = pointer              # the tool object in the document
        self.api = api
        self.kind = kind
        self.shape = shape                  # human label, e.g. "Chat Completions tool"
        self.data = data                    # the tool object itself
        self.name = name
        self.name_pointer = name_pointer
        self.schema = schema                # parameters / schema (None when absent)
        self.schema_pointer = schema_pointer
        self.strict = strict
        self.strict_pointer = strict_pointer  # where the effective `strict` is
        self.strict_holder = strict_holder    # the object where the API reads `strict`
        self.misplaced_strict = misplaced_strict if misplaced_strict is not None else []
        self.group = group                  # the list of tools it belongs to (one request)
        self.index = index                  # its index in that list

    @property
    def is_schema_tool(self) -> bool:
        return self.kind in (FUNCTION, RESPONSE_FORMAT)

    @property
    def label(self) -> str:
        if self.kind == RESPONSE_FORMAT:
            return f"response_format '{self.name}'" if self.name else "response_format"
        return f"function '{self.name}'" if self.name else "function"
