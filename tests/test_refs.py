"""The `$ref` resolver (fcschema.refs) and the size measurement that follows references."""

from __future__ import annotations

import sys

import pytest

from fcschema.engine import Settings, ToolContext
from fcschema.formats.model import CHAT, FUNCTION, STRICT_ON, ToolSite
from fcschema.refs import CYCLE, MALFORMED, MISSING, OK, REMOTE, Resolver, describe_chain, parse_ref
from fcschema.schema_limits import measure

ADDRESS = {"type": "object", "properties": {"city": {"type": "string"}}}
SCHEMA = {
    "type": "object",
    "properties": {"home": {"$ref": "#/$defs/address"}},
    "anyOf": [{"type": "string"}],
    "$defs": {"address": ADDRESS, "a/b": {"type": "string"}, "a~b": {"type": "integer"},
              "with space": {"type": "boolean"}},
    "definitions": {"legacy": {"type": "null"}},
}


@pytest.mark.parametrize("ref, path", [
    ("#", ()),
    ("#/$defs/address", ("$defs", "address")),
    ("#/definitions/legacy", ("definitions", "legacy")),
    ("#/$defs/a~1b", ("$defs", "a/b")),
    ("#/$defs/a~0b", ("$defs", "a~b")),
    ("#/$defs/with%20space", ("$defs", "with space")),
    ("#/anyOf/0", ("anyOf", 0)),
    ("#/properties/home", ("properties", "home")),
])
def test_local_references_resolve(ref, path):
    found = Resolver(SCHEMA).resolve(ref)
    assert found.status == OK and found.path == path
    node = SCHEMA
    for segment in path:
        node = node[segment]
    assert found.target is node


@pytest.mark.parametrize("ref, status", [
    ("#/$defs/adress", MISSING),
    ("#/anyOf/1", MISSING),
    ("#/anyOf/00", MISSING),
    ("#address", MISSING),          # plain-name fragment ($anchor)
    ("#/$defs/a~2b", MALFORMED),    # only ~0 and ~1 are escapes
    ("", MALFORMED),
    (5, MALFORMED),
    ("https://example.com/address.json", REMOTE),
    ("address.json#/$defs/x", REMOTE),
    ("urn:example:address", REMOTE),
])
def test_unusable_references_say_why(ref, status):
    found = Resolver(SCHEMA).resolve(ref)
    assert found.status == status
    assert found.reason


def test_parse_ref_never_looks_anything_up():
    assert parse_ref("#/$defs/x") == (OK, ("$defs", "x"), "")
    assert parse_ref("#")[:2] == (OK, ())


def test_a_chain_ends_at_the_first_real_schema():
    schema = {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"}, "c": {"type": "string"}}}
    end = Resolver(schema).final("#/$defs/a")
    assert end.ok and end.path == ("$defs", "c") and end.target == {"type": "string"}


def test_a_loop_of_references_is_a_cycle_not_a_hang():
    schema = {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}
    resolver = Resolver(schema)
    end = resolver.final("#/$defs/a")
    assert end.status == CYCLE
    assert end.chain == ("#/$defs/a", "#/$defs/b", "#/$defs/a")
    assert resolver.final("#/$defs/b").status == CYCLE


def test_the_root_referring_to_itself_is_a_cycle():
    assert Resolver({"$ref": "#"}).final("#").status == CYCLE


def test_recursion_through_structure_is_not_a_cycle():
    schema = {"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}}}}
    assert Resolver(schema).final("#/$defs/node").ok


def _chain(count):
    defs = {f"d{i}": {"$ref": f"#/$defs/d{i + 1}"} for i in range(count)}
    defs[f"d{count}"] = {"type": "string"}
    return Resolver({"$defs": defs})


def test_a_long_chain_is_followed_without_recursion():
    count = 20_000
    assert sys.getrecursionlimit() < count
    end = _chain(count).final("#/$defs/d0")
    assert end.ok and end.path == ("$defs", f"d{count}")


def test_each_reference_of_a_chain_is_followed_once_however_many_ask():
    count = 2_000
    resolver = _chain(count)
    hops = []
    original = resolver.resolve
    resolver.resolve = lambda ref: hops.append(ref) or original(ref)
    for i in range(count + 1):  # every reference of the chain asks for its end
        assert resolver.final(f"#/$defs/d{i}").ok
    assert len(hops) <= count + 1     # linear, not count * count / 2


def test_describe_chain_shortens_long_loops():
    assert describe_chain(("a", "b", "a")) == "a -> b -> a"
    assert "..." in describe_chain(tuple(str(i) for i in range(50)))


# ---- measuring through references ------------------------------------------------------

def _ctx(schema):
    site = ToolSite(pointer=(), api=CHAT, kind=FUNCTION, shape="schema", data={}, name="f",
                    schema=schema, schema_pointer=(), strict=STRICT_ON)
    return ToolContext(site, None, Settings(), [])


def _measure(schema):
    return measure(schema, (), _ctx(schema))


def _obj(**properties):
    return {"type": "object", "properties": properties}


def test_depth_continues_through_a_reference():
    schema = _obj(a=_obj(b={"$ref": "#/$defs/deep"}))          # the $ref node is at level 3
    schema["$defs"] = {"deep": _obj(c=_obj(d={"type": "string"}))}  # three levels deep
    deepest = _measure(schema).deepest
    assert deepest.depth == 5
    assert deepest.via_ref == "#/$defs/deep"
    assert deepest.pointer == ("properties", "a", "properties", "b")


def test_recursive_references_are_not_followed():
    schema = _obj(root={"$ref": "#/$defs/node"})
    schema["$defs"] = {"node": _obj(children={"type": "array", "items": {"$ref": "#/$defs/node"}})}
    assert _measure(schema).deepest.depth == 4   # root 1, root 2, children 3 (node at 2 + 3 - 1), items 4


def test_counts_are_as_written():
    schema = _obj(a={"type": "string", "enum": ["xy", "z"]}, bc={"const": 12})
    schema["$defs"] = {"def": _obj(d={"type": "null"})}
    sizes = _measure(schema)
    assert sizes.properties == 3                      # a, bc, d
    assert sizes.enum_values == 2
    assert sizes.characters == len("a") + len("bc") + len("def") + len("d") + 3 + 2


def test_a_very_deep_schema_is_measured_without_recursion():
    schema = node = {"type": "object", "properties": {}}
    for _ in range(50_000):
        child = {"type": "object", "properties": {}}
        node["properties"]["x"] = child
        node = child
    assert _measure(schema).deepest.depth == 50_001


def test_a_leaf_counts_for_depth_and_values_count_their_json_text():
    # b has none of the keywords measure() reads: it still sets the depth.
    schema = _obj(a=_obj(b={"type": "string", "description": "ünïcode"}),
                  e={"enum": [1.5, None, "é", {"k": [True]}]}, c={"const": ["ü"]})
    sizes = _measure(schema)
    assert sizes.deepest.depth == 3
    assert sizes.deepest.pointer == ("properties", "a", "properties", "b")
    assert sizes.characters == (len("a") + len("e") + len("c") + len("b")
                                + len("1.5") + len("null") + len("é") + len('{"k": [true]}') + len('["ü"]'))
    assert sizes.enum_values == 4
