"""The one schema walker every rule shares.

It visits each subschema of a tool's schema once, in document order, without
recursion (a schema nested 100,000 levels deep must not raise RecursionError), and
never follows ``$ref`` (references are resolved on demand by the rules that need them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional, Tuple

from .diagnostics import Pointer

# Keywords whose value is one subschema / a map of subschemas / a list of subschemas.
SINGLE = ("items", "additionalProperties", "not", "if", "then", "else", "contains",
          "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems")
MAPPED = ("properties", "$defs", "definitions", "patternProperties", "dependentSchemas")
LISTED = ("anyOf", "oneOf", "allOf", "prefixItems")
# Where a non-object value (``true``, ``{}``-less ``"string"``) still stands for a subschema
# that the API will reject, so rules get to see it. Elsewhere (``additionalProperties:
# false``) a boolean is a flag, not a schema.
ANY_VALUE = ("properties", "$defs", "definitions", "anyOf", "oneOf", "allOf", "prefixItems", "items")
# Steps that go one level deeper in the data the model generates (spec 2.5 nesting).
NESTING = ("properties", "items", "additionalProperties", "prefixItems", "patternProperties")


@dataclass
class SchemaNode:
    schema: Any              # the subschema (a dict for well-formed schemas)
    pointer: Pointer         # into the document
    path: Tuple[str, ...]    # from the schema root, as the API names it in `context=(...)`
    keyword: Optional[str]   # the keyword it sits under (None for the root)
    depth: int               # nesting level of generated data (root = 1)
    in_defs: bool            # inside $defs / definitions

    @property
    def is_root(self) -> bool:
        return not self.path

    @property
    def parent_keyword(self) -> Optional[str]:
        return self.keyword


def walk(schema: Any, pointer: Pointer) -> Iterator[SchemaNode]:
    stack = [SchemaNode(schema, pointer, (), None, 1, False)]
    while stack:
        node = stack.pop()
        yield node
        value = node.schema
        if not isinstance(value, dict):
            continue
        children = []
        for keyword, child in value.items():
            if keyword in SINGLE:
                if isinstance(child, dict) or (keyword == "items" and not isinstance(child, list)):
                    children.append(_child(node, keyword, (keyword,), child))
                elif keyword == "items" and isinstance(child, list):  # draft-4 tuple form
                    children.extend(_child(node, keyword, (keyword, i), c)
                                    for i, c in enumerate(child) if isinstance(c, dict))
            elif keyword in MAPPED and isinstance(child, dict):
                children.extend(_child(node, keyword, (keyword, str(k)), c)
                                for k, c in child.items() if isinstance(c, dict) or keyword in ANY_VALUE)
            elif keyword in LISTED and isinstance(child, list):
                children.extend(_child(node, keyword, (keyword, i), c)
                                for i, c in enumerate(child) if isinstance(c, dict) or keyword in ANY_VALUE)
        stack.extend(reversed(children))


def _child(node: SchemaNode, keyword: str, steps: tuple, child: Any) -> SchemaNode:
    """``steps`` are document segments (ints for list indexes); the API's path uses strings."""
    in_defs = node.in_defs or keyword in ("$defs", "definitions")
    depth = node.depth + 1 if keyword in NESTING else node.depth
    if keyword in ("$defs", "definitions"):
        depth = 1
    return SchemaNode(child, node.pointer + steps, node.path + tuple(str(s) for s in steps),
                      keyword, depth, in_defs)
