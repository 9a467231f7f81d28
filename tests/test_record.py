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


def test_what_workers_send_back_pickles_whole():
    """Diagnostics, fixes and sources have pickled forms of their own (--jobs workers send
    thousands): every field comes back, each of its own type, and a source's caches do not
    travel."""
    from fcschema.diagnostics import Diagnostic, Edit, Fix

    def again(value):
        return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    full = Diagnostic("FCS109", "'dict' is not a JSON Schema type", (0, "function", "type"), "key", "invalid-type",
                      "error", "Invalid schema", "get_weather",
                      Fix("safe", "Use 'object'", (Edit(3, 9, '"object"'),), (Replace((0, "type"), freeze(["a"])),)),
                      "a hint", "https://example.test/FCS109", "tools.json", Position(2, 5), Position(2, 11),
                      (20, 26), True)
    for diagnostic in (full, Diagnostic("FCS001", "bad")):
        back = again(diagnostic)
        assert back == diagnostic and type(back) is Diagnostic
        assert [type(p) for p in (back.location, back.end_location) if p is not None] == (
            [Position, Position] if diagnostic.location else [])
    assert type(again(full).fix) is Fix and type(again(full).fix.ops[0]) is Replace
    # every slot is carried: a new one left out of Diagnostic.__reduce__ would not come back
    marked = Diagnostic("FCS001", "x")
    for number, name in enumerate(Diagnostic.__slots__):
        setattr(marked, name, Position(number, number) if name.endswith("location") else f"value {number}")
    assert again(marked) == marked

    source = Source("a.json", "{\r\n}\r\n", "utf-16", True, "/a.json")
    assert source.line_starts is not None and source.newline == "\r\n"
    back = again(source)
    assert back == source and back._line_starts is None and back.newline == "\r\n"


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
