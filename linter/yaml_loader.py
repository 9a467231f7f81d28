"""YAML -> plain data plus the span of every node, without constructing tags.

ruamel.yaml's composer gives nodes with start and end marks (from the events of libyaml's
parser where ruamel.yaml.clib is installed, else of the pure-Python one: see
``_compose_with_libyaml``); fcschema builds the data itself from those nodes so that:

* every key and value has an exact span (for diagnostics and text-edit fixes);
* tags such as ``!!python/object`` are never constructed: the scalar is read as text;
* alias expansion is bounded (a "billion laughs" document is refused, not expanded);
* duplicate and non-string keys are reported instead of silently merged.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from .diagnostics import Pointer
from .record import Record

CORE = "tag:yaml.org,2002:"
# Expanding aliases past this many nodes (and past ten times the distinct nodes) is a bomb.
MAX_EXPANDED_NODES = 200_000
# Deeper documents are refused at the place they pass it: ruamel's composer recurses once
# per level and its scanner slows down with every open flow level (seconds for 1,000).
MAX_DEPTH = 200
# Tags that only say which plain type a node has; any other tag is reported and ignored.
PLAIN_TAGS = {CORE + kind for kind in (
    "str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary", "merge", "value")}


class YamlLoadError(Exception):
    """A problem that stops the document from being read, with a character offset."""

    def __init__(self, message: str, offset: int, end: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.end = end if end is not None else offset


class YamlNote(NamedTuple):
    """A finding made while loading (duplicate key, ignored tag, ...)."""

    kind: str
    message: str
    pointer: Pointer
    start: int
    end: int


class LoadedYaml(Record):
    """A loaded YAML text: its data, where each member is, what loading noticed, and how
    many documents the stream held."""

    __slots__ = ("data", "members", "notes", "documents")

    def __init__(self, data: Any, members: Dict[Tuple[str, ...], tuple],
                 notes: Optional[List[YamlNote]] = None, documents: int = 1):
        self.data = data
        self.members = members
        self.notes = notes if notes is not None else []
        self.documents = documents


def _scalar(node) -> Any:
    tag = str(node.tag)
    value = node.value
    if node.style == ">" and "\a" in value:
        # ruamel's round-trip scanner marks where a folded scalar was folded with a BEL
        # (to write the folds back); the value has none (YAML cannot hold a raw BEL).
        value = value.replace("\a", "")
    if tag not in PLAIN_TAGS or node.style:  # quoted and tagged scalars stay text
        return value
    kind = tag[len(CORE):]
    if kind == "str":
        return value
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() in ("true", "yes", "on", "y")
    if kind == "int":
        text = value.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        try:
            if digits.lower().startswith(("0x", "0o", "0b")):
                return sign * int(digits, 0)
            if len(digits) > 1 and digits.startswith("0") and digits.isdigit():
                return sign * int(digits, 8)  # YAML 1.1 octal
            return sign * int(digits, 10)
        except ValueError:
            return value
    if kind == "float":
        text = value.replace("_", "").lower()
        if text in (".inf", "+.inf"):
            return float("inf")
        if text == "-.inf":
            return float("-inf")
        if text == ".nan":
            return float("nan")
        try:
            return float(text)
        except ValueError:
            return value
    return value  # timestamps, binary, ...: kept as written


def load_yaml(text: str) -> LoadedYaml:
    """Parse YAML text. Raises YamlLoadError for syntax errors and refused documents."""
    roots = _compose_with_libyaml(text)
    if roots is None:
        roots = _compose_pure(text)
    roots = [r for r in roots if r is not None]
    if not roots:
        return LoadedYaml(data=None, members={(): (None, None, 0, 0)}, documents=0)
    loaded = _build(roots[0])
    loaded.documents = len(roots)
    return loaded


def _compose_pure(text: str) -> list:
    """The documents of ``text`` composed by ruamel's pure-Python reader, scanner and parser
    (the reference: its messages and places are the ones fcschema reports)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = depth_limited_composer()
    try:
        return list(yaml.compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = mark.index if mark is not None else 0
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context}"
            if exc.context_mark is not None and exc.context_mark is not mark:
                problem += f" that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
            problem += ")"
        raise YamlLoadError(f"invalid YAML: {problem}", offset) from None
    except YAMLError as exc:
        raise YamlLoadError(f"invalid YAML: {exc}", 0) from None
    except RecursionError:
        raise YamlLoadError("YAML nesting is too deep to read", 0) from None


