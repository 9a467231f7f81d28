"""YAML read through libyaml's events (ruamel.yaml.clib) reads as through the pure parser.

The pure parser is the reference: its data, spans, notes and messages are what fcschema
reported before libyaml was used, and what it still reports where libyaml is missing or
declines a text. The fast path must give exactly the same for every text the pure parser
reads.
"""

import glob
import os
import random

import pytest

from fcschema import yaml_loader
from fcschema.yaml_loader import YamlLoadError, load_yaml

# ruamel.yaml.clib is a dependency on CPython; elsewhere (PyPy) the pure parser reads YAML.
needs_libyaml = pytest.mark.skipif(yaml_loader._libyaml_parser() is None, reason="ruamel.yaml.clib is not installed")

ROOT = os.path.join(os.path.dirname(__file__), "..")


def _read(text, fast):
    """What load_yaml gives (or the error it raises), through libyaml or the pure parser."""
    real = yaml_loader._libyaml_parser
    if not fast:
        yaml_loader._libyaml_parser = lambda: None
    try:
        loaded = load_yaml(text)
        return ("read", loaded.data, loaded.members, loaded.notes, loaded.documents)
    except YamlLoadError as error:
        return ("error", error.message, error.offset, error.end)
    finally:
        yaml_loader._libyaml_parser = real


TEXTS = [
    "type: function\nfunction:\n  name: get_weather\n  parameters:\n    type: object\n"
    "    properties:\n      city: {type: string, description: \"The city, e.g. Paris\"}\n"
    "    required: [city]\n    additionalProperties: false\n",
    "- type: function\n  name: f\n  description: 'It''s here'  # a comment\n- {type: function, name: g}\n",
    "base: &base {type: string, description: shared}\ntools:\n  - name: f\n    parameters:\n"
    "      properties:\n        a: *base\n        b:\n          <<: *base\n          description: own\n",
    "%YAML 1.1\n---\nlegacy: yes\noctal: 010\n",
    "modern: yes\noctal: 0o10\nhex: 0x1F\nfloat: 1.5e3\ninf: .inf\nnull: ~\nbool: true\n",
    "first: 1\n---\nsecond: 2\n...\n",
    "text: |\n  line one\n  line two\nfolded: >\n  folded\n  words\n\n  paragraph\nkept: |+\n  x\n\n",
    "quoted: \"tab\\tand \\u00e9\"\nsingle: 'a ''b'' c'\nunicode: é 😀 中文\n",
    "tagged: !!str 123\ncustom: !thing value\nbinary: !!binary aGVsbG8=\n",
    "nested: {a: [1, {b: [2, 3]}], c: {d: e}}\n",
    "? complex key\n: value\n",
    "# only a comment\n",
    "",
    "key: value # trailing\n# between\nother: [1, 2]   \n",
    "dup: 1\ndup: 2\n",
    "1: int key\ntrue: bool key\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "a: *undefined\n",
    "- a\nb: c\n",
    "%YAML 2.0\n---\na: 1\n",
    "a: 'unterminated\n",
    "a: \x07\n",
]


@needs_libyaml
@pytest.mark.parametrize("text", TEXTS)
def test_libyaml_reads_as_the_pure_parser(text):
    assert _read(text, fast=True) == _read(text, fast=False)


def _example_texts():
    """The text of every YAML file of the examples that is UTF-8 (one shows a file that is not)."""
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.y*ml"), recursive=True)):
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


@needs_libyaml
def test_the_example_yaml_files_read_alike():
    texts = _example_texts()
    assert len(texts) > 100
    for text in texts:
        assert _read(text, fast=True) == _read(text, fast=False), text


