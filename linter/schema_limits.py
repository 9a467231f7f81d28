"""The sizes the API limits (spec 2.5), measured in one pass over a tool's schema.

Counted as written: a `$defs` entry used ten times counts once for properties,
characters and enum values (how the API counts reused definitions is undocumented).
Nesting depth follows references: a `$ref` at level 3 to a definition three levels deep
reaches level 5. Recursive references are not followed (the API supports recursion, so
it cannot count through it). Everything is linear in the size of the schema: places are
kept as links to their parent and become JSON pointers only when a rule reports them.
"""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from .diagnostics import Pointer
from .fixbuild import describe_value
from .record import Record
from .refs import resolver_for
from .walk import ANY_VALUE, LISTED, MAPPED, NESTING, SINGLE

DEFS = ("$defs", "definitions")
_SINGLE, _MAPPED, _LISTED = frozenset(SINGLE), frozenset(MAPPED), frozenset(LISTED)
_NESTING, _ANY_VALUE, _DEFS = frozenset(NESTING), frozenset(ANY_VALUE), frozenset(DEFS)
# The keywords measure() reads: a node with none of them adds nothing but its depth.
_COUNTED = _SINGLE | _MAPPED | _LISTED | {"enum", "const", "$ref"}
Place = Any   # (parent place, steps), or (None, pointer) for the schema root


def pointer_of(place: Place) -> Pointer:
    """The JSON pointer of a place."""
    parts = []
    while place is not None:
        place, steps = place
        parts.append(steps)
    return tuple(segment for steps in reversed(parts) for segment in steps)


class LargeEnum(NamedTuple):
    place: Place
    values: int
    characters: int

    @property
    def pointer(self) -> Pointer:
        return pointer_of(self.place)


class Deepest(NamedTuple):
    depth: int
    place: Place              # the deepest node, or the `$ref` through which it is reached
    via_ref: Optional[str] = None

    @property
    def pointer(self) -> Pointer:
        return pointer_of(self.place)


class SchemaSizes(Record):
    """What the size limits count in one tool's schema: ``enums`` holds (place, values) of
    every enum, ``string_enums`` the string enums above the large-enum threshold."""

    __slots__ = ("properties", "characters", "enum_values", "enums", "string_enums", "deepest")

    def __init__(self):
        self.properties = 0
        self.characters = 0
        self.enum_values = 0
        self.enums: List[Tuple[Place, int]] = []
        self.string_enums: List[LargeEnum] = []
        self.deepest: Optional[Deepest] = None

    def enum_crossing(self, limit: int) -> Optional[Pointer]:
        """The first enum (in document order) at which the running count of values passes ``limit``."""
        running = 0
        for place, values in self.enums:
            running += values
            if running > limit:
                return pointer_of(place)
        return None


def value_characters(value: Any) -> int:
    """A string counts its characters; another value the characters of its JSON text."""
    if isinstance(value, str):
        return len(value)
    try:
        return len(describe_value(value))
    except (TypeError, ValueError):
        return len(str(value))


def sizes_for(ctx) -> SchemaSizes:
    """The sizes of the tool's schema, measured once per tool and shared by the limit rules."""
    sizes = getattr(ctx, "_fcschema_sizes", None)
    if sizes is None or sizes[0] is not ctx.site.schema:
        sizes = (ctx.site.schema, measure(ctx.site.schema, ctx.site.schema_pointer or (), ctx,
                                          ctx.target.large_enum_size))
        setattr(ctx, "_fcschema_sizes", sizes)
    return sizes[1]


