"""Plain data classes that start fast.

fcschema's data objects are classes with ``__slots__`` and a written-out ``__init__`` (or,
when immutable, ``typing.NamedTuple``) rather than ``dataclasses``: creating a dataclass
compiles its generated methods (1.1 to 1.9 ms per class, measured on a two-core machine),
and two dozen of them stood on the path of ``fcschema check``.
``Record`` gives the mutable ones what the dataclasses gave: a readable repr, equality by
value and ``replace``. Slots whose name starts with ``_`` are caches: left out of both.
The results of the Python API (``convert``, ``make_strict``, authoring) stay dataclasses:
their modules are imported only when used, and callers may rely on ``dataclasses``.
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: equal by value, so not hashable

    def _public(self):
        return [name for name in self.__slots__ if not name.startswith("_")]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._public())
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._public())

    def replace(self, **changes):
        """A copy with ``changes`` applied (as ``dataclasses.replace``)."""
        clone = object.__new__(type(self))
        for name in self.__slots__:
            object.__setattr__(clone, name, getattr(self, name))
        for name, value in changes.items():
            if name not in self.__slots__:
                raise TypeError(f"{type(self).__name__} has no field {name!r}")
            object.__setattr__(clone, name, value)
        return clone
