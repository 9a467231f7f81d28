"""Fixes as operations on the document's data, independent of its text.

A rule describes a fix as a few operations at JSON pointers (set a member, replace a
value, remove a member, add values to an array, replace a member by another). The same
operations then serve twice:

* ``apply_to_data`` changes plain Python data (``fcschema.make_strict``);
* ``textedit.edits_for`` turns them into text edits at exact spans of a JSON or YAML
  file, so ``--fix`` changes only what it must and keeps comments and formatting.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple

from .diagnostics import Pointer
from .json_encoding import compact_encoder
from .record import Fixed


class SetMember(Fixed):
    """Set ``key`` of the object at ``obj`` (insert it at the end if missing)."""
    __slots__ = ()
    obj: Pointer
    key: str
    value: Any


class Replace(Fixed):
    """Replace the existing value at ``at``."""
    __slots__ = ()
    at: Pointer
    value: Any


class Remove(Fixed):
    """Remove the member or array item at ``at``."""
    __slots__ = ()
    at: Pointer


class AddToArray(Fixed):
    """Append each of ``values`` not already in the array at ``at`` (created if missing)."""
    __slots__ = ()
    at: Pointer
    values: Tuple[Any, ...]


class ReplaceMember(Fixed):
    """Replace the member at ``at`` (key and value) by ``key: value`` in the same place."""
    __slots__ = ()
    at: Pointer
    key: str
    value: Any


class RenameKey(Fixed):
    """Rename the member at ``at`` to ``key``, keeping its value as written."""
    __slots__ = ()
    at: Pointer
    key: str


# One of the classes above. They are tuples: two ops are the same only when their types
# are too (``merge`` compares them with their type).
Op = Any


_KEY = compact_encoder(sort_keys=True, default=str)


def freeze(value: Any) -> Any:
    """Values inside frozen ops must be hashable for de-duplication."""
    return _Frozen(value) if isinstance(value, (dict, list)) else value


class _Frozen:
    """A JSON value compared by content, so identical ops from two findings merge. The
    text it is compared by is written when first needed: only fixes about to be applied
    are compared, and a check makes many that never are."""

    __slots__ = ("value", "_key")

    def __init__(self, value):
        self.value = value
        self._key: Optional[str] = None

    def key(self) -> str:
        if self._key is None:
            self._key = _KEY(self.value)
        return self._key

    def __eq__(self, other):
        return isinstance(other, _Frozen) and other.key() == self.key()

    def __hash__(self):
        return hash(self.key())

    def __repr__(self):
        return f"{self.value!r}"

    def __reduce__(self):  # (--jobs workers send fixes back) the value; its key is written again
        return _Frozen, (self.value,)


def thaw(value: Any) -> Any:
    if not isinstance(value, _Frozen):
        return value
    import copy  # (only make_strict changes data: not imported for every check)

    return copy.deepcopy(value.value)


def get(data: Any, pointer: Pointer, default: Any = None) -> Any:
    current = data
    for segment in pointer:
        if isinstance(current, dict):
            if str(segment) not in current:
                return default
            current = current[str(segment)]
        elif isinstance(current, list):
            try:
                current = current[int(segment)]
            except (ValueError, IndexError):
                return default
        else:
            return default
    return current


def rebase(op: Op, depth: int) -> Op:
    """``op`` with the first ``depth`` segments of its pointer dropped: the same op on the
    value at that pointer taken as a document of its own (every op's first field is its
    pointer)."""
    return tuple.__new__(type(op), (op[0][depth:],) + tuple(op[1:]))


def _parent(data: Any, pointer: Pointer):
    return get(data, pointer[:-1]), pointer[-1]


def apply_to_data(data: Any, ops: Iterable[Op]) -> Any:
    """Apply ops to ``data`` in place (and return it). Ops whose target vanished are skipped."""
    ops = list(ops)
    # Removals of array items go last and from the highest index, so indexes stay valid.
    removals = sorted((op for op in ops if isinstance(op, Remove)), key=lambda op: op.at, reverse=True)
    for op in [op for op in ops if not isinstance(op, Remove)] + removals:
        if isinstance(op, SetMember):
            target = get(data, op.obj)
            if isinstance(target, dict):
                target[op.key] = thaw(op.value)
        elif isinstance(op, Replace):
            parent, last = _parent(data, op.at)
            if isinstance(parent, dict) and str(last) in parent:
                parent[str(last)] = thaw(op.value)
            elif isinstance(parent, list):
                parent[int(last)] = thaw(op.value)
        elif isinstance(op, Remove):
            parent, last = _parent(data, op.at)
            if isinstance(parent, dict):
                parent.pop(str(last), None)
            elif isinstance(parent, list) and 0 <= int(last) < len(parent):
                del parent[int(last)]
        elif isinstance(op, AddToArray):
            target = get(data, op.at)
            if target is None:
                holder = get(data, op.at[:-1])
                if isinstance(holder, dict):
                    holder[str(op.at[-1])] = [thaw(v) for v in op.values]
                continue
            if isinstance(target, list):
                for value in op.values:
                    value = thaw(value)
                    if value not in target:
                        target.append(value)
        elif isinstance(op, (ReplaceMember, RenameKey)):
            parent, last = _parent(data, op.at)
            if isinstance(parent, dict) and str(last) in parent:
                new_value = (lambda v: thaw(op.value)) if isinstance(op, ReplaceMember) else (lambda v: v)
                items = [(op.key, new_value(v)) if k == str(last) else (k, v) for k, v in parent.items()]
                parent.clear()
                parent.update(items)
    return data


def merge(ops: Iterable[Op]) -> List[Op]:
    """De-duplicate ops and fold array additions aimed at the same array into one."""
    merged: List[Op] = []
    seen = set()
    arrays = {}
    for op in ops:
        if isinstance(op, AddToArray):
            key = tuple(str(s) for s in op.at)
            if key in arrays:
                index = arrays[key]
                previous = merged[index]
                values = previous.values + tuple(v for v in op.values if v not in previous.values)
                merged[index] = AddToArray(previous.at, values)
                continue
            arrays[key] = len(merged)
            merged.append(op)
            continue
        key = (type(op), op)
        if key in seen:
            continue
        seen.add(key)
        merged.append(op)
    return merged
