"""compact_encoder and indented_encoder write what the json module writes, for every option used."""

import json
import math

import pytest

from fcschema.json_encoding import compact_encoder, indented_encoder
from fcschema.textedit import _dumps

VALUES = [
    True, False, None, 0, -7, 10 ** 30, 1.5, -0.0, 1e300, "", "plain", "ünïcödé ✓", 'quote " and \\ backslash',
    "line\nbreak\ttab\x01", "\ud800 lone surrogate", ["integer", "null"], [], {}, {"b": 1, "a": [True, None, 2.5]},
    {"nested": {"deeper": [{"x": "y"}]}}, [1, [2, [3, [4]]]], {"é": "ü", "1": 1},
]


@pytest.mark.parametrize("options", [
    dict(ensure_ascii=False, allow_nan=False),
    dict(ensure_ascii=True, allow_nan=True, sort_keys=True, default=str),
    dict(ensure_ascii=True, separators=(",", ":")),
    dict(),
])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_same_text_as_the_json_module(options, value):
    assert compact_encoder(**options)(value) == json.JSONEncoder(**options).encode(value)


def test_non_finite_numbers_are_refused_as_by_the_json_module():
    encode = compact_encoder(allow_nan=False)
    for value in (math.nan, math.inf, [1, -math.inf], {"a": math.nan}):
        with pytest.raises(ValueError):
            json.JSONEncoder(allow_nan=False).encode(value)
        with pytest.raises(ValueError):
            encode(value)
    assert compact_encoder(allow_nan=True)([math.nan, math.inf]) == "[NaN, Infinity]"


def test_default_is_called_for_what_json_cannot_write():
    assert compact_encoder(default=str)({"when": frozenset()}) == '{"when": "frozenset()"}'
    with pytest.raises(TypeError):
        compact_encoder()(object())


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_fix_text_of_a_value(value):
    """What --fix writes: the JSON text, with a lone surrogate kept as an escape."""
    written = _dumps(value)
    assert json.loads(written) == json.loads(json.dumps(value))
    written.encode("utf-8")  # encodable: no lone surrogate left raw
    if value == "\ud800 lone surrogate":
        assert written == '"\\ud800 lone surrogate"'


def test_without_the_c_accelerator_the_json_module_writes(monkeypatch):
    import json.encoder

    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    encode = compact_encoder(ensure_ascii=False, allow_nan=False)
    assert encode({"b": [True, None], "a": "ü"}) == '{"b": [true, null], "a": "ü"}'
    with pytest.raises(ValueError):
        encode(math.nan)


# indented_encoder: the json module's indented text (the json, sarif and gitlab outputs).

class _Text(str):
    pass


INDENTED_VALUES = VALUES + [
    (1, "two", (3.0,)), [[], {}, [[]], {"a": {}}], math.nan, -math.inf, {"x": [math.inf, -1e-300, 2 ** 70]},
    {"row": 1, "column": 2, "flag": True, "none": None, "text": "é\u2028"}, [None, False, True, 0, -0.0],
    {1: "int key", "s": 1}, {True: "bool key"}, {None: "none key"}, {2.5: "float key"},
    {"sub": _Text("str subclass")}, [_Text("in a list")], {_Text("key"): 1},
]


@pytest.mark.parametrize("indent", [2, 4])
@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("value", INDENTED_VALUES, ids=repr)
def test_indented_text_is_the_json_modules(value, ensure_ascii, indent):
    expected = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    assert indented_encoder(indent, ensure_ascii=ensure_ascii)(value) == expected


def _random_value(rng, depth=0):
    choice = rng.randrange(10 if depth < 4 else 6)
    if choice == 0:
        return rng.choice([None, True, False])
    if choice == 1:
        return rng.randrange(-10 ** 6, 10 ** 6)
    if choice == 2:
        return rng.choice([0.5, -2.25, 1e20, math.nan, math.inf])
    if choice in (3, 4, 5):
        return "".join(rng.choice('ab"\\\n\u00e9\u4e2d\U0001f600 ') for _ in range(rng.randrange(6)))
    if choice in (6, 7):
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["a", "b", "é", "", "row"]) + str(i): _random_value(rng, depth + 1)
            for i in range(rng.randrange(4))}


def test_indented_text_of_random_values():
    import random

    rng = random.Random(20261122)
    encode = indented_encoder(2)  # one encoder for all: what it remembers must not leak between values
    for _ in range(500):
        value = _random_value(rng)
        assert encode(value) == json.dumps(value, indent=2, ensure_ascii=True)


def test_indented_encoder_refuses_what_the_json_module_refuses():
    encode = indented_encoder(2)
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError):
        encode(loop)
    with pytest.raises(TypeError):
        encode({"a": [object()]})
