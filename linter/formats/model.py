"""What recognition produces: one ToolSite per tool definition found in a document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Optional

from ..diagnostics import Pointer

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


@dataclass
class ToolSite:
    pointer: Pointer                 # the tool object in the document
    api: str
    kind: str
    shape: str                       # human label, e.g. "Chat Completions tool"
    data: Any                        # the tool object itself
    name: Optional[str] = None
    name_pointer: Optional[Pointer] = None
    schema: Any = None               # parameters / schema (None when absent)
    schema_pointer: Optional[Pointer] = None
    strict: str = STRICT_OFF
    strict_pointer: Optional[Pointer] = None      # where the effective `strict` is
    strict_holder: Optional[Pointer] = None       # the object where the API reads `strict`
    misplaced_strict: List[Pointer] = field(default_factory=list)
    group: Optional[Pointer] = None  # the list of tools it belongs to (one request)
    index: Optional[int] = None      # its index in that list

    @property
    def is_schema_tool(self) -> bool:
        return self.kind in (FUNCTION, RESPONSE_FORMAT)

    @property
    def label(self) -> str:
        if self.kind == RESPONSE_FORMAT:
            return f"response_format '{self.name}'" if self.name else "response_format"
        return f"function '{self.name}'" if self.name else "function"
