"""JSON pointer -> exact line:col spans, for JSON and YAML (linter/sourcemap.py).

Every diagnostic is reported by pointer and shown by position; these tests pin the
positions down to the character, for keys and values, in the file layouts people write
(compact one-line JSON, CRLF, tabs, escaped and non-ASCII keys, YAML block and flow
styles, multi-line values), and the fallback for a pointer that does not exist (a key a
rule says is missing is shown at the closest ancestor: the object that lacks it).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fcschema import document as document_module
from fcschema.app import CheckOptions, check_paths, check_source
from fcschema.diagnostics import format_pointer, parse_pointer
from fcschema.document import parse
from fcschema.engine import Engine
from fcschema.source import Source


def _doc(text: str, filename: str):
    document, problems = parse(Source(filename, text))
    assert document is not None, problems
    return document


def locate(text: str, pointer, anchor: str = "value", filename: str = "t.json"):
    """(covered text, (row, col), (end row, end col), pointer actually found)."""
    document = _doc(text, filename)
    if isinstance(pointer, str):
        pointer = parse_pointer(pointer)
    (start, end), found = document.sourcemap.span(pointer, anchor)
    a, b = document.source.span_positions((start, end))
    return text[start:end], (a.row, a.column), (b.row, b.column), format_pointer(found)


# ---------------------------------------------------------------------------------------
# JSON

NESTED = """{
  "tools": [
    {
      "type": "function",
      "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}
      }
    }
  ]
}
"""


@pytest.mark.parametrize("pointer, anchor, expected", [
    ("", "value", (NESTED.rstrip("\n"), (1, 1), (11, 2))),
    ("/tools", "key", ('"tools"', (2, 3), (2, 10))),
    ("/tools", "value", (NESTED[NESTED.index("["):NESTED.rindex("]") + 1], (2, 12), (10, 4))),
    ("/tools/0/type", "value", ('"function"', (4, 15), (4, 25))),
    ("/tools/0/function/name", "key", ('"name"', (6, 9), (6, 15))),
    ("/tools/0/function/name", "value", ('"get_weather"', (6, 17), (6, 30))),
    ("/tools/0/function/parameters/properties/city", "key", ('"city"', (7, 57), (7, 63))),
    ("/tools/0/function/parameters/properties/city", "value", ('{"type": "string"}', (7, 65), (7, 83))),
    ("/tools/0/function/parameters/properties/city/type", "value", ('"string"', (7, 74), (7, 82))),
])
def test_json_nested_keys_and_values(pointer, anchor, expected):
    text, start, end, found = locate(NESTED, pointer, anchor)
    assert (text, start, end) == expected
    assert found == pointer


def test_json_array_items_by_int_or_string_index():
    text = '[10, [20, 21], {"k": [30, 31, 32]}]'
    assert locate(text, (1, 1))[:3] == ("21", (1, 11), (1, 13))
    assert locate(text, ("1", "1"))[:3] == ("21", (1, 11), (1, 13))
    assert locate(text, "/2/k/2")[:3] == ("32", (1, 31), (1, 33))
    # an array item has no key: the key anchor falls back to the value
    assert locate(text, (0,), "key")[:3] == ("10", (1, 2), (1, 4))


def test_json_escaped_and_unicode_keys():
    text = '{"a\\"b": {"x": 1}, "\\u00e9t\\u00e9": 2, "caf\u00e9": 3, "\U0001F600": {"y": 4}}'
    assert locate(text, ('a"b',), "key")[:3] == ('"a\\"b"', (1, 2), (1, 8))
    assert locate(text, ('a"b', "x"))[:3] == ("1", (1, 16), (1, 17))
    # a key written with \u escapes is found by its decoded text
    assert locate(text, ("\u00e9t\u00e9",), "key")[:3] == ('"\\u00e9t\\u00e9"', (1, 20), (1, 35))
    assert locate(text, ("caf\u00e9",))[:3] == ("3", (1, 48), (1, 49))
    # columns count characters: the emoji is one column
    assert locate(text, ("\U0001F600", "y"))[:3] == ("4", (1, 62), (1, 63))


def test_json_pointer_escapes_tilde_and_slash():
    text = '{"a/b": {"m~n": {"~1": true}}}'
    pointer = "/a~1b/m~0n/~01"
    assert parse_pointer(pointer) == ("a/b", "m~n", "~1")
    assert format_pointer(("a/b", "m~n", "~1")) == pointer
    covered, start, end, found = locate(text, pointer)
    assert (covered, start, end, found) == ("true", (1, 24), (1, 28), pointer)
    assert locate(text, "/a~1b", "key")[:3] == ('"a/b"', (1, 2), (1, 7))


def test_json_compact_one_line():
    text = '{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{}}}}'
    assert locate(text, "/function/parameters", "key")[:3] == ('"parameters"', (1, 43), (1, 55))
    assert locate(text, "/function/parameters/properties")[:3] == ("{}", (1, 86), (1, 88))
    assert locate(text, "/function/name")[:3] == ('"f"', (1, 39), (1, 42))


def test_json_crlf_lines():
    text = '{\r\n  "a": {\r\n    "b": [1,\r\n      2]\r\n  }\r\n}\r\n'
    assert locate(text, "/a/b", "key")[:3] == ('"b"', (3, 5), (3, 8))
    assert locate(text, "/a/b/1")[:3] == ("2", (4, 7), (4, 8))
    covered, start, end, _ = locate(text, "/a/b")
    assert covered == "[1,\r\n      2]" and start == (3, 10) and end == (4, 9)


def test_json_tabs_count_one_column():
    text = '{\n\t"a":\t{\n\t\t"b":\t"x"}}'
    assert locate(text, "/a/b", "key")[:3] == ('"b"', (3, 3), (3, 6))
    assert locate(text, "/a/b")[:3] == ('"x"', (3, 8), (3, 11))


def test_json_leading_whitespace_and_bom_free_offsets():
    text = '\n\n   {"a": 1}\n'
    assert locate(text, "")[:3] == ('{"a": 1}', (3, 4), (3, 12))
    assert locate(text, "/a")[:3] == ("1", (3, 10), (3, 11))


def test_json_duplicate_key_resolves_to_the_last_one_like_the_parser():
    text = '{"a": 1, "a": 2}'
    assert locate(text, "/a")[:3] == ("2", (1, 15), (1, 16))


@pytest.mark.parametrize("pointer, expected", [
    # missing key: the key of the object that lacks it
    ("/tools/0/function/strict", ('"function"', (5, 7), (5, 17), "/tools/0/function")),
    # missing several levels down: the closest existing ancestor
    ("/tools/0/function/parameters/properties/nope/type",
     ('"properties"', (7, 42), (7, 54), "/tools/0/function/parameters/properties")),
    # an array index past the end: the array's key
    ("/tools/5/function", ('"tools"', (2, 3), (2, 10), "/tools")),
    # a string index into an array, or a key into a scalar
    ("/tools/x", ('"tools"', (2, 3), (2, 10), "/tools")),
    ("/tools/0/type/deeper", ('"type"', (4, 7), (4, 13), "/tools/0/type")),
    # nothing exists below the root: the whole document
    ("/missing", (NESTED.rstrip("\n"), (1, 1), (11, 2), "")),
])
def test_json_missing_pointer_falls_back_to_closest_ancestor(pointer, expected):
    assert locate(NESTED, pointer) == expected


def test_json_missing_item_of_array_root_falls_back_to_the_array():
    assert locate("[1, 2]", "/7") == ("[1, 2]", (1, 1), (1, 7), "")
    assert locate("[]", "/0") == ("[]", (1, 1), (1, 3), "")


# ---------------------------------------------------------------------------------------
# YAML

BLOCK = """\
# tools for the weather service
tools:
  - type: function
    function:
      name: get_weather
      description: |
        Current weather.
        Both lines are the value.
      parameters:
        type: object
        properties:
          city: {type: string, description: "City, e.g. Paris"}
          days:
            type: array
            items: [1, 2]
      # a trailing comment

  - type: web_search
