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
        values = _VALUES.get(type(self))
        if values is None:  # once per class: the public fields' values as one tuple
            names = self._public()
            values = _VALUES[type(self)] = (_attrgetter(*names, "__class__") if names
                                            else _attrgetter("__class__"))
        return values(self) == values(other)  # (--fix compares every tool site this way)

    def replace(self, **changes):
        """A copy with ``changes`` applied (as ``dataclasses.replace``); its caches start
        empty (they may hold what the changed fields no longer say)."""
        clone = object.__new__(type(self))
        for name in self.__slots__:
            object.__setattr__(clone, name, None if name.startswith("_") else getattr(self, name))
        for name, value in changes.items():
            if name not in self.__slots__:
                raise TypeError(f"{type(self).__name__} has no field {name!r}")
            object.__setattr__(clone, name, value)
        return clone


class Fixed(tuple):
    """Immutable records: a tuple with named fields, as ``typing.NamedTuple`` gives, for
    the classes made at start-up. Creating a NamedTuple class compiles its constructor
    (about 0.2 ms each, cold, measured here; eleven stood on the path of ``check``); a
    ``Fixed`` class is made by plain attribute setting. A subclass declares
    ``__slots__ = ()`` and its fields as annotations, defaults as values::

        class Position(Fixed):
            __slots__ = ()
            row: int
            column: int = 1
    """

    __slots__ = ()
    _fields: tuple = ()
    _defaults: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields = tuple(cls.__dict__.get("__annotations__", {}))
        defaults = {}
        for index, name in enumerate(fields):
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            setattr(cls, name, property(_itemgetter(index), doc=f"field {index}"))
        cls._fields = fields
        cls._defaults = defaults

    def __new__(cls, *args, **kwargs):
        if kwargs or len(args) != len(cls._fields):
            args = cls._bind(args, kwargs)
        return tuple.__new__(cls, args)

    @classmethod
    def _bind(cls, args: tuple, kwargs: dict) -> tuple:
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__} takes {len(fields)} arguments, {len(args)} given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._defaults:
                values.append(cls._defaults[name])
            else:
                raise TypeError(f"{cls.__name__} is missing {name!r}")
        if kwargs:
            raise TypeError(f"{cls.__name__} has no field {next(iter(kwargs))!r}")
        return tuple(values)

    def __reduce__(self):
        # Pickled as its values, made again by make_fixed (C): Fixed.__new__ is Python
        # code, and the results of --jobs workers hold tens of thousands of these.
        return make_fixed, (type(self), tuple(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"{type(self).__name__}({fields})"

    def _replace(self, **changes):
        values = [changes.pop(name, value) for name, value in zip(self._fields, self)]
        if changes:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(changes))!r}")
        return tuple.__new__(type(self), values)


from operator import attrgetter as _attrgetter  # noqa: E402  (used only by Record)
from operator import itemgetter as _itemgetter  # noqa: E402  (used only by Fixed)

_VALUES: dict = {}  # Record class -> what gets its public fields' values
# ``make_fixed(Position, (row, column))``: a Fixed record from all its values, made in C
# without Fixed.__new__'s checks, where thousands are made (pickles, positions).
make_fixed = tuple.__new__