def _compose_with_libyaml(text: str) -> Optional[list]:
    """The documents of ``text`` composed from the events of libyaml (ruamel.yaml.clib's
    parser, about five times faster than the pure one), or None where the pure parser must
    read it: libyaml is not installed, or it reports a problem (the pure parser then says
    what and where, as always), or the text holds what the two read apart. Composing stays
    in Python, depth-limited: libyaml's own composer recurses in C, and a deeply nested
    document would crash the process.

    Where they differ (found by comparing them on the examples, on 3,526 tool files and on
    random edits of them): an empty value (libyaml places it right after its key's colon,
    the pure parser where the next token starts) and the characters of ``_READ_APART``.
    A text with any of those is read by the pure parser, so whatever the pure parser
    reads, both paths give the same data, spans, notes and messages (tests/test_yaml_loader).
    The other way round, libyaml reads a few texts the pure parser refuses: a JSON-like
    key in a flow sequence (``["a":b]``, YAML 1.2), a block scalar whose first line is
    blank and less indented than the next, some malformed tags (reported as tags)."""
    parser_class = _libyaml_parser()
    if parser_class is None or any(character in text for character in _READ_APART):
        return None
    try:
        loader = _EventLoader(parser_class, text)
    except Exception:  # text libyaml cannot take (a lone surrogate): the pure parser reports it
        return None
    composer = loader._composer
    roots = []
    try:
        while composer.check_node():
            roots.append(composer.get_node())
    except YamlLoadError:
        raise
    except Exception:  # libyaml's errors: the pure parser reports them
        return None
    finally:
        loader._parser.dispose()
    return None if composer.fcschema_empty_value else roots


# Characters libyaml and the pure parser read apart: a tab (libyaml takes it after a
# colon), a byte-order mark inside the text, and the line breaks of YAML 1.1 (NEL, LS, PS:
# libyaml breaks lines at them, the pure parser, as YAML 1.2, does not everywhere).
_READ_APART = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")


@lru_cache(maxsize=None)
def _libyaml_parser():
    try:
        from _ruamel_yaml import CParser  # ruamel.yaml.clib
    except ImportError:
        return None
    return CParser


class _EventLoader:
    """What ruamel's Composer and VersionedResolver read from a loader, around libyaml's
    parser. ``_scanner.yaml_version`` is where the resolver finds a ``%YAML`` directive's
    version (the pure scanner keeps it there; with libyaml it comes with the document's
    start event)."""

    max_depth = None  # (ruamel's own limit: fcschema's composer has one)

    def __init__(self, parser_class, text: str):
        from ruamel.yaml.resolver import VersionedResolver

        self._scanner = _Version()
        self._parser = parser_class(text)
        self._resolver = VersionedResolver(loader=self)
        self._composer = _event_composer()(loader=self)


class _Version:
    yaml_version = None


@lru_cache(maxsize=None)
def _event_composer():
    """The depth-limited composer, reading libyaml's events: it takes a ``%YAML``
    version from the document start, and notes an empty value (see _compose_with_libyaml)."""

    class EventComposer(depth_limited_composer()):
        fcschema_empty_value = False

        def compose_document(self):
            version = self.parser.peek_event().version
            if version is not None:
                self.loader._scanner.yaml_version = tuple(version)
            return super().compose_document()

        def compose_scalar_node(self, anchor):
            node = super().compose_scalar_node(anchor)
            if not node.value and not node.style:
                self.fcschema_empty_value = True
            return node

    return EventComposer


@lru_cache(maxsize=None)
def depth_limited_composer():
    """ruamel's Composer refusing documents nested deeper than ``MAX_DEPTH`` with a
    YamlLoadError at the node that passes it (also used by ``convert_io``)."""
    from ruamel.yaml.composer import Composer

    class DepthLimitedComposer(Composer):
        fcschema_depth = 0

        def compose_node(self, parent, index):
            self.fcschema_depth += 1
            try:
                if self.fcschema_depth > MAX_DEPTH:
                    raise YamlLoadError(f"YAML is nested too deeply to read (more than {MAX_DEPTH} levels here)",
                                        self.parser.peek_event().start_mark.index)
                return super().compose_node(parent, index)
            finally:
                self.fcschema_depth -= 1

    return DepthLimitedComposer


