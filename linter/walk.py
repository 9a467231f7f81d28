"""The one schema walker every rule shares.

It visits each subschema of a tool's schema once, in document order, without
recursion (a schema nested 100,000 levels deep must not raise RecursionError), and
never follows ``$ref`` (references are resolved on demand by the rules that need them).
"""

from __future__ import annotations

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


class SchemaNode:
    """One subschema as the walk visits it. A plain class with slots rather than a
    dataclass: the walk makes one for every node, and defining a dataclass costs about a
    millisecond of start-up."""

    __slots__ = ("schema", "pointer", "path", "keyword", "depth", "in_defs")

    def __init__(self, schema: Any, pointer: Pointer, path: Tuple[str, ...], keyword: Optional[str],
                 depth: int, in_defs: bool):
        self.schema = schema      # the subschema (a dict for well-formed schemas)
        self.pointer = pointer    # into the document
        self.path = path          # from the schema root, as the API names it in `context=(...)`
        self.keyword = keyword    # the keyword it sits under (None for the root)
        self.depth = depth        # nesting level of generated data (root = 1)
        self.in_defs = in_defs    # inside $defs / definitions

    def __repr__(self) -> str:
        return (f"SchemaNode(schema={self.schema!r}, pointer={self.pointer!r}, path={self.path!r}, "
                f"keyword={self.keyword!r}, depth={self.depth!r}, in_defs={self.in_defs!r})")

    @property
    def is_root(self) -> bool:
        return not self.path

    @property
    def parent_keyword(self) -> Optional[str]:
        return self.keyword


_SINGLE, _MAPPED, _LISTED = frozenset(SINGLE), frozenset(MAPPED), frozenset(LISTED)
_ANY_VALUE, _NESTING, _DEFS = frozenset(ANY_VALUE), frozenset(NESTING), frozenset(("$defs", "definitions"))


def walk(schema: Any, pointer: Pointer) -> Iterator[SchemaNode]:
    stack = [SchemaNode(schema, pointer, (), None, 1, False)]
    pop = stack.pop
    while stack:
        node = pop()
        yield node
        value = node.schema
        if not isinstance(value, dict):
            continue
        children = []
        add = children.append
        for keyword, child in value.items():
            if keyword in _SINGLE:
                if isinstance(child, dict) or (keyword == "items" and not isinstance(child, list)):
                    add(_child(node, keyword, (keyword,), (keyword,), child))
                elif keyword == "items" and isinstance(child, list):  # draft-4 tuple form
                    children.extend(_child(node, keyword, (keyword, i), (keyword, str(i)), c)
                                    for i, c in enumerate(child) if isinstance(c, dict))
            elif keyword in _MAPPED and isinstance(child, dict):
                # (the commonest step, made here rather than by _child)
                every = keyword in _ANY_VALUE
                in_defs = node.in_defs or keyword in _DEFS
                depth = 1 if keyword in _DEFS else node.depth + 1 if keyword in _NESTING else node.depth
                base_pointer, base_path = node.pointer, node.path
                for key, c in child.items():
                    if every or isinstance(c, dict):
                        steps = (keyword, key if type(key) is str else str(key))
                        add(SchemaNode(c, base_pointer + steps, base_path + steps, keyword, depth, in_defs))
            elif keyword in _LISTED and isinstance(child, list):
                every = keyword in _ANY_VALUE
                children.extend(_child(node, keyword, (keyword, i), (keyword, str(i)), c)
                                for i, c in enumerate(child) if every or isinstance(c, dict))
        if children:
            children.reverse()
            stack.extend(children)

def _child(node: SchemaNode, keyword: str, steps: tuple, path_steps: tuple, child: Any) -> SchemaNode:
    """``steps`` are document segments (ints for list indexes); ``path_steps`` the same as
    the strings of the API's path."""
    if keyword in _DEFS:
        depth = 1
    elif keyword in _NESTING:
        depth = node.depth + 1
    else:
        depth = node.depth
    return SchemaNode(child, node.pointer + steps, node.path + path_steps, keyword, depth,
                      node.in_defs or keyword in _DEFS)
