"""--fix: exact text edits that keep formatting, a loop that never breaks a file, atomic
writes, and the same result as make_strict on data."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner

from fcschema.cli import main
from fcschema.document import read_source
from fcschema.engine import Engine
from fcschema.fixes import fix_text
from fcschema.source import Source

CHAT_JSON = """{
  "type": "function",
  "function": {
    "name": "get_weather",
    "strict": true,
    "parameters": {
      "type": "object",
      "properties": {
        "city": {"type": "string"},
        "days": {"type": "integer", "default": 3}
      },
      "required": ["city"]
    }
  }
}
"""

CHAT_YAML = """# Weather tool (comment kept)
type: function
function:
  name: get_weather
  strict: true   # strict on purpose
  parameters:
    type: object
    properties:
      city: {type: string}   # flow style kept
      days:
        type: integer
        default: 3
    required:
      - city
"""


def fixed(text: str, filename: str, unsafe: bool = False) -> str:
    outcome = fix_text(Source(filename, text), Engine(), unsafe)
    assert outcome.broken is None
    return outcome.text


def test_json_fix_result():
    data = json.loads(fixed(CHAT_JSON, "t.json"))
    params = data["function"]["parameters"]
    assert params["additionalProperties"] is False
    assert params["required"] == ["city", "days"]
    assert params["properties"]["days"] == {"type": ["integer", "null"], "description": "Default: 3."}


def test_yaml_keeps_comments_flow_style_and_untouched_lines():
    out = fixed(CHAT_YAML, "t.yaml")
    assert "# Weather tool (comment kept)\n" in out
    assert "  strict: true   # strict on purpose\n" in out
    assert "      city: {type: string}   # flow style kept\n" in out
    assert "        type: [integer, \"null\"]\n" in out
    assert "      - days\n" in out
    assert "    additionalProperties: false\n" in out
    # Every original line that no fix had to touch is still there, byte for byte.
    touched = {"        type: integer\n", "        default: 3\n"}
    for line in CHAT_YAML.splitlines(keepends=True):
        if line not in touched:
            assert line in out


def test_crlf_is_kept_on_every_line():
    text = CHAT_JSON.replace("\n", "\r\n")
    out = fixed(text, "t.json")
    assert "\n" not in out.replace("\r\n", "")
    assert json.loads(out)["function"]["parameters"]["additionalProperties"] is False
    text = CHAT_YAML.replace("\n", "\r\n")
    out = fixed(text, "t.yaml")
    assert "\n" not in out.replace("\r\n", "")
    assert "    additionalProperties: false\r\n" in out


def test_tab_indented_json_gets_tabs():
    text = '{\n\t"type": "object",\n\t"properties": {}\n}\n'
    source = Source("t.json", '{\n\t"type": "function",\n\t"function": {\n\t\t"name": "f",\n\t\t"strict": true,\n'
                    '\t\t"parameters": {\n\t\t\t"type": "object",\n\t\t\t"properties": {}\n\t\t}\n\t}\n}\n')
    out = fix_text(source, Engine()).text
    assert '\t\t\t"additionalProperties": false' in out
    assert text  # the plain schema text is not a tool: nothing to fix there
    assert fixed(text, "t.json") == text


def test_fixing_is_idempotent_and_clean():
    for text, name in ((CHAT_JSON, "t.json"), (CHAT_YAML, "t.yaml")):
        once = fixed(text, name)
        assert fixed(once, name) == once
        errors = [d for d in Engine().lint_data(json.loads(once) if name.endswith("json") else _yaml(once))
                  if d.severity == "error"]
        assert errors == []


def _yaml(text):
    from fcschema.yaml_loader import load_yaml

    return load_yaml(text).data


def test_text_fix_and_make_strict_agree():
    import fcschema

    by_text = json.loads(fixed(CHAT_JSON, "t.json"))
    by_data = fcschema.make_strict(json.loads(CHAT_JSON)).value
    assert by_text == by_data
    assert _yaml(fixed(CHAT_YAML, "t.yaml")) == fcschema.make_strict(_yaml(CHAT_YAML)).value


def test_a_fix_that_must_wait_is_not_half_applied_by_another():
    """Found by the property tests: `tags` is optional and has a default. Making it
    required (values for `required`, written by the first fix that adds to that array)
    and making it nullable are one fix, which waits a round because removing `default`
    touches the same place. It must not be applied half (required, but not nullable)."""
    import fcschema
    from fcschema.yaml_loader import load_yaml

    text = """type: function