def _build(root) -> LoadedYaml:
    """Iteratively turn composed nodes into dicts, lists and scalars."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    members: Dict[Tuple[str, ...], tuple] = {}
    notes: List[YamlNote] = []
    distinct = set()
    expanded = 0
    result: List[Any] = [None]

    # Work items: (node, pointer, key_span, container, slot, ancestors)
    stack = [(root, (), None, result, 0, frozenset())]
    while stack:
        node, pointer, key_span, container, slot, ancestors = stack.pop()
        expanded += 1
        distinct.add(id(node))
        if expanded > MAX_EXPANDED_NODES and expanded > 10 * len(distinct):
            raise YamlLoadError(
                f"YAML aliases expand to more than {MAX_EXPANDED_NODES} nodes; refusing to expand "
                "(an alias bomb?)",
                node.start_mark.index,
            )
        str_pointer = tuple(str(s) for s in pointer)
        key_start, key_end = key_span if key_span else (None, None)
        members[str_pointer] = (key_start, key_end, node.start_mark.index, node.end_mark.index)
        tag = str(node.tag)
        if tag not in PLAIN_TAGS and tag not in ("?", "!"):
            notes.append(
                YamlNote("tag", f"YAML tag '{tag}' is not constructed; the value is read as plain data",
                         pointer, node.start_mark.index, node.end_mark.index)
            )
        if isinstance(node, ScalarNode):
            value = container[slot] = _scalar(node)
            if isinstance(value, float) and not math.isfinite(value):
                notes.append(YamlNote(
                    "number", f"'{node.value}' has no JSON equivalent (JSON has no NaN or Infinity): "
                    "the API cannot receive it", pointer, node.start_mark.index, node.end_mark.index))
            continue
        if id(node) in ancestors:
            raise YamlLoadError("YAML alias refers to its own ancestor (a recursive structure)",
                                node.start_mark.index)
        if len(pointer) >= MAX_DEPTH:  # aliases can nest deeper than the text does
            raise YamlLoadError(f"YAML is nested too deeply to read (more than {MAX_DEPTH} levels, "
                                "through aliases)", node.start_mark.index)
        inner = ancestors | {id(node)}
        if isinstance(node, SequenceNode):
            items: List[Any] = [None] * len(node.value)
            container[slot] = items
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], pointer + (index,), None, items, index, inner))
            continue
        if isinstance(node, MappingNode):
            mapping: Dict[str, Any] = {}
            container[slot] = mapping
            pending = []
            for key_node, value_node in _merged_pairs(node, notes, pointer):
                if not isinstance(key_node, ScalarNode):
                    notes.append(YamlNote("key", "a mapping key that is not a scalar is ignored",
                                          pointer, key_node.start_mark.index, key_node.end_mark.index))
                    continue
                key_value = _scalar(key_node)
                if not isinstance(key_value, str):
                    notes.append(YamlNote(
                        "key", f"key {key_node.value!r} is not a string in YAML; JSON keys are strings, "
                        f"so it is read as '{key_node.value}'", pointer + (key_node.value,),
                        key_node.start_mark.index, key_node.end_mark.index))
                    key_value = key_node.value
                if key_value in mapping:
                    notes.append(YamlNote(
                        "duplicate", f"duplicate key '{key_value}': the last value is used",
                        pointer + (key_value,), key_node.start_mark.index, key_node.end_mark.index))
                mapping[key_value] = None
                pending.append((value_node, pointer + (key_value,),
                                (key_node.start_mark.index, key_node.end_mark.index), mapping, key_value, inner))
            stack.extend(reversed(pending))
            continue
        container[slot] = None  # pragma: no cover - composer yields only the three kinds
    return LoadedYaml(data=result[0], members=members, notes=notes)


def _merged_pairs(node, notes, pointer):
    """Mapping pairs with YAML merge keys (``<<: *base``) applied, explicit keys winning."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    pairs = []
    merged = []
    for key_node, value_node in node.value:
        if str(key_node.tag) == CORE + "merge":
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode):
                    merged.extend(source.value)
            continue
        pairs.append((key_node, value_node))
    if not merged:
        return pairs
    explicit = {k.value for k, _ in pairs}
    return [(k, v) for k, v in merged if k.value not in explicit] + pairs
