"""``fcschema convert`` on files and stdin: formats kept, exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fcschema.cli_convert import convert_command

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "convert"

CHAT_TOOLS = {"tools": [{"type": "function", "function": {
    "name": "get_weather", "parameters": {"type": "object", "properties": {
        "city": {"type": "string"}}, "required": ["city"], "additionalProperties": False},
    "strict": True}}]}
RESPONSES_TOOLS = {"tools": [{"type": "function", "name": "get_weather", "parameters": {
    "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
    "additionalProperties": False}, "strict": True}]}


def run(args, stdin=None):
    return CliRunner().invoke(convert_command, [str(a) for a in args], input=stdin)


def assert_clean_exit(result, code):
    """The exit code is ``code`` and no exception other than the exit escaped."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- output formatting ---------------------------------------------------------------------

def test_json_keeps_its_indentation_and_key_order(tmp_path):
    path = write(tmp_path, "tools.json", json.dumps(CHAT_TOOLS, indent=4) + "\n")
    result = run([path, "--to", "responses"])
    assert_clean_exit(result, 0)
    assert result.stdout == json.dumps(RESPONSES_TOOLS, indent=4) + "\n"
    assert list(json.loads(result.stdout)["tools"][0]) == [
        "type", "name", "parameters", "strict"]


def test_compact_json_stays_compact(tmp_path):
    path = write(tmp_path, "tools.json", json.dumps(CHAT_TOOLS, separators=(",", ":")))
    result = run([path, "--to", "responses"])
    assert_clean_exit(result, 0)
    assert result.stdout == json.dumps(RESPONSES_TOOLS, separators=(",", ":"))


def test_tab_indented_json_stays_tab_indented(tmp_path):
    path = write(tmp_path, "tools.json", json.dumps(CHAT_TOOLS, indent="\t") + "\n")
    result = run([path, "--to", "responses"])
    assert result.stdout == json.dumps(RESPONSES_TOOLS, indent="\t") + "\n"


YAML_CHAT = """\
# weather tools
tools:
  - type: function   # the only tool
    function:
      name: get_weather   # keep this name
      description: Current weather.
      parameters:
        type: object
        properties:
          city:   # where
            type: string
        required: [city]
        additionalProperties: false
      strict: true
tool_choice: auto   # let the model decide
"""


def test_yaml_stays_yaml_and_keeps_its_comments(tmp_path):
    path = write(tmp_path, "tools.yaml", YAML_CHAT)
    result = run([path, "--to", "responses"])
    assert_clean_exit(result, 0)
    out = result.stdout
    for comment in ("# weather tools", "# the only tool", "# keep this name", "# where",
                    "# let the model decide"):
        assert comment in out
    assert "  - type: function" in out  # the input's sequence indentation
    assert "required: [city]" in out  # untouched flow style
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(out)
    assert data["tools"][0]["name"] == "get_weather"
    assert "function" not in data["tools"][0]


def test_yaml_round_trip_through_both_apis_gives_back_the_file(tmp_path):
    path = write(tmp_path, "tools.yaml", YAML_CHAT)
    there = run([path, "--to", "responses"])
    back_path = write(tmp_path, "there.yaml", there.stdout)
    back = run([back_path, "--to", "chat"])
    assert_clean_exit(back, 0)
    assert [line.split("#")[0].rstrip() for line in back.stdout.splitlines()] == [
        line.split("#")[0].rstrip() for line in YAML_CHAT.splitlines()]
    assert back.stdout.count("#") == YAML_CHAT.count("#")


# -- where the output goes -----------------------------------------------------------------

def test_output_file(tmp_path):
    src = write(tmp_path, "tools.json", json.dumps(CHAT_TOOLS))
    out = tmp_path / "out.json"
    result = run([src, "--to", "responses", "-o", out])
    assert_clean_exit(result, 0)
    assert result.stdout == ""
    assert json.loads(out.read_text()) == RESPONSES_TOOLS