def measure(schema: Any, pointer: Pointer, ctx, large_enum_size: int = 250) -> SchemaSizes:
    """One pass over the schema. It visits the subschemas ``fcschema.walk`` visits, with the
    same depth, but keeps only what the limits need (this runs for every strict tool)."""
    sizes = SchemaSizes()
    resolver = None
    # Depth is computed per "unit": the root, and each $defs entry (whose depth restarts at 1).
    local: Dict[tuple, Tuple[int, Place]] = {}
    edges: Dict[tuple, List[Tuple[int, tuple, Place, str]]] = {}
    stack = [(schema, (None, tuple(pointer)), 1, ())]
    while stack:
        value, place, depth, unit = stack.pop()
        best = local.get(unit)
        if best is None or depth > best[0]:
            local[unit] = (depth, place)
        if not isinstance(value, dict) or _COUNTED.isdisjoint(value):
            continue  # (most nodes: a leaf such as {"type": "string", "description": ...})
        children = []
        for keyword, child in value.items():
            if keyword in _SINGLE:
                step = depth + 1 if keyword in _NESTING else depth
                if isinstance(child, dict) or (keyword == "items" and not isinstance(child, list)):
                    children.append((child, (place, (keyword,)), step, unit))
                elif keyword == "items" and isinstance(child, list):
                    children.extend((c, (place, (keyword, i)), step, unit) for i, c in enumerate(child)
                                    if isinstance(c, dict))
            elif keyword in _MAPPED and isinstance(child, dict):
                if keyword == "properties":
                    sizes.properties += len(child)
                    sizes.characters += sum(len(str(key)) for key in child)
                elif keyword in _DEFS:
                    sizes.characters += sum(len(str(key)) for key in child)
                every = keyword in _ANY_VALUE
                step = depth + 1 if keyword in _NESTING else depth
                for key, c in child.items():
                    if not (isinstance(c, dict) or every):
                        continue
                    if keyword in _DEFS:
                        children.append((c, (place, (keyword, key)), 1,
                                         (keyword, str(key)) if value is schema else unit))
                    else:
                        children.append((c, (place, (keyword, key)), step, unit))
            elif keyword in _LISTED and isinstance(child, list):
                every = keyword in _ANY_VALUE
                step = depth + 1 if keyword in _NESTING else depth
                children.extend((c, (place, (keyword, i)), step, unit) for i, c in enumerate(child)
                                if isinstance(c, dict) or every)
            elif keyword == "enum" and isinstance(child, list):
                characters = sum(value_characters(v) for v in child)
                sizes.enum_values += len(child)
                sizes.characters += characters
                sizes.enums.append(((place, ("enum",)), len(child)))
                if len(child) > large_enum_size and all(isinstance(v, str) or v is None for v in child):
                    sizes.string_enums.append(LargeEnum((place, ("enum",)), len(child), characters))
            elif keyword == "const":
                sizes.characters += value_characters(child)
            elif keyword == "$ref" and isinstance(child, str):
                resolver = resolver or resolver_for(ctx)
                hop = resolver.resolve(child)
                if hop.ok and (hop.path == () or (len(hop.path) == 2 and hop.path[0] in _DEFS)):
                    edges.setdefault(unit, []).append((depth, tuple(str(s) for s in hop.path), place, child))
        stack.extend(reversed(children))  # document order, so "the enum that crosses" is the first
    units = {unit: Deepest(depth, place) for unit, (depth, place) in local.items()}
    sizes.deepest = units[()] if not edges else _deepest_from_root(units, edges)
    return sizes


def _deepest_from_root(local, edges) -> Optional[Deepest]:
    """Longest nesting reachable from the root through references; references that loop
    back (recursion) are not followed. Iterative: long reference chains cannot overflow."""
    if () not in local:
        return None
    done: Dict[tuple, Deepest] = {}
    active = set()
    stack = [[(), iter(edges.get((), ())), Deepest(local[()].depth, local[()].place), None]]
    active.add(())
    while stack:
        frame = stack[-1]
        unit, pending, best, _ = frame
        descended = False
        for depth, target, pointer, ref in pending:
            if target not in local or target in active:
                continue
            if target in done:
                reached = depth + done[target].depth - 1
                if reached > best.depth:
                    frame[2] = best = Deepest(reached, pointer, ref)
                continue
            frame[3] = (depth, target, pointer, ref)
            active.add(target)
            start = Deepest(local[target].depth, local[target].place)
            stack.append([target, iter(edges.get(target, ())), start, None])
            descended = True
            break
        if descended:
            continue
        stack.pop()
        active.discard(unit)
        done[unit] = best
        if stack:
            parent = stack[-1]
            depth, target, pointer, ref = parent[3]
            reached = depth + best.depth - 1
            if reached > parent[2].depth:
                parent[2] = Deepest(reached, pointer, ref)
    return done.get(())
