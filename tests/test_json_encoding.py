"""compact_encoder writes what json.JSONEncoder(...).encode writes, for every option used."""

import json
import math

import pytest

from fcschema.json_encoding import compact_encoder
from fcschema.textedit import _dumps

VALUES = [
    True, False, None, 0, -7, 10 ** 30, 1.5, -0.0, 1e300, "", "plain", "ünïcödé ✓", 'quote " and \\ backslash',
    "line\nbreak\ttab\x01", "\ud800 lone surrogate", ["integer", "null"], [], {}, {"b": 1, "a": [True, None, 2.5]},
    {"nested": {"deeper": [{"x": "y"}]}}, [1, [2, [3, [4]]]], {"é": "ü", "1": 1},
]


@pytest.mark.parametrize("options", [
    dict(ensure_ascii=False, allow_nan=False),
    dict(ensure_ascii=True, allow_nan=True, sort_keys=True, default=str),
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