def test_in_place_rewrites_every_file(tmp_path):
    a = write(tmp_path, "a.json", json.dumps(CHAT_TOOLS, indent=2))
    b = write(tmp_path, "b.yaml", YAML_CHAT)
    result = run([a, b, "--to", "responses", "--in-place"])
    assert_clean_exit(result, 0)
    assert json.loads(a.read_text()) == RESPONSES_TOOLS
    assert "name: get_weather" in b.read_text() and "function:" not in b.read_text()
    assert sorted(os.listdir(tmp_path)) == ["a.json", "b.yaml"]  # no temporary files left


@pytest.mark.parametrize("args", [["-"], []])
def test_stdin(args):
    result = run(args + ["--to", "chat"], stdin=json.dumps(RESPONSES_TOOLS, indent=2))
    assert_clean_exit(result, 0)
    assert json.loads(result.stdout) == CHAT_TOOLS


def test_stdin_yaml_is_detected():
    result = run(["--to", "responses"], stdin=YAML_CHAT)
    assert_clean_exit(result, 0)
    assert "# keep this name" in result.stdout


# -- reports and exit codes ----------------------------------------------------------------

def test_decisions_and_info_go_to_stderr_with_line_column_and_pointer(tmp_path):
    body = {"model": "m", "tools": [{"type": "function", "function": {"name": "f"}}]}
    path = write(tmp_path, "req.json", json.dumps(body, indent=2))
    result = run([path, "--to", "responses"])
    assert_clean_exit(result, 0)
    assert f"{path}:6:19: /tools/0/function: decision:" in result.stderr
    assert f"{path}:2:12: /model: info:" in result.stderr
    quiet = run([path, "--to", "responses", "--quiet"])
    assert quiet.stderr == ""


def test_stdin_notes_have_a_pointer_but_no_line_column():
    body = {"model": "m", "tools": [{"type": "function", "function": {"name": "f"}}]}
    result = run(["--to", "responses"], stdin=json.dumps(body, indent=2))
    assert_clean_exit(result, 0)
    assert "<stdin>:/tools/0/function: decision:" in result.stderr
    assert "<stdin>:/model: info:" in result.stderr


def test_yaml_notes_have_line_and_column():
    pytest.importorskip("fcschema.strictness")
    path = EXAMPLES / "responses_tools.yaml"
    result = run([path, "--to", "chat"])
    assert_clean_exit(result, 0)
    # strict is missing, so the note points at the tool that lacks it: the first list item.
    assert f"{path}:3:3: /0/strict: decision:" in result.stderr


def test_line_and_column_are_looked_up_only_for_notes_shown(tmp_path, monkeypatch):
    import fcschema.document

    def no_parse(*args, **kwargs):
        raise AssertionError("the input was parsed for positions without a note to show")

    monkeypatch.setattr(fcschema.document, "parse", no_parse)
    clean = write(tmp_path, "tools.json", json.dumps(CHAT_TOOLS))
    assert_clean_exit(run([clean, "--to", "responses"]), 0)
    body = {"model": "m", "tools": [{"type": "function", "function": {"name": "f"}}]}
    noted = write(tmp_path, "req.json", json.dumps(body))
    quiet = run([noted, "--to", "responses", "--quiet"])
    assert_clean_exit(quiet, 0)
    assert quiet.stderr == ""


def test_conversion_errors_exit_1_and_write_nothing(tmp_path):
    text = (EXAMPLES / "responses_hosted.json").read_text()
    path = write(tmp_path, "req.json", text)
    result = run([path, "--to", "chat", "--in-place"])
    assert_clean_exit(result, 1)
    assert f"{path}:5:5: /tools/0: error:" in result.stderr
    assert f"{path}:16:24: /tools/1/defer_loading: error:" in result.stderr
    assert path.read_text() == text
    assert result.stdout == ""


def test_drop_unsupported_exits_0_with_warnings(tmp_path):
    result = run([EXAMPLES / "responses_hosted.json", "--to", "chat", "--drop-unsupported"])
    assert_clean_exit(result, 0)
    assert "warning: dropped the hosted 'web_search' tool" in result.stderr
    out = json.loads(result.stdout)
    assert [t["function"]["name"] for t in out["tools"]] == ["save_summary"]


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    bad = write(tmp_path, "bad.json", '{"tools": [')
    good = write(tmp_path, "good.json", json.dumps(CHAT_TOOLS))
    result = run([bad, good, "--to", "responses", "--in-place"])
    assert_clean_exit(result, 1)
    assert json.loads(good.read_text()) == RESPONSES_TOOLS


