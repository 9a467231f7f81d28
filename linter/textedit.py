"""Fix operations -> text edits at exact spans of a JSON or YAML file.

Only the bytes a fix must change are touched: everything else (comments, key order,
quoting, flow style, indentation, line endings) stays as the author wrote it. Inserted
text copies the style around it: JSON separators and indentation, YAML block or flow.
"""

from __future__ import annotations

import json
import re
from functools import partial
from typing import Any, List, Optional

from .diagnostics import Edit, Pointer
from .document import Document
from .fixops import AddToArray, Op, Remove, RenameKey, Replace, ReplaceMember, SetMember, _Frozen, get
from .json_encoding import compact_encoder
from .record import make_fixed
from .sourcemap import content_end

_PLAIN_YAML = re.compile(r"[A-Za-z_][A-Za-z0-9_.\- ]*[A-Za-z0-9_.\-]|[A-Za-z_]")
_PLAIN_YAML_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.\-]*")
_YAML_SPECIAL = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~", ".inf", ".nan"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters a YAML stream may not hold raw (outside its printable set) or that a YAML
# reader may take for line breaks (NEL, LS, PS); JSON leaves them
# unescaped, so a double-quoted YAML scalar gets them as escapes.
_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


_ABSENT = object()  # (a member that is not there, unlike one that is null)
_new_edit = partial(make_fixed, Edit)  # Edit((start, end, content)), made in C: --fix makes many
_ENCODE = compact_encoder(ensure_ascii=False, allow_nan=False)
_LITERALS = {True: "true", False: "false", None: "null"}


