"""Resolving `$ref` inside one schema, without fetching and without recursion.

The API supports local references only (``#``, ``#/$defs/name``; ``#/definitions/name``
in practice), including recursive schemas (spec 2.3). The resolver never expands a
reference: it answers "where does this reference point" (one hop) and "where does this
chain of references end" (following nodes that are nothing but another ``$ref``), both
memoised per reference string, so a chain of 10,000 references costs linear time and a
chain that loops back is reported instead of followed forever.
"""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Tuple

OK = "ok"
MISSING = "missing"        # local, but nothing is at that place
MALFORMED = "malformed"    # not a usable reference string
REMOTE = "remote"          # another document (a URL, a file, a URN): never fetched
CYCLE = "cycle"            # a chain of references that loops back on itself

Path = Tuple[Any, ...]     # segments from the schema root (ints index lists)


class Resolution(NamedTuple):
    ref: Any
    status: str
    path: Optional[Path] = None    # where the target is (status OK)
    target: Any = None
    reason: str = ""
    chain: Tuple[str, ...] = ()    # for CYCLE: the references that loop

    @property
    def ok(self) -> bool:
        return self.status == OK


def parse_ref(ref: Any) -> Tuple[str, Optional[Tuple[str, ...]], str]:
    """(status, pointer segments, reason) for a `$ref` value, before looking anything up."""
    if not isinstance(ref, str):
        return MALFORMED, None, f"`$ref` must be a string, not {type(ref).__name__}"
    if ref == "":
        return MALFORMED, None, "`$ref` is empty"
    if not ref.startswith("#"):
        return REMOTE, None, "it points to another document, which the API does not fetch"
    fragment = _unquote(ref[1:])
    if fragment == "":
        return OK, (), ""
    if not fragment.startswith("/"):
        return MISSING, None, (f"'{ref}' is a plain-name fragment ($anchor), which the API does "
                               "not support; use '#/$defs/<name>'")
    segments = []
    for raw in fragment[1:].split("/"):
        if "~" in raw.replace("~0", "").replace("~1", ""):
            return MALFORMED, None, f"'{ref}' has an invalid JSON pointer escape (only ~0 and ~1 exist)"
        segments.append(raw.replace("~1", "/").replace("~0", "~"))
    return OK, tuple(segments), ""


def _index(segment: str) -> Optional[int]:
    """An array index in a JSON pointer: digits without a leading zero."""
    if segment.isdigit() and (segment == "0" or not segment.startswith("0")):
        return int(segment)
    return None


class Resolver:
    """Resolves the references of one schema (its root is what ``#`` means)."""

    def __init__(self, root: Any):
        self.root = root
        self._hop: Dict[Any, Resolution] = {}
        self._end: Dict[Any, Resolution] = {}

    def resolve(self, ref: Any) -> Resolution:
        """One hop: the node the reference names."""
        key = ref if isinstance(ref, str) else repr(ref)
        found = self._hop.get(key)
        if found is None:
            found = self._hop[key] = self._lookup(ref)
        return found

    def _lookup(self, ref: Any) -> Resolution:
        status, segments, reason = parse_ref(ref)
        if status != OK:
            return Resolution(ref, status, reason=reason)
        node, path = self.root, []
        for segment in segments:
            if isinstance(node, dict) and segment in node:
                node = node[segment]
                path.append(segment)
            elif isinstance(node, list) and _index(segment) is not None and _index(segment) < len(node):
                node = node[int(segment)]
                path.append(int(segment))
            else:
                return Resolution(ref, MISSING, reason=f"'{ref}' does not resolve: nothing at "
                                                       f"'/{'/'.join(segments)}' in this schema")
        return Resolution(ref, OK, tuple(path), node)

    def final(self, ref: Any) -> Resolution:
        """Follow nodes that are only another reference until a real schema (or a failure)."""
        key = ref if isinstance(ref, str) else repr(ref)
        if key in self._end:
            return self._end[key]
        chain: List[Any] = []
        position: Dict[Any, int] = {}
        current = ref
        while True:
            current_key = current if isinstance(current, str) else repr(current)
            if current_key in self._end:
                result = self._end[current_key]
                break
            position[current_key] = len(chain)
            chain.append(current)
            hop = self.resolve(current)
            nxt = hop.target.get("$ref") if hop.ok and isinstance(hop.target, dict) else None
            if nxt is None:
                result = hop
                break
            nxt_key = nxt if isinstance(nxt, str) else repr(nxt)
            if nxt_key in position:
                loop = tuple(str(r) for r in chain[position[nxt_key]:]) + (str(nxt),)
                result = Resolution(ref, CYCLE, reason="the references loop back without reaching a schema",
                                    chain=loop)
                break
            current = nxt
        for item in chain:
            self._end[item if isinstance(item, str) else repr(item)] = result
        return result


def resolver_for(ctx) -> Resolver:
    """The resolver of the tool being checked, shared by every rule (one per tool)."""
    schema = ctx.site.schema
    resolver = getattr(ctx, "_fcschema_resolver", None)
    if resolver is None or resolver.root is not schema:
        resolver = Resolver(schema)
        setattr(ctx, "_fcschema_resolver", resolver)
    return resolver


def describe_chain(chain: Tuple[str, ...], limit: int = 6) -> str:
    """``a -> b -> a``, shortened in the middle for long loops."""
    if len(chain) > limit:
        chain = chain[: limit // 2] + ("...",) + chain[-(limit // 2):]
    return " -> ".join(chain)


def _unquote(text: str) -> str:
    """Percent-decoding (a URI fragment); urllib is imported only for a fragment that has
    a ``%`` (it takes a tenth of start-up)."""
    if "%" not in text:
        return text
    from urllib.parse import unquote

    return unquote(text)
