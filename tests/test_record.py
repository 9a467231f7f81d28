"""record.Record and record.Fixed: the data classes that stand in for dataclasses and
NamedTuples on the start-up path must behave as those did."""

from __future__ import annotations

import pickle
from typing import NamedTuple, Optional

import pytest

from fcschema.diagnostics import Position
from fcschema.fixops import Replace, freeze, merge
from fcschema.record import Fixed, Record
from fcschema.source import Source


class Place(Fixed):
    """A place in a file."""
    __slots__ = ()
    row: int
    column: int
    note: Optional[str] = None


class PlaceTuple(NamedTuple):
    row: int
    column: int
    note: Optional[str] = None


def test_fixed_behaves_as_a_named_tuple():
    ours, theirs = Place(1, 2), PlaceTuple(1, 2)
    assert tuple(ours) == tuple(theirs) == (1, 2, None)
    assert ours == theirs and hash(ours) == hash(theirs)
    assert (ours.row, ours.column, ours.note) == (1, 2, None)
    assert Place(row=3, column=4, note="n") == Place(3, column=4, note="n") == (3, 4, "n")
    assert repr(Place(1, 2)) == "Place(row=1, column=2, note=None)"
    assert Place(1, 2)._replace(note="x") == Place(1, 2, "x")
    assert Place.__doc__ == "A place in a file." and Place._fields == ("row", "column", "note")
    row, column, note = ours  # unpacks as a tuple
    assert (row, column, note) == (1, 2, None)
    assert sorted([Place(2, 1), Place(1, 5)]) == [Place(1, 5), Place(2, 1)]


@pytest.mark.parametrize("make", [lambda: Place(1), lambda: Place(1, 2, 3, 4), lambda: Place(1, 2, colour=3),
                                  lambda: Place(1, 2)._replace(colour=1)])
def test_fixed_refuses_what_a_named_tuple_refuses(make):
    with pytest.raises(TypeError):
        make()


def test_fixed_is_immutable_and_small():
    place = Place(1, 2)
    with pytest.raises(AttributeError):
        place.row = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        place.__dict__  # noqa: B018  (no per-instance dictionary: __slots__ = ())


def test_fixed_records_pickle_as_their_values():
    for value in (Place(1, 2, "n"), Position(3, 4), Replace(("a", 0), freeze({"type": "string"}))):
        again = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == value and type(again) is type(value)


def test_fix_ops_of_two_kinds_with_equal_values_stay_apart():
    class Other(Fixed):
        __slots__ = ()
        at: tuple
        value: object

    assert Replace(("a",), 1) == Other(("a",), 1)  # as tuples they are equal ...
    assert len(merge([Replace(("a",), 1), Other(("a",), 1), Replace(("a",), 1)])) == 2  # ... but not as ops


def test_record_replace_leaves_caches_behind():
    source = Source("a.json", "{\n}\n")
    assert source.line_starts is not None and source._line_starts is not None
    copy = source.replace(text="[\n\n]\n")
    assert copy._line_starts is None and list(copy.line_starts) == [0, 2, 3, 5]
    assert copy == Source("a.json", "[\n\n]\n") and source.text == "{\n}\n"


def test_record_equality_ignores_caches():
    class Thing(Record):
        __slots__ = ("name", "_cache")

        def __init__(self, name, cache=None):
            self.name, self._cache = name, cache

    assert Thing("a", 1) == Thing("a", 2) and Thing("a") != Thing("b")
    assert repr(Thing("a", 1)) == "Thing(name='a')"


def test_positions_asked_in_pieces_are_those_asked_at_once():
    text = "".join(f'{{"line": {n}}}\n' if n % 4 else "\n" for n in range(200))
    offsets = list(range(0, len(text) + 1, 7))
    whole = Source("a.json", text).positions(offsets)
    pieces = Source("a.json", text)
    found = {}
    for start in range(0, len(offsets), 25):  # in order, as the tools of a file are placed
        found.update(pieces.positions(offsets[start:start + 25]))
    found.update(pieces.positions(offsets[:10]))  # and back before the last place asked
    assert found == whole
    assert whole[offsets[-1]] == Source("a.json", text).position(offsets[-1])