def _dumps(value: Any) -> str:
    """JSON text of a value, as found in the file (so no NaN or Infinity: ValueError), and
    encodable: a lone surrogate (a ``\\ud800`` escape in the file) stays an escape."""
    if value is True or value is False or value is None:
        return _LITERALS[value]
    text = _ENCODE(value)
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _yaml_quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes, plus those YAML needs and JSON omits."""
    quoted = _dumps(text)
    if _YAML_UNPRINTABLE.search(quoted):
        quoted = _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return quoted


def thaw(value: Any) -> Any:
    """The plain value of an op, not copied: it is only written out (a deep copy would
    recurse once per nesting level)."""
    return value.value if isinstance(value, _Frozen) else value


class _Style:
    """How values are written in this document (one per document and round of fixes)."""

    def __init__(self, document: Document):
        self.document = document
        self.text = document.source.text
        self.yaml = document.kind == "yaml"
        self.sourcemap = document.sourcemap

    @property
    def newline(self) -> str:
        return self.document.source.newline

    # -- serialising -------------------------------------------------------------------
    def key(self, key: str) -> str:
        if self.yaml and _PLAIN_YAML_KEY.fullmatch(key) and key.lower() not in _YAML_SPECIAL:
            return key
        return _yaml_quoted(key) if self.yaml else _dumps(key)

    def value(self, value: Any) -> str:
        value = thaw(value)
        if not self.yaml:
            return _dumps(value)
        return self._yaml_flow(value)

    def _yaml_flow(self, value: Any) -> str:
        if value is None:
            return "null"
        if value is True or value is False:
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return _dumps(value)
        if isinstance(value, str):
            if _PLAIN_YAML.fullmatch(value) and value.lower() not in _YAML_SPECIAL:
                return value
            return _yaml_quoted(value)
        if isinstance(value, list):
            return "[" + ", ".join(self._yaml_flow(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.key(str(k))}: {self._yaml_flow(v)}" for k, v in value.items()) + "}"
        return json.dumps(str(value))

    # -- positions ---------------------------------------------------------------------
    def member(self, pointer: Pointer):
        return self.sourcemap.member(pointer)

    def container(self, pointer: Pointer, count: int):
        """(member, its members) of a container of ``count`` members in the data, in one
        lookup where the source map can (sourcemap.container); None: look them up one by one."""
        known = self.sourcemap.container(pointer)
        return known if known is not None and len(known[1]) == count else None

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        """Offset just past the newline ending the line of ``offset`` (or the text's end)."""
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end + 1

    def content_end(self, start: int, end: int) -> int:
        """Last offset of real content in ``[start, end)``: YAML end marks run on to the
        next token, past blank lines and comments; those stay where they are."""
        return content_end(self.text, start, end) if self.yaml else end

    def is_flow(self, value_start: int) -> bool:
        return not self.yaml or self.text[value_start:value_start + 1] in ("{", "[")

    def colon(self, key_end: int, value_start: int) -> str:
        between = self.text[key_end:value_start]
        if self.yaml:
            return ": "
        return ": " if between.endswith(" ") or "\n" in between else ":"


def style_of(document: Document) -> "_Style":
    """How values are written in ``document``: made once where many fixes are written in
    it (fixes.select_edits) and handed to each edits_for."""
    return _Style(document)


def edits_for(document: Document, ops: List[Op], style: Optional[_Style] = None) -> Optional[List[Edit]]:
    """Text edits for ``ops``; None when an op cannot be written in this file (also when a
    value has no JSON text: NaN, Infinity, nesting too deep to write). ``style``: the
    document's, when the caller writes many fixes in it (``style_of``)."""
    if style is None:
        style = _Style(document)
    if len(ops) > 1:
        ops = _emptied_and_filled(style.document.data, ops)
    edits: List[Edit] = []
    for op in ops:
        try:
            produced = _edit(style, op)
        except (ValueError, RecursionError):
            return None
        if produced is None:
            return None
        edits.extend(produced)
    return edits


def _emptied_and_filled(data: Any, ops: List[Op]) -> List[Op]:
    """``ops`` with each removal of the only member of an object (or item of an array) that
    the same fix also adds to written as one replacement: the member added in the removed
    one's place (ReplaceMember), the array written whole (Replace). Each op's edit is worked
    out on the text as it is, so the addition would be written after the removed member
    with its separator, and the removal would leave that separator with nothing before it
    (``{, "description": "At most 0 characters."}``). (FCS301 removes a keyword and notes
    it in the description, which may be the object's only other member to be.)"""
    emptied = {}  # container pointer -> position of the op removing its only member
    for position, op in enumerate(ops):
        if type(op) is Remove and op.at:
            holder = get(data, op.at[:-1], _ABSENT)
            if isinstance(holder, (dict, list)) and len(holder) == 1:
                emptied[_key(op.at[:-1])] = position
    if not emptied:
        return ops
    rewritten: List[Any] = list(ops)
    for position, op in enumerate(ops):
        if type(op) is SetMember and _key(op.obj) in emptied:
            holder = get(data, op.obj)
            if isinstance(holder, dict) and op.key not in holder:
                removal = emptied.pop(_key(op.obj))
                rewritten[removal] = ReplaceMember(ops[removal].at, op.key, op.value)
                rewritten[position] = None
        elif type(op) is AddToArray and _key(op.at) in emptied and isinstance(get(data, op.at), list):
            removal = emptied.pop(_key(op.at))
            items = get(data, op.at)
            values: List[Any] = []
            for value in (thaw(v) for v in op.values):
                if value not in values and value not in items:  # (one already there is not added)
                    values.append(value)
            rewritten[removal] = Replace(op.at, values)
            rewritten[position] = None
    return [op for op in rewritten if op is not None]


def _key(pointer: Pointer) -> tuple:
    return tuple(str(segment) for segment in pointer)


def _edit(style: _Style, op: Op) -> Optional[List[Edit]]:
    data = style.document.data
    if isinstance(op, SetMember):
        target = get(data, op.obj)
        if not isinstance(target, dict):
            return None
        if op.key in target:
            return _replace(style, op.obj + (op.key,), op.value)
        return _insert_member(style, op.obj, target, op.key, op.value)
    if isinstance(op, Replace):
        return _replace(style, op.at, op.value)
    if isinstance(op, Remove):
        return _remove(style, op.at)
    if isinstance(op, AddToArray):
        target = get(data, op.at, _ABSENT)
        if target is _ABSENT or target is None:
            holder = get(data, op.at[:-1])
            if not isinstance(holder, dict):
                return None
            if target is None:  # `null` where the array belongs: the array takes its place
                return _replace(style, op.at, [thaw(v) for v in op.values])
            return _insert_member(style, op.at[:-1], holder, str(op.at[-1]), [thaw(v) for v in op.values])
        if not isinstance(target, list):
            return None
        values = [v for v in (thaw(v) for v in op.values) if v not in target]
        return _append(style, op.at, target, values) if values else []
    if isinstance(op, RenameKey):
        member = style.member(op.at)
        if member is None or member[0] is None:
            return None
        return [_new_edit((member[0], member[1], style.key(op.key)))]
    if isinstance(op, ReplaceMember):
        member = style.member(op.at)
        if member is None or member[0] is None:
            return None
        key_start, _key_end, value_start, value_end = member
        end = style.content_end(value_start, value_end)
        written = (f"{style.key(op.key)}: {style.value(op.value)}" if style.yaml
                   else f"{style.key(op.key)}{style.colon(member[1], value_start)}{style.value(op.value)}")
        return [_new_edit((key_start, end, written))]
    return None


def _replace(style: _Style, pointer: Pointer, value: Any) -> Optional[List[Edit]]:
    member = style.member(pointer)
    if member is None:
        return None
    key_start, key_end, value_start, value_end = member
    if not style.yaml:
        return [_new_edit((value_start, value_end, style.value(value)))]
    end = style.content_end(value_start, value_end)
    if key_end is not None and value_start == value_end:
        # An empty value (`required:`, an implicit null) has no text of its own to replace:
        # its span is where the next token starts. The new value goes right after the colon.
        colon = style.text.find(":", key_end)
        return [_new_edit((colon + 1, colon + 1, " " + style.value(value)))]
    if (isinstance(get(style.document.data, pointer), (dict, list)) and not style.is_flow(value_start)
            and key_end is not None):
        # A block collection becomes a flow one written right after its key.
        colon = style.text.find(":", key_end)
        return [_new_edit((colon + 1, end, " " + style.value(value)))]
    return [_new_edit((value_start, end, style.value(value)))]


def _indent_of(style: _Style, offset: int) -> str:
    """The indentation in front of ``offset``: copied when it is white space (tabs stay
    tabs), else spaces up to its column (a key after ``- `` in a YAML sequence)."""
    prefix = style.text[style.line_start(offset):offset]
    return prefix if not prefix.strip() else " " * len(prefix)


def _insert_member(style: _Style, obj_pointer: Pointer, obj: dict, key: str, value: Any) -> Optional[List[Edit]]:
    known = style.container(obj_pointer, len(obj))
    member = known[0] if known is not None else style.member(obj_pointer)
    if member is None:
        return None
    _ks, _ke, value_start, value_end = member
    text = style.text
    if not obj:
        if text[value_start:value_start + 1] != "{":
            return None
        return [_new_edit((value_start + 1, value_end - 1, f"{style.key(key)}: {style.value(value)}"))]
    if known is not None:
        first, last = known[1][0], known[1][-1]
    else:
        first = style.member(obj_pointer + (next(iter(obj)),))
        last = style.member(obj_pointer + (next(reversed(obj)),))
    if first is None or last is None:
        return None
    written = f"{style.key(key)}{style.colon(first[1], first[2])}{style.value(value)}"
    if style.is_flow(value_start):
        last_end = style.content_end(last[2], last[3])
        multiline = "\n" in text[value_start:first[0]]
        separator = "," + (style.newline + _indent_of(style, first[0]) if multiline else " ")
        return [_new_edit((last_end, last_end, separator + written))]
    # YAML block mapping: a new line after the last member's last line of content.
    last_end = style.content_end(last[2], last[3])
    insert_at = style.line_end(last_end)
    prefix = "" if text[insert_at - 1:insert_at] == "\n" else style.newline
    return [_new_edit((insert_at, insert_at, prefix + _indent_of(style, first[0]) + written + style.newline))]


def _append(style: _Style, pointer: Pointer, items: list, values: list) -> Optional[List[Edit]]:
    known = style.container(pointer, len(items))
    member = known[0] if known is not None else style.member(pointer)
    if member is None:
        return None
    value_start, value_end = member[2], member[3]
    text = style.text
    written = [style.value(v) for v in values]
    if not items:
        if text[value_start:value_start + 1] != "[":
            return None
        return [_new_edit((value_start + 1, value_end - 1, ", ".join(written)))]
    if known is not None:
        first, last = known[1][0], known[1][-1]
    else:
        first = style.member(pointer + (0,))
        last = style.member(pointer + (len(items) - 1,))
    if first is None or last is None:
        return None
    last_end = style.content_end(last[2], last[3])
    if style.is_flow(value_start):
        multiline = "\n" in text[value_start:first[2]]
        separator = "," + (style.newline + _indent_of(style, first[2]) if multiline else " ")
        return [_new_edit((last_end, last_end, "".join(separator + w for w in written)))]
    dash = text.rfind("-", style.line_start(first[2]), first[2])
    if dash < 0:
        return None
    indent = _indent_of(style, dash)
    after_dash = text[dash + 1:first[2]]
    if not after_dash or after_dash.strip(" \t"):
        after_dash = " "  # an empty first item (a bare `-`): its value starts at the dash
    insert_at = style.line_end(last_end)
    prefix = "" if text[insert_at - 1:insert_at] == "\n" else style.newline
    lines = "".join(f"{indent}-{after_dash}{w}{style.newline}" for w in written)
    return [_new_edit((insert_at, insert_at, prefix + lines))]


def _remove(style: _Style, pointer: Pointer) -> Optional[List[Edit]]:
    parent_pointer, last_segment = pointer[:-1], pointer[-1]
    parent = get(style.document.data, parent_pointer)
    if isinstance(parent, dict):
        index = list(parent).index(str(last_segment))
    elif isinstance(parent, list):
        index = int(last_segment)
    else:
        return None
    known = style.container(parent_pointer, len(parent))
    if known is not None:
        holder, spans = known
    else:
        holder = style.member(parent_pointer)
        siblings = [parent_pointer + (k,) for k in parent] if isinstance(parent, dict) else \
            [parent_pointer + (i,) for i in range(len(parent))]
        # Only the member and its neighbours are placed; the others stay None.
        spans = [style.member(p) if abs(i - index) <= 1 else None for i, p in enumerate(siblings)]
    if holder is None or not 0 <= index < len(spans) or spans[index] is None:
        return None
    if any(spans[i] is None for i in range(max(0, index - 1), min(len(spans), index + 2))):
        return None
    start_of = lambda m: m[0] if m[0] is not None else m[2]  # noqa: E731
    this = spans[index]
    this_end = style.content_end(this[2], this[3])
    if style.is_flow(holder[2]):
        if len(spans) == 1:
            return [_new_edit((holder[2] + 1, holder[3] - 1, ""))]
        if index > 0:
            previous = spans[index - 1]
            previous_end = style.content_end(previous[2], previous[3])
            if not _separated(style.text, previous_end, start_of(this)):
                return None
            return [_new_edit((previous_end, this_end, ""))]
        if not _separated(style.text, this_end, start_of(spans[1])):
            return None
        return [_new_edit((start_of(this), start_of(spans[1]), ""))]
    # YAML block collection: remove the whole lines, when the item starts its line.
    text = style.text
    begin = start_of(this)
    line_begin = style.line_start(begin)
    before = text[line_begin:begin]
    if isinstance(parent, list):
        dash = text.rfind("-", line_begin, begin)
        if dash >= 0 and not text[line_begin:dash].strip():
            if len(spans) == 1:
                return None  # a block sequence cannot become empty in place
            return [_new_edit((line_begin, style.line_end(this_end), ""))]
        return None
    if not before.strip():
        if len(spans) == 1:
            return None
        return [_new_edit((line_begin, style.line_end(this_end), ""))]
    if index + 1 < len(spans) and _separated(text, this_end, start_of(spans[index + 1])):
        return [_new_edit((begin, start_of(spans[index + 1]), ""))]
    return None


def _separated(text: str, end: int, start: int) -> bool:
    """Whether only a comma and white space lie between two members: the neighbours taken
    from the data are the neighbours in the text. With a duplicate key they may not be
    (the data holds only the last of the two), and removing "up to the next member" would
    remove the members in between."""
    return end <= start and text[end:start].strip(" \t\r\n") in ("", ",")


def _indent(content: str) -> int:
    line = content.lstrip(",").lstrip("\r\n")
    return len(line) - len(line.lstrip(" "))


def apply_edits(text: str, edits: List[Edit]) -> str:
    """Apply non-overlapping edits. Insertions at one point go deepest-indented first (a
    nested object's new member before its parent's), otherwise in their given order."""
    ordered = sorted(enumerate(edits), key=lambda pair: (
        pair[1].start, pair[1].end, -_indent(pair[1].content) if pair[1].start == pair[1].end else 0, pair[0]))
    out = []
    position = 0
    for _, edit in ordered:
        out.append(text[position:edit.start])
        out.append(edit.content)
        position = max(position, edit.end)
    out.append(text[position:])
    return "".join(out)