@needs_libyaml
def test_mutated_tool_files_read_alike_wherever_the_pure_parser_reads_them():
    """Random edits of the examples (characters YAML gives meaning to, inserted, removed or
    replaced): whatever the pure parser reads, libyaml's path reads identically, and a
    text the pure parser refuses is refused with the same message, except a few that
    libyaml reads and the pure parser does not (``["a":b]``, valid YAML 1.2)."""
    seeds = _example_texts()
    rng = random.Random(20261207)
    alphabet = list(":-?[]{},#&*!|>'\"%@`\n ab1~") + ["\n  ", ": ", "- ", "\n- ", ": |\n  ", ": >\n  ",
                                                        "&a ", "*a", "!!str ", "---\n", "é"]
    read = differ = 0
    for _ in range(250):
        text = rng.choice(seeds)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            kind = rng.random()
            if kind < 0.4:
                text = text[:at] + rng.choice(alphabet) + text[at:]
            elif kind < 0.7:
                text = text[:at] + text[at + 1:]
            else:
                text = text[:at] + rng.choice(alphabet) + text[at + 1:]
        pure, fast = _read(text, fast=False), _read(text, fast=True)
        if pure[0] == "read":
            read += 1
            assert fast == pure, text
        elif fast != pure:
            differ += 1
            assert fast[0] == "read", text  # libyaml reads what the pure parser refuses, never the reverse
    assert read > 60 and differ < 8


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a:\nb: 1\n",                 # an empty value: placed apart by the two
    "a: {b: }\n",
    "a:\tb\n",                    # a tab after the colon: libyaml reads it
    "on: push\njobs:\n  test:\n    run\x85s-on: linux\n",  # YAML 1.1 line breaks: libyaml
    "a:\n  b: x\u2028c: d\n",                               # breaks lines at them
    "a:\n  b: x\u2029c: d\n",
    "a: 1\n\ufeff",               # a byte-order mark inside the text
])
def test_what_the_two_read_apart_goes_to_the_pure_parser(text):
    assert yaml_loader._compose_with_libyaml(text) is None
    assert _read(text, fast=True) == _read(text, fast=False)


def test_an_empty_value_is_placed_where_the_pure_parser_places_it():
    loaded = load_yaml("a:\nb: 1\n")
    assert loaded.members[("a",)] == (0, 1, 3, 3)  # where the next key starts


@needs_libyaml
def test_libyaml_is_used_for_a_plain_tool_file():
    roots = yaml_loader._compose_with_libyaml("type: function\nname: f\n")
    assert roots is not None and len(roots) == 1


@needs_libyaml
def test_libyaml_errors_are_worded_by_the_pure_parser():
    text = "tools:\n  - name: f\n    parameters: [1, 2\n"
    assert yaml_loader._compose_with_libyaml(text) is None
    with pytest.raises(YamlLoadError) as raised:
        load_yaml(text)
    assert raised.value.message.startswith("invalid YAML: expected ',' or ']'")


@needs_libyaml
@pytest.mark.parametrize("levels", [300, 100_000])
@pytest.mark.parametrize("nest", [lambda n: "[" * n + "]" * n, lambda n: "- " * n + "x\n",
                                  lambda n: "a: " + "{b: " * n + "1" + "}" * n + "\n"])
def test_deep_nesting_read_through_libyaml_is_refused_where_it_passes_the_limit(nest, levels):
    """libyaml's own composer recurses in C: 100,000 levels crashed the process. fcschema
    composes libyaml's events itself, and stops where the pure parser stops (compared at
    300 levels: the pure scanner takes seconds for 1,000)."""
    text = nest(levels)
    with pytest.raises(YamlLoadError) as raised:
        load_yaml(text)
    assert "nested too deeply" in raised.value.message
    if levels == 300:
        assert _read(text, fast=True) == _read(text, fast=False)
    else:
        assert raised.value.offset == _read(nest(300), fast=False)[2]


@pytest.mark.parametrize("fast", [True, False])
def test_a_folded_scalar_reads_as_yaml_folds_it(fast):
    if fast and yaml_loader._libyaml_parser() is None:
        pytest.skip("ruamel.yaml.clib is not installed")
    """Regression: ruamel's round-trip scanner marks each fold of a folded scalar with a
    BEL character, and the pure path kept them in the data (a description read as
    'Current weather\\x07 for a city.')."""
    text = "description: >\n  Current weather\n  for a city.\nkept: >-\n  a\n  b\n\n  c\n"
    assert _read(text, fast)[1] == {"description": "Current weather for a city.\n", "kept": "a b\nc"}


def test_without_libyaml_the_pure_parser_reads_everything(monkeypatch):
    monkeypatch.setattr(yaml_loader, "_libyaml_parser", lambda: None)
    assert yaml_loader._compose_with_libyaml("a: 1\n") is None
    assert load_yaml("a: 1\n").data == {"a": 1}