"""


@pytest.mark.parametrize("pointer, anchor, expected", [
    ("/tools", "key", ("tools", (2, 1), (2, 6))),
    ("/tools/0/type", "value", ("function", (3, 11), (3, 19))),
    ("/tools/0/function/name", "key", ("name", (5, 7), (5, 11))),
    ("/tools/0/function/name", "value", ("get_weather", (5, 13), (5, 24))),
    # flow mapping inside a block mapping
    ("/tools/0/function/parameters/properties/city", "key", ("city", (12, 11), (12, 15))),
    ("/tools/0/function/parameters/properties/city", "value",
     ('{type: string, description: "City, e.g. Paris"}', (12, 17), (12, 64))),
    ("/tools/0/function/parameters/properties/city/description", "value",
     ('"City, e.g. Paris"', (12, 45), (12, 63))),
    # flow sequence items
    ("/tools/0/function/parameters/properties/days/items/1", "value", ("2", (15, 24), (15, 25))),
    # block sequence item
    ("/tools/1/type", "value", ("web_search", (18, 11), (18, 21))),
])
def test_yaml_block_and_flow_styles(pointer, anchor, expected):
    covered, start, end, found = locate(BLOCK, pointer, anchor, "t.yaml")
    assert (covered, start, end) == expected
    assert found == pointer


def test_yaml_multiline_block_scalar_spans_its_lines():
    covered, start, end, _ = locate(BLOCK, "/tools/0/function/description", filename="t.yaml")
    assert start == (6, 20)
    assert end == (8, 34)  # the end of the last content line, not the start of the next key
    assert covered.startswith("|") and covered.endswith("Both lines are the value.")


def test_yaml_multiline_plain_and_quoted_scalars():
    text = 'a: this plain scalar\n  goes on here\nb: "a quoted\n  one"\nc: >\n  folded\n  text\nd: 1\n'
    assert locate(text, "/a", filename="t.yaml")[1:3] == ((1, 4), (2, 15))
    assert locate(text, "/b", filename="t.yaml")[1:3] == ((3, 4), (4, 7))
    assert locate(text, "/c", filename="t.yaml")[1:3] == ((5, 4), (7, 7))
    assert locate(text, "/d", filename="t.yaml")[:3] == ("1", (8, 4), (8, 5))


def test_yaml_block_collection_ends_at_its_last_content_not_at_the_next_token():
    covered, start, end, _ = locate(BLOCK, "/tools/0", filename="t.yaml")
    assert start == (3, 5)
    assert end == (15, 26)  # after `items: [1, 2]`, not after the comment or on the next item
    assert covered.endswith("items: [1, 2]")
    assert locate(BLOCK, "/tools/0/function/parameters", filename="t.yaml")[2] == (15, 26)


@pytest.mark.parametrize("pointer, expected", [
    ("/tools/0/function/strict", ("function", (4, 5), (4, 13), "/tools/0/function")),
    ("/tools/0/function/parameters/required",
     ("parameters", (9, 7), (9, 17), "/tools/0/function/parameters")),
    ("/tools/0/function/parameters/properties/city/enum/0",
     ("city", (12, 11), (12, 15), "/tools/0/function/parameters/properties/city")),
    ("/tools/9", ("tools", (2, 1), (2, 6), "/tools")),
])
def test_yaml_missing_pointer_falls_back_to_closest_ancestor(pointer, expected):
    assert locate(BLOCK, pointer, filename="t.yaml") == expected


def test_yaml_sequence_of_mappings_at_the_root():
    text = "- name: a\n  parameters: {}\n- name: b\n  parameters:\n    type: object\n"
    assert locate(text, "/1/name", filename="t.yaml")[:3] == ("b", (3, 9), (3, 10))
    assert locate(text, "/1/parameters/type", filename="t.yaml")[:3] == ("object", (5, 11), (5, 17))
    assert locate(text, "/0/parameters", filename="t.yaml")[:3] == ("{}", (2, 15), (2, 17))
    assert locate(text, "/1", filename="t.yaml")[1:3] == ((3, 3), (5, 17))


def test_yaml_crlf_and_quoted_keys():
    text = 'tools:\r\n  - "na/me": x\r\n    \'q~k\': {a: 1}\r\n'
    assert locate(text, "/tools/0/na~1me", "key", "t.yaml")[:3] == ('"na/me"', (2, 5), (2, 12))
    assert locate(text, "/tools/0/q~0k/a", filename="t.yaml")[:3] == ("1", (3, 16), (3, 17))


def test_yaml_and_json_agree_on_pointers():
    json_text = '{"tools": [{"type": "function", "name": "f", "parameters": {"type": "object"}}]}'
    yaml_text = "tools:\n  - type: function\n    name: f\n    parameters:\n      type: object\n"
    for text, filename in ((json_text, "t.json"), (yaml_text, "t.yaml")):
        covered, _, _, found = locate(text, "/tools/0/parameters/type", filename=filename)
        assert covered.strip('"') == "object" and found == "/tools/0/parameters/type"


# ---------------------------------------------------------------------------------------
# Positions are computed only for files with diagnostics


CLEAN = ('{"type": "function", "function": {"name": "f", "description": "Does f.", "strict": true, '
         '"parameters": {"type": "object", "properties": {}, "required": [], "additionalProperties": false}}}')
DIRTY = '{"type": "function", "function": {"name": "f", "strict": true, "parameters": {"type": "object"}}}'


class _Exploding:
    built = 0

    def __init__(self, text, indexed=None):
        type(self).built += 1
        raise AssertionError("a source map was built for a file without diagnostics")


def test_clean_json_file_never_builds_a_source_map(tmp_path, monkeypatch):
    path = tmp_path / "clean.json"
    path.write_text(CLEAN)
    _Exploding.built = 0
    monkeypatch.setattr(document_module, "JsonSourceMap", _Exploding)
    result = check_paths(CheckOptions(paths=[str(path)]))
    assert result.diagnostics == []
    assert _Exploding.built == 0
    # and no line index either
    (file_result,) = result.files
    assert file_result.source._line_starts is None


def test_json_file_with_diagnostics_builds_the_source_map_once(monkeypatch):
    built = []
    real = document_module.JsonSourceMap

    def counting(text, indexed=None):
        built.append(text)
        return real(text, indexed)

    monkeypatch.setattr(document_module, "JsonSourceMap", counting)
    result = check_source(Source("dirty.json", DIRTY), Engine())
    assert {d.code for d in result.diagnostics} >= {"FCS101", "FCS104"}
    assert len(built) == 1
    assert all(d.location is not None and d.end_location is not None for d in result.diagnostics)


def test_json_source_map_is_lazy_per_container(monkeypatch):
    """The root of a large file and the arrays in it (a request's tools) are indexed
    while parsing, not the objects (a tool): below them (and in a small file), only the
    containers on the way to a pointer are."""
    text = '{"a": {"x": {"p": 1}}, "b": {"y": {"q": [1, 2, 3]}, "z": {"r": 2}}, "c": [{"z": 2}, 3]}'
    small = _doc(text, "t.json").sourcemap
    small.span(("b", "y", "q", 2))
    assert sorted(text[o:o + 4] for o in small._children) == ['[1, ', '{"a"', '{"q"', '{"y"']
    monkeypatch.setattr(document_module, "INDEXED_MIN_CHARS", 0)
    document = _doc(text, "t.json")
    sourcemap = document.sourcemap
    # the root and the value of "c"
    assert sorted(text[o:o + 4] for o in sourcemap._children) == ['[{"z', '{"a"']
    sourcemap.span(("b", "y", "q", 2))
    # and the values of "b", "y" and "q" on the way, not those of "a", "z" or c's items
    assert sorted(text[o:o + 4] for o in sourcemap._children) == ['[1, ', '[{"z', '{"a"', '{"q"', '{"y"']
    assert sourcemap.span(("b", "y", "q", 2))[0] == (text.index("3]"), text.index("3]") + 1)
    assert sourcemap.span(("c", 1))[0] == (text.rindex("3]"), text.rindex("3]") + 1)


def test_released_map_keeps_what_parsing_indexed_and_answers_the_same(monkeypatch):
    """release() (after a chunk of a large file's tools was placed) drops the containers
    lookups read; later lookups read them again and find the same spans."""
    text = '{"a": {"x": {"p": 1}}, "b": {"y": {"q": [1, 2, 3]}, "z": {"r": 2}}, "c": [{"z": 2}, 3]}'
    monkeypatch.setattr(document_module, "INDEXED_MIN_CHARS", 0)
    sourcemap = _doc(text, "t.json").sourcemap
    indexed = sorted(sourcemap._children)
    pointers = [("b", "y", "q", 2), ("a", "x", "p"), ("c", 0, "z"), ("b", "z")]
    before = [sourcemap.span(p, anchor) for p in pointers for anchor in ("key", "value")]
    assert len(sourcemap._children) > len(indexed)
    sourcemap.release()
    assert sorted(sourcemap._children) == indexed and not sourcemap._parents
    assert [sourcemap.span(p, anchor) for p in pointers for anchor in ("key", "value")] == before


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4),
    max_leaves=30)


def _pointers(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _pointers(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _pointers(child, prefix + (index,))


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_indexed_parse_gives_the_data_and_spans_of_the_lazy_map(value, indent, ascii_only):
    """parse_indexed reads what json.loads reads, and its index answers every pointer
    exactly as the lazy source map does."""
    from fcschema.sourcemap import JsonSourceMap

    from unittest import mock

    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    with mock.patch.object(document_module, "INDEXED_MIN_CHARS", 0):
        document = _doc(text, "t.json")
    assert document.json_index or not isinstance(value, (dict, list))
    assert document.data == json.loads(text)
    lazy = JsonSourceMap(text)
    lazy.unique_keys = True
    for pointer in _pointers(value):
        for anchor in ("key", "value"):
            assert document.sourcemap.span(pointer, anchor) == lazy.span(pointer, anchor)
        assert document.sourcemap.member(pointer) == lazy.member(pointer)


def test_yaml_block_scalar_keeps_a_last_line_that_starts_with_a_hash():
    text = "description: |\n  Usage:\n  # run it\nname: f\n"
    covered, start, end, _ = locate(text, "/description", filename="t.yaml")
    assert (start, end) == ((1, 14), (3, 11))
    assert covered.endswith("# run it")
    # in a block mapping, a trailing comment line is not part of the value
    text = "params:\n  type: object\n  # note\nname: f\n"
    assert locate(text, "/params", filename="t.yaml")[1:3] == ((2, 3), (2, 15))


def test_json_is_parsed_by_the_standard_library_not_the_yaml_loader(tmp_path, monkeypatch):
    from fcschema import yaml_loader

    def refuse(text):
        raise AssertionError("a .json file went through the YAML loader")

    monkeypatch.setattr(yaml_loader, "load_yaml", refuse)
    path = tmp_path / "dirty.json"
    path.write_text(DIRTY)
    result = check_paths(CheckOptions(paths=[str(path)]))
    assert {d.code for d in result.diagnostics} >= {"FCS101", "FCS104"}
    assert result.files[0].document.kind == "json"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r\t{}\u00e9\U0001f600", max_size=200),
       st.lists(st.integers(min_value=-5, max_value=210), max_size=30))
def test_positions_counted_in_one_pass_agree_with_the_line_index(text, offsets):
    """Source.positions (newlines counted between sorted offsets, no index) gives what
    position() gives from the line index, for any text and offset, out of range too."""
    counted = Source("t.json", text).positions(offsets)
    indexed = Source("t.json", text)
    _ = indexed.line_starts  # force the index
    assert counted == {offset: indexed.position(offset) for offset in offsets}
    assert set(counted) == set(offsets)


def test_positions_on_a_long_single_line():
    """A minified file: every finding is on row 1, at its offset's column."""
    text = "[" + ",".join(["{}"] * 200_000) + "]"
    found = Source("t.json", text).positions(range(0, len(text) + 7, 7))
    assert all(position.row == 1 for position in found.values())
    assert all(found[offset].column == min(offset, len(text)) + 1 for offset in found)


@pytest.mark.parametrize("accelerated", [True, False])
def test_json_is_read_alike_with_or_without_the_c_scanner(monkeypatch, accelerated):
    """The parser hands the C scanner a small object of hooks (document._Hooks); where
    the json module has no C scanner, a JSONDecoder: the data, the duplicate keys and the
    non-finite numbers found are the same."""
    import json.scanner

    if not accelerated:
        monkeypatch.setattr(json.scanner, "c_make_scanner", None)
        monkeypatch.setattr(json.scanner, "make_scanner", json.scanner.py_make_scanner)

    def no_second_parse(*_args, **_kwargs):  # (what a failed parse_indexed falls back to)
        raise AssertionError("parse_indexed failed")

    monkeypatch.setattr(json, "loads", no_second_parse)
    monkeypatch.setattr(document_module, "INDEXED_MIN_CHARS", 0)
    text = '[{"a": 1, "b": [1.5, 10000000000000000000001, NaN], "a": {"c": "\\u00e9", "d": null}}]'
    document = _doc(text, "t.json")
    assert document.json_index  # read by parse_indexed, with its index
    assert document.data == [{"a": {"c": "\u00e9", "d": None}, "b": [1.5, 10 ** 22 + 1, document.data[0]["b"][2]]}]
    assert type(document.data[0]["b"][0]) is float and document.data[0]["b"][2] != document.data[0]["b"][2]
    assert sorted(p.code for p in document.problems) == ["FCS001", "FCS004"]
