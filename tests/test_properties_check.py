"""Property-based tests over generated documents and arbitrary bytes (issue 8):

* reading, checking and printing never raise, whatever the file holds;
* ``--fix`` on arbitrary documents (not only strict schemas: tests/test_fix_properties.py)
  never breaks a file, is idempotent, and leaves nothing it could still fix;
* ``convert`` through files (read, convert, write, read back, convert back) gives what the
  conversion of the data gives (tests/test_convert_properties.py covers the data).

The generators live in tests/fuzz/fuzz_targets.py, shared with the fuzzing harness.
"""

from __future__ import annotations

import json
import os
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz"))

import fuzz_targets  # noqa: E402

from fcschema.convert import convert  # noqa: E402
from fcschema.convert_io import InputError, dump, load  # noqa: E402
from fcschema.document import decode, parse  # noqa: E402
from fcschema.engine import Engine  # noqa: E402
from fcschema.fixes import fix_text, select_edits, wanted  # noqa: E402
from fcschema.source import Source  # noqa: E402

SLOW = dict(deadline=None, suppress_health_check=list(HealthCheck))
ANY_BYTES = st.binary(max_size=400).map(lambda b: b"\x00" + b) | st.binary(max_size=400).map(lambda b: b"\x01" + b)


@settings(max_examples=200, **SLOW)
@given(fuzz_targets.documents() | ANY_BYTES)
def test_loaders_never_raise_and_source_maps_point_inside_the_text(data):
    fuzz_targets.target_loaders(data)


@settings(max_examples=30, **SLOW)
@given(fuzz_targets.documents() | ANY_BYTES)
def test_check_never_raises_and_every_format_prints(data):
    fuzz_targets.target_rules(data)


ENGINE = Engine()


@settings(max_examples=150, **SLOW)
@given(fuzz_targets.documents(), st.booleans())
# Regression (found here): FCS301 removed an object's only keyword and added a description
# to it in one fix, written as `{, "description": ...}`: a round that broke the file.
@example(b'\x00{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "array", "items": '
         b'{"type": "object", "properties": {"a": {"type": "object", "properties": {"a": {"maxLength": 0}}}}}}, '
         b'"strict": true}}', True)
def test_fix_is_idempotent_and_leaves_nothing_fixable(data, unsafe):
    name, content = fuzz_targets.split(data)
    source, _problem = decode(content, name, None)
    if source is None or parse(source)[0] is None:
        return
    outcome = fix_text(source, ENGINE, unsafe)
    assert outcome.broken is None, outcome.broken
    fixed = Source(name, outcome.text, source.encoding, source.bom)
    document, problems = parse(fixed)
    assert document is not None, problems
    outcome.text.encode(source.encoding)  # writable in the file's own encoding
    again = fix_text(fixed, ENGINE, unsafe)
    assert again.text == outcome.text and not again.applied
    remaining = [d for d in ENGINE.lint_data(document.data, document) if wanted(d, unsafe)]
    edits, _accepted = select_edits(document, remaining)
    assert edits == []


def _convert_file(text, name, kind, to):
    document = load(text, name, kind)
    result = convert(document.data, to=to)
    return result, (dump(document, result.data) if result.ok else None)


@settings(max_examples=150, **SLOW)
@given(fuzz_targets.documents(fuzz_targets.tool_documents()), st.sampled_from(["chat", "responses"]))
def test_convert_through_files_gives_the_data_conversion(data, to):
    name, content = fuzz_targets.split(data)
    try:
        text = content.decode("utf-8-sig")
        kind = "yaml" if name.endswith(".yaml") else "json"
        original = load(text, name, kind)
    except (UnicodeDecodeError, InputError):
        return
    back = "chat" if to == "responses" else "responses"
    by_data = convert(original.data, to=to)
    result, written = _convert_file(text, name, kind, to)
    assert result.ok == by_data.ok
    if written is None:
        return
    assert _plain(load(written, name, kind).data) == _plain(by_data.data)
    by_data_back = convert(by_data.data, to=back)
    result_back, written_back = _convert_file(written, name, kind, back)
    assert result_back.ok == by_data_back.ok
    if written_back is not None:
        assert _plain(load(written_back, name, kind).data) == _plain(by_data_back.data)


def _plain(value):
    """Comparable JSON text (ruamel's containers and scalars as plain data)."""
    return json.dumps(value, sort_keys=True, default=str)