function:
  name: f
  strict: true
  parameters:
    type: object
    properties:
      city:
        type: string
      tags:
        type: integer
        default: 7
"""
    outcome = fix_text(Source("t.yaml", text), Engine())
    fixed = load_yaml(outcome.text).data
    assert fixed["function"]["parameters"]["properties"]["tags"]["type"] == ["integer", "null"]
    assert fixed == fcschema.make_strict(load_yaml(text).data).value
    codes = [applied.code for applied in outcome.applied]
    assert len(codes) == len(set((a.code, a.pointer) for a in outcome.applied)), codes  # none counted twice


def test_findings_with_one_fix_share_ops_as_if_compared_op_by_op():
    """FCS202 gives the finding of every optional property the same fix (one ops tuple),
    and select_edits works out once what such findings share. Whatever the order of the
    findings, that must be what comparing their ops one by one gives."""
    import itertools

    from fcschema.document import parse
    from fcschema.fixes import _spread_ops, wanted

    text = json.dumps([{"type": "function", "name": "f", "parameters": {"type": "object", "properties": {
        "a": {"type": "string"}, "b": {"type": "integer", "default": 3}, "c": {"type": "string"}},
        "required": ["a"]}}], indent=2)
    document, _ = parse(Source("t.json", text))
    found = [d for d in Engine().lint_data(document.data, document) if wanted(d, True)]
    assert sorted(d.code for d in found) == ["FCS202", "FCS202", "FCS305"]
    assert found[0].fix.ops is found[1].fix.ops
    # And a fix whose every op another fix already made, given to two findings.
    first = found[0]
    one_op = first.fix.ops[:1]
    owner = first.replace(fix=first.fix.replace(ops=tuple(list(one_op))))
    twice = [first.replace(fix=first.fix.replace(ops=one_op)) for _ in range(2)]
    for findings in (found, [owner] + twice):
        for order in itertools.permutations(findings):
            copies = [d.replace(fix=d.fix.replace(ops=tuple(list(d.fix.ops)))) for d in order]
            for depth in (0, 1):
                assert _spread_ops(list(order), depth) == _spread_ops(copies, depth)


def test_bom_and_encoding_are_kept(tmp_path):
    path = tmp_path / "t.json"
    path.write_bytes(b"\xef\xbb\xbf" + CHAT_JSON.encode())
    result = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert json.loads(data[3:])["function"]["parameters"]["additionalProperties"] is False


def test_fix_keeps_permissions_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(CHAT_YAML)
    os.chmod(path, 0o640)
    result = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.yaml"]
    assert "additionalProperties: false" in path.read_text()


def test_diff_writes_nothing_and_exits_1(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(CHAT_JSON)
    result = CliRunner().invoke(main, ["check", "--diff", str(path)])
    assert result.exit_code == 1
    assert '+      "additionalProperties": false' in result.output
    assert path.read_text() == CHAT_JSON
    clean = tmp_path / "clean.json"
    clean.write_text(fixed(CHAT_JSON, "t.json"))
    result = CliRunner().invoke(main, ["check", "--diff", str(clean)])
    assert result.exit_code == 0


def test_show_fixes_lists_what_was_fixed(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(CHAT_JSON)
    result = CliRunner().invoke(main, ["check", "--fix", "--show-fixes", "--output-format", "concise", str(path)])
    assert result.exit_code == 0
    assert "FCS102" in result.output and "FCS101" in result.output


def test_unsafe_fixes_need_the_flag(tmp_path):
    path = tmp_path / "t.json"
    tool = {"type": "function", "name": "f", "parameters": {
        "type": "object", "properties": {"m": {"type": "object", "properties": {},
                                               "additionalProperties": {"type": "string"}}}}}
    path.write_text(json.dumps(tool, indent=2))
    CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert "strict" not in json.loads(path.read_text())  # FCS203's fix is unsafe
    CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(path)])
    assert json.loads(path.read_text())["strict"] is False


def test_file_changed_since_read_is_not_overwritten(tmp_path):
    from fcschema.fixes import FileChanged, write_atomic

    path = tmp_path / "t.json"
    path.write_text(CHAT_JSON)
    source, _ = read_source(str(path), "t.json")
    path.write_text(CHAT_JSON + " ")  # someone else saved the file meanwhile
    with pytest.raises(FileChanged):
        write_atomic(source, "{}")
    assert path.read_text() == CHAT_JSON + " "


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    from fcschema import fixes

    path = tmp_path / "t.json"
    path.write_text(CHAT_JSON)
    source, _ = read_source(str(path), "t.json")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(fixes.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fixes.write_atomic(source, "{}")
    assert path.read_text() == CHAT_JSON
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.json"]


def test_a_fix_that_would_break_the_file_is_undone_and_reported(tmp_path, monkeypatch):
    from fcschema import fixes

    monkeypatch.setattr(fixes, "apply_edits", lambda text, edits: text + "}{")
    path = tmp_path / "t.json"
    path.write_text(CHAT_JSON)
    result = CliRunner().invoke(main, ["check", "--fix", "--output-format", "concise", str(path)])
    assert path.read_text() == CHAT_JSON
    assert "FCS007" in result.output and "bug in fcschema" in result.output
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_stdin_fix_prints_the_fixed_text():
    result = CliRunner().invoke(main, ["check", "--fix", "-", "--stdin-filename", "t.yaml"], input=CHAT_YAML)
    assert result.exit_code == 0
    assert "additionalProperties: false" in result.stdout


def test_make_strict_reports_changes_and_what_is_left():
    import fcschema

    tool = {"type": "function", "function": {"name": "f", "parameters": {
        "type": "object", "properties": {"a": {"type": "string"},
                                         "m": {"type": "object", "additionalProperties": {"type": "string"}}}}}}
    result = fcschema.make_strict(tool)
    assert tool["function"].get("strict") is None  # the input is not modified
    assert result.value["function"]["strict"] is True
    assert {c.code for c in result.changes} >= {"strict", "FCS101", "FCS102"}
    assert not result.ok
    assert {(d.code, d.pointer_text) for d in result.remaining} >= {
        ("FCS101", "/function/parameters/properties/m/additionalProperties")}
    assert all(d.hint for d in result.remaining)


def test_make_strict_on_a_bare_schema():
    import fcschema

    schema = {"type": "object", "properties": {"owner": {"$ref": "#/$defs/person"}},
              "$defs": {"person": {"type": "object", "properties": {"name": {"type": "string"}}}}}
    result = fcschema.make_strict(schema)
    assert result.ok
    assert result.value["properties"]["owner"] == {"anyOf": [{"$ref": "#/$defs/person"}, {"type": "null"}]}
    assert result.value["$defs"]["person"]["required"] == ["name"]
    assert fcschema.strict_violations(result.value) == []


@pytest.mark.parametrize("text, name", [
    ('{"type": "function", "function": {"name": "f", "strict": true, "parameters": '
     '{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"],'
     ' "additionalProperties": false}}}', "t.json"),
    ("type: function\nfunction:\n  name: f\n  strict: true\n  parameters:\n    type: object\n"
     "    properties:\n      a: {type: string}\n    required:\n      - b\n    additionalProperties: false\n",
     "t.yaml"),
    ("type: function\nfunction:\n  name: f\n  strict: true\n  parameters:\n    type: object\n"
     "    properties:\n      a: {type: string}\n    required: [b]\n    additionalProperties: false\n",
     "t.yaml"),
])
def test_removing_the_last_required_item_and_adding_another_keep_the_file_valid(text, name):
    """Found by the property tests: both edits touched the same spot and left `[, "a"]`."""
    once = fixed(text, name)
    data = json.loads(once) if name.endswith("json") else _yaml(once)
    assert data["function"]["parameters"]["required"] == ["a"]


ONLY_KEYWORD = ("type: function\nfunction:\n  name: f\n  strict: true\n  parameters:\n    type: object\n"
                "    properties:\n      a: {0}\n    required: [a]\n    additionalProperties: false\n")


@pytest.mark.parametrize("text, name", [
    ('{"type": "function", "function": {"name": "f", "strict": true, "parameters": {"type": "object", '
     '"properties": {"a": {"maxLength": 0}}, "required": ["a"], "additionalProperties": false}}}', "t.json"),
    ('{"type": "function", "function": {"name": "f", "strict": true, "parameters": {"type": "object", '
     '"properties": {"a": {\n  "maxLength": 0\n}}, "required": ["a"], "additionalProperties": false}}}', "t.json"),
    (ONLY_KEYWORD.format("{maxLength: 0}"), "t.yaml"),
    (ONLY_KEYWORD.format("\n        maxLength: 0"), "t.yaml"),
])
def test_a_fix_that_removes_the_only_keyword_and_adds_a_description_keeps_the_file_valid(text, name):
    """Found by the property tests: FCS301 removes `maxLength` and notes it in the
    description, in one fix; the description was written after the removed keyword with
    its comma, and the round left `{, "description": ...}` (a broken round, undone). In a
    YAML block mapping, the removal of its only key could not be written at all."""
    once = fixed(text, name, unsafe=True)
    data = json.loads(once) if name.endswith("json") else _yaml(once)
    assert data["function"]["parameters"]["properties"]["a"] == {"description": "At most 0 characters."}


def test_one_fix_emptying_an_array_and_adding_to_it_writes_the_array_whole():
    from fcschema.document import parse
    from fcschema.fixops import AddToArray, Remove
    from fcschema.textedit import apply_edits, edits_for

    text = '{"required": [\n  "gone"\n], "other": 1}'
    document, _problems = parse(Source("t.json", text))
    edits = edits_for(document, [Remove(("required", 0)), AddToArray(("required",), ("a", "b", "a"))])
    assert json.loads(apply_edits(text, edits)) == {"required": ["a", "b"], "other": 1}
    # As the ops read (and as make_strict applies them): a value already there is not added.
    edits = edits_for(document, [Remove(("required", 0)), AddToArray(("required",), ("gone", "a"))])
    assert json.loads(apply_edits(text, edits)) == {"required": ["a"], "other": 1}


@pytest.mark.parametrize("char", ["\\u007f", "\\u0085", "\\u009f", "\\u2028", "\\ufffe"])
def test_yaml_strings_written_by_a_fix_escape_what_yaml_cannot_hold_raw(char):
    """Found by the property tests: the default moved into a description held a raw DEL."""
    text = ('{"type": "json_schema", "json_schema": {"name": "f", "strict": true, "schema": {"type": "object", '
            '"properties": {"a": {"type": "string", "description": "x' + char + 'y", "default": null}}, '
            '"required": ["a"], "additionalProperties": false}}}\n')
    once = fixed(text, "t.yaml")
    described = _yaml(once)["json_schema"]["schema"]["properties"]["a"]["description"]
    assert described.startswith("x" + json.loads('"' + char + '"') + "y")
    assert fixed(once, "t.yaml") == once


def test_a_fix_round_lints_again_only_the_tools_that_changed(monkeypatch):
    """Three tools fixed in one, two and no rounds: each round re-lints only the tools the
    round before it changed."""
    tools = [{"type": "function", "function": {"name": f"t{i}", "description": "T.", "strict": True,
                                               "parameters": {"type": "object", "properties": {
                                                   "a": {"type": "string", "description": "A."}},
                                                   "required": ["a"], "additionalProperties": False}}}
             for i in range(3)]
    tools[1]["function"]["parameters"]["properties"]["a"]["type"] = "dict"   # one round
    tools[2]["function"]["parameters"]["properties"]["b"] = {"type": "integer", "default": 7}  # two
    linted = []
    original = Engine.lint_site
    monkeypatch.setattr(Engine, "lint_site", lambda self, site, document=None: (
        linted.append(site.name), original(self, site, document))[1])
    outcome = fix_text(Source("t.json", json.dumps(tools, indent=2)), Engine())
    assert linted[:3] == ["t0", "t1", "t2"]   # the first round lints every tool
    assert linted.count("t0") == 1            # t0 never changes: its findings are kept
    assert linted.count("t1") == 3            # "dict" -> "object", then that object is closed
    assert linted.count("t2") == 2            # its default is moved in one round
    assert outcome.final is not None and not any(d.fix for d in outcome.final[1])


def test_fixes_never_write_a_key_twice_nor_remove_past_a_duplicate():
    """Found by the property tests: `const` next to `enum` became a second `enum` when
    made nullable, and removing `default` in front of a duplicate key removed up to the
    last duplicate, members in between included (the file no longer parsed)."""
    schema = {"nullable": True, "default": None, "enum": [], "type": "string", "description": "", "const": False}
    text = json.dumps({"type": "json_schema", "json_schema": {"name": "w", "strict": True, "schema": schema}})
    outcome = fix_text(Source("t.json", text), Engine())
    assert outcome.broken is None
    keys_seen = []
    json.loads(outcome.text, object_pairs_hook=lambda items: keys_seen.append([k for k, _ in items]) or dict(items))
    assert all(len(keys) == len(set(keys)) for keys in keys_seen)
    duplicated = '{"type": "json_schema", "json_schema": {"name": "w", "strict": true, "schema": ' \
                 '{"default": null, "enum": [null], "type": "string", "enum": [false, null]}}}'
    outcome = fix_text(Source("t.json", duplicated), Engine())
    assert outcome.broken is None
    assert '"type"' in outcome.text and '"enum": [null]' in outcome.text


@pytest.mark.parametrize("filename, text, expected", [
    ("t.json",
     '{"type": "function", "name": "f", "description": "d", "strict": true, "parameters": {"type": "object", '
     '"properties": {"a": {"type": "string", "description": "x"}}, "required": null, "additionalProperties": false}}',
     '"required": ["a"], "additionalProperties": false}}'),
    ("t.yaml", "name: f\ntype: function\ndescription: d\nstrict: true\nparameters:\n  type: object\n"
               "  properties:\n    a: {type: string, description: x}\n  required:\n  additionalProperties: false\n",
     "  required: [a]\n  additionalProperties: false\n"),
    ("t.yaml", "name: f\ntype: function\ndescription: d\nstrict: true\nparameters:\n  type: object\n"
               "  properties:\n    a: {type: string, description: x}\n  required: ~   # none yet\n"
               "  additionalProperties: false\n",
     "  required: [a]   # none yet\n  additionalProperties: false\n"),
])
def test_a_null_required_is_replaced_by_the_array_not_written_twice(filename, text, expected):
    """`"required": null` (or YAML's empty `required:`) is where the array belongs: a fix
    that adds to it writes the array in its place, as make_strict does on data, instead of
    a second `required` key (JSON) or text at the start of the next line (YAML)."""
    result = fixed(text, filename)
    assert result.endswith(expected)
    assert result.count("required") == 1
    assert _yaml(result) if filename.endswith(".yaml") else json.loads(result)


@pytest.mark.parametrize("one_shot", [False, True])
def test_only_a_one_shot_run_leaves_the_file_before_fixing_unfreed(tmp_path, one_shot):
    # The command line ends right after (cli.main, entry.main), so freeing the file as it was before
    # --fix would be time spent for nothing; a library call must not pin it.
    from fcschema import app

    path = tmp_path / "t.json"
    path.write_text(json.dumps({"name": "t", "parameters": {"type": "dict", "properties": {}}}))
    app._LEFT_FOR_EXIT.clear()
    result = app.check_paths(app.CheckOptions(paths=[str(path)], fix="apply", one_shot=one_shot))
    assert result.applied and json.loads(path.read_text())["parameters"]["type"] == "object"
    assert len(app._LEFT_FOR_EXIT) == (1 if one_shot else 0)
    app._LEFT_FOR_EXIT.clear()


@pytest.mark.parametrize("one_shot", [False, True])
def test_only_a_one_shot_check_leaves_its_results_unfreed(tmp_path, one_shot, monkeypatch, capsys):
    # The same for the results of a plain check: returning from run_check would free them.
    from fcschema import app
    from fcschema.check_argv import DEFAULTS
    from fcschema.check_command import run_check

    path = tmp_path / "t.json"
    path.write_text(json.dumps({"name": "t", "parameters": {"type": "dict", "properties": {}}}))
    monkeypatch.chdir(tmp_path)
    app._LEFT_FOR_EXIT.clear()
    assert run_check(dict(DEFAULTS, paths=(str(path),), isolated=True), one_shot=one_shot) == 1
    assert "FCS109" in capsys.readouterr().out
    left = [kept for kept in app._LEFT_FOR_EXIT if any(isinstance(o, app.CheckResult) for o in kept)]
    assert len(left) == (1 if one_shot else 0)
    app._LEFT_FOR_EXIT.clear()
