"""Fixing a tools list entry by entry (entryfix) gives what fixing the whole file round by
round (fixes.fix_text) gives: the same text, the same fixes in the same order, the same
findings left. And it falls back to the whole file where that cannot be promised."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcschema import entryfix
from fcschema.document import parse
from fcschema.engine import Engine
from fcschema.entryfix import fix_entries, plan
from fcschema.fixes import RoundMemo, fix_text
from fcschema.fixops import get
from fcschema.source import Source
from test_fix_properties import ROOTS
from test_sourcemap import _pointers


def _loosen(schema, draw):
    """Spellings the fixes change over several rounds: OpenAPI-ish types, defaults."""
    if not isinstance(schema, dict):
        return schema
    schema = dict(schema)
    if schema.get("type") == "integer" and draw(st.booleans()):
        schema["type"] = draw(st.sampled_from(["int", "float", "dict"]))
    if schema.get("type") == "object" and draw(st.booleans()):
        schema["type"] = "dict"
    if "properties" in schema:
        schema["properties"] = {k: _loosen(v, draw) for k, v in schema["properties"].items()}
    if "items" in schema:
        schema["items"] = _loosen(schema["items"], draw)
    return schema


@st.composite
def tool_files(draw):
    tools = []
    for n in range(draw(st.integers(1, 5))):
        schema = _loosen(draw(ROOTS), draw)
        strict = draw(st.sampled_from([None, True, False]))
        name = draw(st.sampled_from([f"tool_{n}", f"tool.{n}", "same"]))
        if draw(st.booleans()):
            function = {"name": name, "parameters": schema}
            if strict is not None:
                function["strict"] = strict
            tools.append({"type": "function", "function": function})
        else:
            tool = {"type": "function", "name": name, "parameters": schema}
            if strict is not None:
                tool["strict"] = strict
            tools.append(tool)
    data = tools if draw(st.booleans()) else {"model": "m", "tools": tools}
    indent = draw(st.sampled_from([None, 2, "\t"]))
    text = json.dumps(data, indent=indent)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text, draw(st.booleans())


def _first(source: Source, engine: Engine, memo: RoundMemo):
    document = parse(source)[0]
    found, sites = engine.lint_document(document.data, document, None, memo)
    return document, found, sites


def _summary(outcome):
    document, found, _sites = outcome.final
    return (outcome.text, outcome.applied, outcome.broken,
            [(d.code, d.pointer_text, d.message) for d in found], document.source.text)


def _both(text: str, unsafe: bool):
    engine = Engine()
    whole = fix_text(Source("t.json", text), engine, unsafe)
    memo = RoundMemo()
    source = Source("t.json", text)
    by_entry = fix_entries(source, engine, unsafe, lambda found: found, _first(source, engine, memo), memo)
    return whole, by_entry


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tool_files())
def test_entry_by_entry_is_the_whole_file_round_by_round(case):
    text, unsafe = case
    whole, by_entry = _both(text, unsafe)
    if not whole.applied:
        return  # nothing to fix: the entries are not used
    assert by_entry is not None
    assert _summary(by_entry) == _summary(whole)


def test_several_rounds_in_several_entries():
    """Responses tools without `strict`: the types are fixed first, then (the tool now able
    to run strict) optional fields become required and nullable."""
    tools = [{"type": "function", "name": f"t{n}", "parameters": {
        "type": "dict", "properties": {"a": {"type": "float"}, "b": {"type": "string", "default": "x"}},
        "required": ["a"]}} for n in range(3)]
    text = json.dumps(tools, indent=4)
    whole, by_entry = _both(text, True)
    assert _summary(by_entry) == _summary(whole)
    codes = [fix.code for fix in by_entry.applied]
    assert codes.index("FCS202") > codes.index("FCS109")  # round by round, as the whole file
    assert json.loads(by_entry.text)[2]["parameters"]["properties"]["b"]["type"] == ["string", "null"]


def test_the_fixed_file_lints_no_fixed_entry_again(monkeypatch):
    """Each entry's last round lint is kept: linting the fixed file lints none of its
    tools again (the same findings as linting them would give: the test above)."""
    tools = [{"type": "function", "name": f"t{n}", "parameters": {
        "type": "dict", "properties": {"a": {"type": "float"}, "b": {"type": "string"}},
        "required": ["a"]}} for n in range(4)]
    text = json.dumps({"model": "m", "tools": tools}, indent=2)
    engine = Engine()
    memo = RoundMemo()
    source = Source("t.json", text)
    first = _first(source, engine, memo)
    linted = []
    real_lint_site = Engine.lint_site
    real_fix_entry = entryfix.fix_entry
    in_rounds = []

    def fix_entry(*args, **kwargs):
        in_rounds.append(True)
        try:
            return real_fix_entry(*args, **kwargs)
        finally:
            in_rounds.pop()

    def lint_site(self, site, document=None):
        if not in_rounds:
            linted.append(site.name)
        return real_lint_site(self, site, document)

    monkeypatch.setattr(entryfix, "fix_entry", fix_entry)
    monkeypatch.setattr(Engine, "lint_site", lint_site)
    outcome = fix_entries(source, engine, True, lambda found: found, first, memo)
    assert [fix.code for fix in outcome.applied].count("FCS202") == 4
    assert linted == []


def _planned(text: str):
    engine = Engine()
    source = Source("t.json" if text.lstrip()[:1] in "[{" else "t.yaml", text)
    document, found, sites = _first(source, engine, RoundMemo())
    return plan(document, found, sites, lambda found: found, True)


def test_what_is_not_a_tools_list_is_fixed_whole():
    tool = {"type": "function", "function": {"name": "f", "strict": True, "parameters": {
        "type": "object", "properties": {"a": {"type": "string"}}}}}
    assert _planned(json.dumps([tool])) is not None
    assert _planned(json.dumps({"tools": [tool]})) is not None
    assert _planned(json.dumps(tool)) is None                                  # one tool
    assert _planned("- type: function\n  function:\n    name: f\n    strict: true\n"
                    "    parameters: {type: object, properties: {a: {type: string}}}\n") is None  # YAML
    request = {"tools": [tool], "response_format": {"type": "json_schema", "json_schema": {
        "name": "r", "strict": True, "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
    assert _planned(json.dumps(request)) is None     # a fix outside the tools list


def test_a_fix_reaching_outside_its_entry_is_fixed_whole():
    engine = Engine()
    tool = {"type": "function", "function": {"name": "f", "strict": True, "parameters": {
        "type": "object", "properties": {"a": {"type": "string"}}}}}
    source = Source("t.json", json.dumps([tool, tool]))
    document, found, sites = _first(source, engine, RoundMemo())
    fixable = next(d for d in found if d.fix is not None and d.fix.ops)
    assert plan(document, found, sites, lambda found: found, True) is not None
    op = fixable.fix.ops[0]
    moved = fixable.replace(fix=fixable.fix.replace(ops=(op._replace(**{op._fields[0]: (1,) + tuple(op[0][1:])}),)
                                                      + tuple(fixable.fix.ops)))
    assert plan(document, [moved], sites, lambda found: found, True) is None


def test_an_entry_that_reads_otherwise_alone_sends_the_file_back_to_be_fixed_whole(monkeypatch):
    """Each entry is recognised alone before its rounds: if that gave other sites than the
    file did (recognition is per entry today; this guards a change to it), the file is
    fixed whole, and nothing from the entries is kept."""
    tool = {"type": "function", "name": "f", "parameters": {"type": "dict", "properties": {}}}
    text = json.dumps([tool, dict(tool, name="g")], indent=2)
    real = entryfix.recognise_entry

    def other_for_the_second(entry, tools_list, index):
        sites, problems = real(entry, tools_list, index)
        return (sites + sites if index == 1 else sites), problems

    monkeypatch.setattr(entryfix, "recognise_entry", other_for_the_second)
    engine = Engine()
    memo = RoundMemo()
    source = Source("t.json", text)
    assert plan(*_first(source, engine, memo), lambda found: found, True) is not None
    assert fix_entries(source, engine, True, lambda found: found, _first(source, engine, memo), memo) is None


def test_each_entry_is_parsed_alone_not_with_the_text_around_it(monkeypatch):
    """A one-line file of many tools: an entry's rounds read that entry's text only, so
    the work grows with the file, not with the file times its tools."""
    tool = {"type": "function", "function": {"name": "f", "strict": True, "parameters": {
        "type": "object", "properties": {"a": {"type": "string"}}}}}
    text = json.dumps({"padding": "x" * 100_000, "tools": [tool] * 200})
    assert "\n" not in text
    parsed = []
    real = entryfix.parse

    def counting(source, kind=None):
        parsed.append(len(source.text))
        return real(source, kind)

    monkeypatch.setattr(entryfix, "parse", counting)
    whole, by_entry = _both(text, False)
    assert _summary(by_entry) == _summary(whole)
    assert len(parsed) == 200  # each entry's few hundred characters; the fixed file is built from them
    assert sum(parsed) < len(text)


def _spans(document, pointers):
    return [(document.sourcemap.span(pointer), document.sourcemap.span(pointer, "key")) for pointer in pointers]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tool_files(), st.sampled_from(["small", "trailing space", "member after the tools"]))
def test_the_fixed_file_built_from_its_entries_is_the_file_parsed(case, size):
    """The fixed file's document is made from the entries' parses (entryfix._spliced) and
    the file's index, moved: it must be what parsing the fixed text gives, small files
    (no index) and large ones (indexed while parsing: a list of tools or a request, with
    or without members after its tools) alike, at every pointer."""
    text, unsafe = case
    if size == "trailing space":  # large, so indexed while parsing; its shape and format kept
        text += " " * (1 << 16)
    elif size == "member after the tools":
        data = json.loads(text)
        data = {"tools": data} if isinstance(data, list) else data
        text = json.dumps(dict(data, padding="x" * (1 << 16)), indent=2)
    built = []
    real = entryfix._spliced

    def keeping(*args):
        document = real(*args)
        built.append(document)
        return document

    engine = Engine()
    memo = RoundMemo()
    source = Source("t.json", text)
    try:
        entryfix._spliced = keeping
        fix_entries(source, engine, unsafe, lambda found: found, _first(source, engine, memo), memo)
    finally:
        entryfix._spliced = real
    for document in built:
        assert document is not None
        parsed = parse(document.source)[0]
        assert document.data == parsed.data
        assert document.problems == parsed.problems == []
        pointers = list(_pointers(parsed.data))
        pointers += [p + (len(v),) for p in pointers for v in [get(parsed.data, p)] if isinstance(v, list)]
        assert _spans(document, pointers) == _spans(parsed, pointers)


def test_a_file_with_a_duplicate_key_or_nan_is_parsed_again_after_its_entries():
    """Problems are placed by offset and pointer while parsing: such a file is parsed
    again, whole, once its entries are fixed."""
    tool = '{"type": "function", "name": "f", "parameters": {"type": "dict", "properties": {}}}'
    for text in (f'{{"model": "m", "model": "n", "tools": [{tool}]}}',
                 f'{{"model": NaN, "tools": [{tool}]}}',
                 f'{{"tools": [{tool[:-1]}, "name": "g"}}]}}'):
        built = []
        real = entryfix._spliced
        try:
            entryfix._spliced = lambda *args: built.append(real(*args)) or built[-1]
            whole, by_entry = _both(text, True)
        finally:
            entryfix._spliced = real
        assert built == [None], text
        assert _summary(by_entry) == _summary(whole)


def test_the_memo_gives_a_tool_s_findings_only_for_the_same_tool_and_text():
    """RoundMemo: asked again about the document it was given (the fixed file, linted once
    the entries are fixed), or about another document where the tool's text is the same,
    it gives copies of what it kept; for a tool recognised otherwise, or whose text
    changed, nothing."""
    engine = Engine()
    text = json.dumps([{"type": "function", "function": {"name": "a", "parameters": {"type": "dict"}}},
                       {"type": "function", "function": {"name": "b", "parameters": {"type": "dict"}}}],
                      indent=2)
    document = parse(Source("t.json", text))[0]
    found, sites = engine.lint_document(document.data, document)
    memo = RoundMemo()
    for site in sites:
        memo.put(site, document, [d for d in found if d.tool == site.name])
    again = memo.get(sites[0], document)
    assert [(d.code, d.pointer) for d in again] == [(d.code, d.pointer) for d in found if d.tool == "a"]
    assert again and not {id(d) for d in again} & {id(f) for f in found}  # copies
    assert memo.get(sites[0].replace(name="other"), document) is None
    same_text = parse(Source("t.json", text))[0]
    assert memo.get(engine.lint_document(same_text.data, same_text)[1][0], same_text) is not None
    changed = parse(Source("t.json", text.replace('"dict"', '"object"', 1)))[0]
    assert memo.get(engine.lint_document(changed.data, changed)[1][0], changed) is None