@pytest.mark.parametrize("name,text,expected", [
    ("bad.json", '{"tools": [', "bad.json:1:12: invalid JSON"),
    ("bad.yaml", "tools: [unclosed\n", "bad.yaml: invalid YAML"),
    ("empty.yaml", "", "empty.yaml: the document is empty"),
])
def test_malformed_input_is_a_clear_message(tmp_path, name, text, expected):
    path = write(tmp_path, name, text)
    result = run([path, "--to", "chat"])
    assert_clean_exit(result, 1)
    assert expected in result.stderr


def test_not_utf8_and_missing_files(tmp_path):
    binary = tmp_path / "bin.json"
    binary.write_bytes(b'{"a": "\xff"}')
    result = run([binary, "--to", "chat"])
    assert_clean_exit(result, 1)
    assert "bin.json: not UTF-8" in result.stderr
    missing = run([tmp_path / "nope.json", "--to", "chat"])
    assert_clean_exit(missing, 1)
    assert "nope.json: cannot read" in missing.stderr


@pytest.mark.parametrize("args", [
    [],  # --to is required
    ["--to", "anthropic"],
    ["--to", "chat", "--from", "chat"],
    ["--to", "chat", "--in-place", "-o", "x.json", "a.json"],
    ["--to", "chat", "--in-place"],
    ["--to", "chat", "--in-place", "-"],
    ["--to", "chat", "a.json", "b.json"],
])
def test_usage_errors_exit_2(args):
    result = run(args)
    assert_clean_exit(result, 2)


def test_given_source_that_does_not_match_is_an_error(tmp_path):
    path = write(tmp_path, "tools.json", json.dumps(RESPONSES_TOOLS))
    result = run([path, "--to", "responses", "--from", "chat"])
    assert_clean_exit(result, 1)
    assert f"{path}:1:1: error: the input is already in the Responses format" in result.stderr


# -- the examples --------------------------------------------------------------------------

@pytest.mark.parametrize("name,to", [
    ("chat_request.json", "responses"),
    ("legacy_functions.json", "responses"),
    ("responses_tools.yaml", "chat"),
])
def test_examples_convert(name, to):
    if to == "chat":
        pytest.importorskip("fcschema.strictness")
    result = run([EXAMPLES / name, "--to", to])
    assert_clean_exit(result, 0)
    assert result.stdout


def test_importing_the_command_does_not_load_the_converter_or_yaml():
    code = ("import sys, fcschema.cli_convert; "
            "print(sorted(m for m in sys.modules if m.startswith(('ruamel', 'fcschema.convert'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_crlf_line_endings_are_kept(tmp_path):
    path = tmp_path / "tools.json"
    path.write_bytes(json.dumps(CHAT_TOOLS, indent=2).replace("\n", "\r\n").encode() + b"\r\n")
    result = run([path, "--to", "responses", "--in-place"])
    assert_clean_exit(result, 0)
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 1
    assert json.loads(raw) == RESPONSES_TOOLS


def test_deeply_nested_input_is_a_message_not_a_crash(tmp_path):
    path = write(tmp_path, "deep.json", '{"tools": ' + "[" * 800 + "]" * 800 + "}")
    result = run([path, "--to", "chat"])
    assert_clean_exit(result, 1)
    assert "deep.json" in result.stderr


def test_yaml_floats_keep_their_value_and_spelling():
    """ruamel.yaml re-spells an exponent float and can lose its last digit doing so
    (found by the property tests)."""
    from fcschema.convert import convert
    from fcschema.convert_io import dump, load

    text = ("type: function\nfunction:\n  name: f\n  parameters:\n    type: number\n"
            "    enum: [1.717303746752948e+58, 1.5e3, 2.50]\n")
    document = load(text, "t.yaml", "yaml")
    written = dump(document, convert(document.data, to="responses").data)
    assert "enum: [1.717303746752948e+58, 1.5e3, 2.50]" in written
    assert load(written, "t.yaml", "yaml").data["parameters"]["enum"][0] == 1.717303746752948e+58
