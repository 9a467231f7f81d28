"""`fcschema check` and `fcschema rule` as a user runs them (issue 2).

Most cases go through click's CliRunner on ``fcschema.cli.main``; a few run the real
program (``python -m fcschema``) in a subprocess. No output may ever hold a traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import fcschema
from fcschema import document as document_module
from fcschema.cli import main
from fcschema.registry import SECTIONS, all_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
OURS = ("FCS0", "FCS1", "FCS2")

STRICT_OK = {"type": "function", "function": {"name": "get_weather", "description": "Weather.", "strict": True,
                                              "parameters": {"type": "object",
                                                             "properties": {"city": {"type": "string",
                                                                                     "description": "City."}},
                                                             "required": ["city"], "additionalProperties": False}}}
# FCS101 at /function/parameters (key "parameters", line 6) and FCS102 at .../properties/unit (line 10)
STRICT_BAD = """{
  "type": "function",
  "function": {
    "name": "get_weather",
    "strict": true,
    "parameters": {
      "type": "object",
      "properties": {
        "city": {"type": "string"},
        "unit": {"type": "string"}
      },
      "required": ["city"]
    }
  }
}
"""
STRICT_BAD_YAML = """\
type: function
function:
  name: get_weather
  strict: true
  parameters:
    type: object
    properties:
      city: {type: string}
      unit: {type: string}
    required: [city]
"""
# Responses tool, strict omitted: FCS202 warning only
AUTO_WARNING = {"type": "function", "name": "f", "description": "d",
                "parameters": {"type": "object", "properties": {"a": {"type": "string", "description": "A."}},
                               "additionalProperties": False}}

CONTRACT_KEYS = ["code", "name", "severity", "filename", "location", "end_location", "pointer", "tool",
                 "message", "api_message", "fix", "url"]


def run(*args, input=None, env=None):
    result = CliRunner().invoke(main, list(args), input=input, env=env)
    output = result.output
    assert "Traceback" not in output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def records(result):
    """The JSON array printed with --output-format json, filtered to FCS0xx-FCS2xx."""
    return [r for r in json.loads(result.stdout) if r["code"].startswith(OURS)]


def check_json(*args, **kwargs):
    result = run("check", "--output-format", "json", *args, **kwargs)
    return result, records(result)


def brief(recs):
    return [(os.path.basename(r["filename"]), r["code"], r["location"]["row"], r["location"]["column"])
            for r in recs]


@pytest.fixture
def files(tmp_path):
    def write(name, content, mode="w"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, (dict, list)):
            content = json.dumps(content, indent=2)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return str(path)
    return write


# ---------------------------------------------------------------------------------------
# Exit codes (DESIGN.md section 4)

def test_exit_0_for_a_clean_file(files):
    result = run("check", files("ok.json", STRICT_OK))
    assert result.exit_code == 0


def test_exit_1_for_errors(files):
    result, recs = check_json(files("bad.json", STRICT_BAD))
    assert result.exit_code == 1
    assert brief(recs) == [("bad.json", "FCS101", 6, 5), ("bad.json", "FCS102", 10, 9)]


def test_warnings_exit_0_unless_warnings_as_errors(files):
    path = files("auto.json", AUTO_WARNING)
    result, recs = check_json(path)
    assert result.exit_code == 0
    assert [(r["code"], r["severity"]) for r in recs] == [("FCS202", "warning")]
    assert run("check", path, "--warnings-as-errors").exit_code == 1


def test_exit_zero_flag(files):
    assert run("check", files("bad.json", STRICT_BAD), "--exit-zero").exit_code == 0


@pytest.mark.parametrize("args", [
    ["check", "--select", "FCS999"],
    ["check", "--ignore", "NOPE"],
    ["check", "--output-format", "xml"],
    ["check", "--target", "mars"],
    ["check", "--no-such-option"],
    ["rule"],
    ["rule", "FCS999"],
    ["no-such-command"],
])
def test_usage_errors_exit_2(args, files):
    path = files("ok.json", STRICT_OK)
    result = run(*args, *([path] if args[0] == "check" else []))
    assert result.exit_code == 2


def test_unknown_code_names_the_code(files):
    result = run("check", "--select", "FCS101,FCS999", files("ok.json", STRICT_OK))
    assert result.exit_code == 2
    assert "unknown rule code or prefix: FCS999" in result.output


# ---------------------------------------------------------------------------------------
# stdin

def test_stdin_json_with_stdin_filename():
    result, recs = check_json("-", "--stdin-filename", "tools/weather.json", input=STRICT_BAD)
    assert result.exit_code == 1
    assert [(r["filename"], r["code"], r["location"]["row"]) for r in recs] == [
        ("tools/weather.json", "FCS101", 6), ("tools/weather.json", "FCS102", 10)]


def test_stdin_yaml_with_stdin_filename():
    result, recs = check_json("-", "--stdin-filename", "weather.yaml", input=STRICT_BAD_YAML)
    assert result.exit_code == 1
    assert [(r["filename"], r["code"], r["location"], r["pointer"]) for r in recs] == [
        ("weather.yaml", "FCS101", {"row": 5, "column": 3}, "/function/parameters"),
        ("weather.yaml", "FCS102", {"row": 9, "column": 7}, "/function/parameters/properties/unit")]


def test_stdin_filename_decides_the_parser():
    # YAML text named .json is a syntax error, named .yaml it is a tool
    assert run("check", "-", "--stdin-filename", "x.json", input=STRICT_BAD_YAML).exit_code == 1
    result, recs = check_json("-", "--stdin-filename", "x.json", input=STRICT_BAD_YAML)
    assert [r["code"] for r in recs] == ["FCS001"]


def test_stdin_without_a_name_sniffs_the_content():
    result, recs = check_json("-", input=STRICT_BAD_YAML)
    assert [(r["filename"], r["code"]) for r in recs] == [("<stdin>", "FCS101"), ("<stdin>", "FCS102")]
    result, recs = check_json("-", input=json.dumps(STRICT_OK))
    assert result.exit_code == 0 and recs == []


def test_stdin_clean_and_empty():
    assert run("check", "-", "--stdin-filename", "t.json", input=json.dumps(STRICT_OK)).exit_code == 0
    result, recs = check_json("-", "--stdin-filename", "t.json", input="")
    assert result.exit_code == 1 and [r["code"] for r in recs] == ["FCS001"]


# ---------------------------------------------------------------------------------------
# Files and folders

def _repo(files):
    files("repo/package.json", {"name": "web", "version": "1.0.0", "scripts": {"test": "jest"}})
    files("repo/.github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    files("repo/k8s.yaml", "kind: Service\n---\nkind: Deployment\n")
    files("repo/settings.json", '{"a": 1, "a": 2}')
    files("repo/notes.yaml", "1: one\ntrue: yes\n")
    files("repo/broken-config.json", '{"port": ')
    files("repo/node_modules/pkg/tool.json", STRICT_BAD)
    files("repo/README.md", "# not checked\n")


def test_folder_without_tools_is_silent(files, tmp_path):
    _repo(files)
    result, recs = check_json(str(tmp_path / "repo"))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_tool_file_inside_a_folder_is_checked(files, tmp_path):
    _repo(files)
    files("repo/tools/weather.json", STRICT_BAD)
    files("repo/tools/deep/more.yaml", STRICT_BAD_YAML)
    files("repo/tools/ok.yml", json.dumps(STRICT_OK))
    result, recs = check_json(str(tmp_path / "repo"))
    assert result.exit_code == 1
    assert brief(recs) == [("more.yaml", "FCS101", 5, 3), ("more.yaml", "FCS102", 9, 7),
                           ("weather.json", "FCS101", 6, 5), ("weather.json", "FCS102", 10, 9)]
    assert {r["filename"] for r in recs} == {os.path.join(str(tmp_path / "repo"), "tools", "weather.json"),
                                             os.path.join(str(tmp_path / "repo"), "tools", "deep", "more.yaml")}


def test_broken_file_mentioning_tools_is_reported_when_walked(files, tmp_path):
    files("repo/tools.json", '{"tools": [{"type": "function",')
    result, recs = check_json(str(tmp_path / "repo"))
    assert result.exit_code == 1
    assert [r["code"] for r in recs] == ["FCS001"]


def test_default_path_is_the_current_folder(files, tmp_path, monkeypatch):
    _repo(files)
    files("repo/tools/weather.json", STRICT_BAD)
    monkeypatch.chdir(tmp_path / "repo")
    result, recs = check_json()
    assert result.exit_code == 1
    assert {r["filename"] for r in recs} == {os.path.join("tools", "weather.json")}


def test_explicit_non_tool_file_is_clean(files):
    result = run("check", files("package.json", {"name": "x", "version": "1"}))
    assert result.exit_code == 0
    assert "no problems" in result.output


def test_explicit_file_is_checked_even_if_a_folder_before_it_contains_it(files, tmp_path):
    _repo(files)
    broken = str(tmp_path / "repo" / "broken-config.json")
    result, recs = check_json(str(tmp_path / "repo"), broken)
    assert result.exit_code == 1
    assert [(r["filename"], r["code"]) for r in recs] == [(broken, "FCS001")]


def test_a_file_reached_twice_is_checked_once(files, tmp_path, monkeypatch):
    """Walking and naming meet on the file's real path: a folder given with a trailing
    slash, as ``.``, or through a linked folder, and the file named by another spelling."""
    files("repo/tools/weather.json", STRICT_BAD)
    os.symlink(tmp_path / "repo" / "tools", tmp_path / "linked")
    monkeypatch.chdir(tmp_path / "repo")
    expected = [("weather.json", "FCS101", 6, 5), ("weather.json", "FCS102", 10, 9)]
    for args in (("tools/", "tools/weather.json"), ("tools/weather.json", "."), (".", "./tools/weather.json"),
                 (str(tmp_path / "repo" / "tools"), "tools/../tools/weather.json"),
                 (str(tmp_path / "linked"), "tools"), ("tools", str(tmp_path / "linked" / "weather.json"))):
        result, recs = check_json(*args)
        assert brief(recs) == expected, args


def test_malformed_file_next_to_a_good_one(files):
    broken = files("a_broken.json", '{"type": "function", "function": {"name": "f",}}')
    bad = files("b_bad.json", STRICT_BAD)
    ok = files("c_ok.json", STRICT_OK)
    result, recs = check_json(broken, bad, ok)
    assert result.exit_code == 1
    assert brief(recs) == [("a_broken.json", "FCS001", 1, 47), ("b_bad.json", "FCS101", 6, 5),
                           ("b_bad.json", "FCS102", 10, 9)]
    result, recs = check_json(broken, ok)
    assert result.exit_code == 1 and [r["code"] for r in recs] == ["FCS001"]


def test_malformed_yaml_has_a_position(files):
    result, recs = check_json(files("t.yaml", "tools:\n  - type: function\n    name: [unclosed\n"))
    assert result.exit_code == 1
    (rec,) = recs
    assert rec["code"] == "FCS001" and rec["location"]["row"] >= 3
    assert rec["message"].startswith("invalid YAML")


@pytest.mark.parametrize("name, content", [("empty.json", ""), ("empty.yaml", ""), ("blank.json", "\n  \n")])
def test_empty_file_is_an_error_at_1_1(files, name, content):
    result, recs = check_json(files(name, content))
    assert result.exit_code == 1
    assert [(r["code"], r["location"], r["end_location"]) for r in recs] == [
        ("FCS001", {"row": 1, "column": 1}, {"row": 1, "column": 1})]
    assert "empty" in recs[0]["message"]


def test_invalid_utf8_reports_the_line_and_column_of_the_bad_byte(files):
    content = '{\n  "name": "caf\u00e9",\n  "description": "na'.encode() + b"\xefve\"\n}\n"
    result, recs = check_json(files("latin.json", content), files("ok.json", STRICT_OK))
    assert result.exit_code == 1
    (rec,) = recs
    assert (rec["code"], rec["location"]) == ("FCS002", {"row": 3, "column": 21})
    assert "UTF-8" in rec["message"] and "0xef" in rec["message"]


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                        ("utf-8", codecs.BOM_UTF8)])
def test_files_with_a_bom_are_read(files, codec, bom):
    result, recs = check_json(files("bom.json", bom + STRICT_BAD.encode(codec)))
    assert result.exit_code == 1
    assert brief(recs) == [("bom.json", "FCS101", 6, 5), ("bom.json", "FCS102", 10, 9)]
    assert run("check", files("ok.json", bom + json.dumps(STRICT_OK).encode(codec))).exit_code == 0


def test_crlf_file_positions(files):
    result, recs = check_json(files("crlf.json", STRICT_BAD.replace("\n", "\r\n")))
    assert brief(recs) == [("crlf.json", "FCS101", 6, 5), ("crlf.json", "FCS102", 10, 9)]


def test_binary_file_is_unreadable(files):
    result, recs = check_json(files("blob.json", b"\x00\x01\x02PNG"))
    assert result.exit_code == 1 and [r["code"] for r in recs] == ["FCS002"]


def test_directory_given_explicitly_is_walked(files, tmp_path):
    files("d/sub/tool.yaml", STRICT_BAD_YAML)
    files("d/package.json", {"name": "x"})
    result, recs = check_json(str(tmp_path / "d"))
    assert result.exit_code == 1
    assert [(os.path.basename(r["filename"]), r["code"]) for r in recs] == [("tool.yaml", "FCS101"),
                                                                            ("tool.yaml", "FCS102")]


def test_missing_path_is_fcs002_and_other_files_are_still_checked(files, tmp_path):
    missing = str(tmp_path / "nope.json")
    result, recs = check_json(missing, files("bad.json", STRICT_BAD))
    assert result.exit_code == 1
    assert [(r["code"], r["location"]) for r in recs if r["filename"] == missing] == [
        ("FCS002", {"row": 1, "column": 1})]
    assert sorted(r["code"] for r in recs) == ["FCS002", "FCS101", "FCS102"]
    assert "No such file" in recs[[r["code"] for r in recs].index("FCS002")]["message"]
    assert run("check", missing).exit_code == 1


def test_unreadable_file_is_fcs002(files, monkeypatch):
    locked = files("locked.json", STRICT_OK)
    real_open = os.open

    def guarded_open(path, *args, **kwargs):  # (chmod 000 does not stop root from reading)
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(document_module.os, "open", guarded_open)
    result, recs = check_json(locked, files("bad.json", STRICT_BAD))
    assert result.exit_code == 1
    assert sorted((r["code"], os.path.basename(r["filename"])) for r in recs) == [
        ("FCS002", "locked.json"), ("FCS101", "bad.json"), ("FCS102", "bad.json")]
    assert "Permission denied" in recs[[r["code"] for r in recs].index("FCS002")]["message"]


def test_file_over_the_size_limit(files):
    result, recs = check_json(files("big.json", STRICT_BAD), "--max-file-size", "10")
    assert result.exit_code == 1 and [r["code"] for r in recs] == ["FCS002"]
    assert "--max-file-size" in recs[0]["message"]


@pytest.mark.parametrize("name, content", [
    ("deep.json", "[" * 50000),
    ("deep.yaml", "- " * 5000 + "x\n"),
    ("alias-loop.yaml", "a: &a\n  b: *a\n"),
    ("tabs.yaml", "a:\n\t- b\n"),
    ("tag.yaml", "!!python/object/apply:os.system ['echo hi']\n"),
    ("nan.json", '{"tools": [NaN]}'),
    ("null.json", "null"),
    ("scalar.yaml", "just text\n"),
])
def test_bad_input_never_tracebacks(files, name, content):
    result = run("check", files(name, content), files("z_bad.json", STRICT_BAD), "--output-format", "json")
    assert result.exit_code == 1
    recs = records(result)
    # the good file is still checked after the bad one
    assert [r["code"] for r in recs if r["filename"].endswith("z_bad.json")] == ["FCS101", "FCS102"]
    for r in recs:
        assert r["location"]["row"] >= 1 and r["location"]["column"] >= 1


def _bomb(levels, key="tools"):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + f"\n{key}: *a{levels}\n"


def test_yaml_alias_bomb_is_refused_not_expanded(files, monkeypatch):
    from fcschema import yaml_loader

    monkeypatch.setattr(yaml_loader, "MAX_EXPANDED_NODES", 2000)  # the real limit, reached sooner
    result, recs = check_json(files("bomb.yaml", _bomb(9)), files("z_bad.json", STRICT_BAD))
    assert result.exit_code == 1
    assert [(os.path.basename(r["filename"]), r["code"]) for r in recs] == [
        ("bomb.yaml", "FCS001"), ("z_bad.json", "FCS101"), ("z_bad.json", "FCS102")]
    assert "alias" in recs[0]["message"]
    # a document that merely uses aliases is read normally
    result, recs = check_json(files("small.yaml", _bomb(1, key="data")))
    assert result.exit_code == 0 and recs == []


# ---------------------------------------------------------------------------------------
# Output formats

def test_json_output_follows_the_contract(files):
    path = files("bad.json", STRICT_BAD)
    result = run("check", path, "--output-format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    ours = [r for r in data if r["code"].startswith(OURS)]
    assert [r["code"] for r in ours] == ["FCS101", "FCS102"]
    for r in data:
        assert list(r)[:len(CONTRACT_KEYS)] == CONTRACT_KEYS
        assert r["severity"] in ("error", "warning", "info")
        assert r["filename"] == path
        for key in ("location", "end_location"):
            assert set(r[key]) == {"row", "column"}
            assert all(isinstance(v, int) and v >= 1 for v in r[key].values())
        assert (r["end_location"]["row"], r["end_location"]["column"]) >= (r["location"]["row"],
                                                                           r["location"]["column"])
        assert isinstance(r["pointer"], str) and (r["pointer"] == "" or r["pointer"].startswith("/"))
        assert r["tool"] is None or isinstance(r["tool"], str)
        assert isinstance(r["message"], str) and r["message"]
        assert r["api_message"] is None or isinstance(r["api_message"], str)
        assert r["url"] is None or isinstance(r["url"], str)
        if r["fix"] is not None:
            assert set(r["fix"]) >= {"applicability", "message", "edits"}
            assert r["fix"]["applicability"] in ("safe", "unsafe", "display-only")
    first, second = ours
    assert first == {**first, "name": "additional-properties-not-false", "severity": "error",
                     "location": {"row": 6, "column": 5}, "end_location": {"row": 6, "column": 17},
                     "pointer": "/function/parameters", "tool": "get_weather",
                     "api_message": "Invalid schema for function 'get_weather': In context=(), "
                                    "'additionalProperties' is required to be supplied and to be false."}
    assert second == {**second, "name": "optional-property", "location": {"row": 10, "column": 9},
                      "end_location": {"row": 10, "column": 15},
                      "pointer": "/function/parameters/properties/unit",
                      "api_message": "Invalid schema for function 'get_weather': In context=(), 'required' is "
                                     "required to be supplied and to be an array including every key in "
                                     "properties. Missing 'unit'."}


def test_json_output_pointer_escapes(files):
    tool = json.loads(json.dumps(STRICT_OK))
    tool["function"]["parameters"]["properties"] = {"a/b": {"type": "string"}, "m~n": {"type": "string"}}
    result, recs = check_json(files("esc.json", tool))
    assert sorted(r["pointer"] for r in recs if r["code"] == "FCS102") == [
        "/function/parameters/properties/a~1b", "/function/parameters/properties/m~0n"]


def test_json_output_of_a_clean_run_is_an_empty_array(files):
    result = run("check", files("ok.json", STRICT_OK), "--output-format", "json", "--select", "FCS0,FCS1,FCS2")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_json_lines_has_the_same_records_one_a_line(files):
    path = files("bad.json", STRICT_BAD)
    as_array = json.loads(run("check", path, "--output-format", "json").stdout)
    result = run("check", path, "--output-format", "json-lines")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert [json.loads(line) for line in lines] == as_array
    assert result.exit_code == 1


def test_output_format_from_the_environment(files):
    result = run("check", files("bad.json", STRICT_BAD), env={"FCSCHEMA_OUTPUT_FORMAT": "json-lines"})
    codes = [json.loads(line)["code"] for line in result.stdout.splitlines()]
    assert [code for code in codes if code.startswith(OURS)] == ["FCS101", "FCS102"]


@pytest.mark.parametrize("fmt", ["full", "concise", "grouped", "github", "gitlab", "sarif", "junit", "pylint"])
def test_every_output_format_runs_and_names_the_place(files, fmt):
    result = run("check", files("bad.json", STRICT_BAD), "--output-format", fmt, "--color", "never")
    assert result.exit_code == 1
    assert "FCS101" in result.stdout and "bad.json" in result.stdout


def test_concise_output_has_file_line_col(files):
    path = files("bad.json", STRICT_BAD)
    result = run("check", path, "--output-format", "concise")
    assert f"{path}:6:5: FCS101 [error]" in result.stdout
    assert f"{path}:10:9: FCS102 [error]" in result.stdout


# ---------------------------------------------------------------------------------------
# --select / --ignore

@pytest.mark.parametrize("args, expected", [
    ([], ["FCS101", "FCS102", "FCS106"]),
    (["--select", "FCS101"], ["FCS101"]),
    (["--select", "FCS101,FCS106"], ["FCS101", "FCS106"]),
    (["--select", "FCS101", "--select", "FCS102"], ["FCS101", "FCS102"]),
    (["--select", "FCS10"], ["FCS101", "FCS102", "FCS106"]),
    (["--select", "fcs1"], ["FCS101", "FCS102", "FCS106"]),
    (["--ignore", "FCS102"], ["FCS101", "FCS106"]),
    (["--ignore", "FCS10"], []),
    (["--select", "FCS1", "--ignore", "FCS101"], ["FCS102", "FCS106"]),
    (["--select", "FCS101", "--extend-select", "FCS106"], ["FCS101", "FCS106"]),
])
def test_select_and_ignore(files, args, expected):
    tool = {"type": "function", "function": {"name": "f", "description": "d", "strict": True, "parameters": {
        "type": "object", "properties": {"xs": {"type": "array", "description": "x"}}}}}
    result, recs = check_json(files("t.json", tool), *args)
    assert sorted(r["code"] for r in recs) == expected
    assert result.exit_code == (1 if expected else 0)


def test_ignored_syntax_error_does_not_fail_the_run(files):
    path = files("broken.json", "{")
    assert run("check", path).exit_code == 1
    assert run("check", path, "--ignore", "FCS001").exit_code == 0


# ---------------------------------------------------------------------------------------
# fcschema rule, --version

def test_rule_text_has_the_six_doc_sections():
    result = run("rule", "FCS101")
    assert result.exit_code == 0
    assert result.stdout.startswith("# FCS101 additional-properties-not-false")
    positions = [result.stdout.index(f"## {section}") for section in SECTIONS]
    assert positions == sorted(positions)
    assert SECTIONS == ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "References")


def test_rule_by_name():
    result = run("rule", "optional-property")
    assert result.exit_code == 0 and result.stdout.startswith("# FCS102 optional-property")


def test_rule_all_json_lists_every_rule_with_metadata():
    result = run("rule", "--all", "--output-format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == [info.code for info in all_rules()]
    assert len({r["code"] for r in data}) == len(data)
    for r in data:
        assert set(r) >= {"code", "name", "severity", "summary", "fix", "applies", "sections", "url"}
        assert r["severity"] in ("error", "warning", "info")
        assert r["fix"] in ("always", "sometimes", "never")
        assert list(r["sections"]) == list(SECTIONS), r["code"]
        assert all(text.strip() for text in r["sections"].values()), r["code"]
    by_code = {r["code"]: r for r in data}
    assert by_code["FCS101"]["name"] == "additional-properties-not-false"
    assert by_code["FCS202"]["severity"] == "warning"


def test_rule_single_json():
    data = json.loads(run("rule", "FCS203", "--output-format", "json").stdout)
    assert data["code"] == "FCS203" and data["name"] == "auto-strict-fallback"


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert fcschema.__version__ in result.output and "fcschema" in result.output


# ---------------------------------------------------------------------------------------
# The bundled examples, as the README tells a new user to try them

def test_bundled_tool_sets_are_clean():
    result = run("check", str(EXAMPLES / "tools"), "--select", "FCS0,FCS1,FCS2")
    assert result.exit_code == 0, result.output


def test_readme_example_with_problems():
    result, recs = check_json(str(EXAMPLES / "rules" / "FCS102-optional-property" / "bad.yaml"))
    assert result.exit_code == 1
    assert "FCS102" in {r["code"] for r in recs}


# ---------------------------------------------------------------------------------------
# The real program

def _program(*args, input=None, cwd=None):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("FCSCHEMA_OUTPUT_FORMAT", None)
    process = subprocess.run([sys.executable, "-m", "fcschema", *args], input=input, capture_output=True,
                             cwd=cwd, env=env, timeout=60)
    stdout, stderr = process.stdout.decode(), process.stderr.decode()
    assert "Traceback" not in stdout and "Traceback" not in stderr
    return process.returncode, stdout, stderr


def test_program_exit_codes_and_json(files):
    ok, bad = files("ok.json", STRICT_OK), files("bad.json", STRICT_BAD)
    code, stdout, _ = _program("check", bad, ok, "--output-format", "json")
    assert code == 1
    assert [r["code"] for r in json.loads(stdout) if r["code"].startswith(OURS)] == ["FCS101", "FCS102"]
    code, _, stderr = _program("check", "--select", "FCS999", ok)
    assert code == 2 and "FCS999" in stderr


def test_program_stdin_yaml_clean_and_dirty():
    code, stdout, _ = _program("check", "-", "--stdin-filename", "w.yaml", "--output-format", "concise",
                               input=STRICT_BAD_YAML.encode())
    assert code == 1
    assert "w.yaml:5:3: FCS101" in stdout and "w.yaml:9:7: FCS102" in stdout
    code, _, _ = _program("check", "-", "--stdin-filename", "w.json", "--select", "FCS0,FCS1,FCS2",
                          input=json.dumps(STRICT_OK).encode())
    assert code == 0


def test_program_bad_inputs(files):
    paths = [files("empty.json", ""), files("latin.json", b'{"a": "\xe9"}'), files("broken.yaml", "a: [\n")]
    code, stdout, _ = _program("check", *paths, "--output-format", "json")
    assert code == 1
    assert sorted(r["code"] for r in json.loads(stdout)) == ["FCS001", "FCS001", "FCS002"]


@pytest.mark.parametrize("setting", ["isolated", "project without fcschema settings"])
def test_checking_a_small_json_file_imports_only_what_it_needs(tmp_path, setting):
    """Start-up is most of a pre-commit run: no YAML library, validators, hashing or TOML
    parser for a JSON file without `$ref`s, custom tools or fcschema configuration (a
    project's pyproject.toml that never mentions fcschema is not parsed)."""
    (tmp_path / "t.json").write_text(STRICT_BAD, encoding="utf-8")
    args = ["check", "t.json"]
    if setting == "isolated":
        args.insert(1, "--isolated")
    else:
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n')
    probe = ("import sys\nfrom fcschema.cli import main\n"
             f"try:\n    main({args!r})\nexcept SystemExit as e:\n"
             "    print(' '.join(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    # (what the interpreter loads at start, e.g. an editable install's import hook, is not ours)
    baseline = subprocess.run([sys.executable, "-c", "import sys, click; print(' '.join(sys.modules))"],
                              capture_output=True, text=True, check=True).stdout.split()
    loaded = set(out.stdout.split()) - set(baseline)
    assert "fcschema.engine" in loaded
    for heavy in ("ruamel", "ruamel.yaml", "pydantic", "jsonschema", "urllib.parse", "hashlib",
                  "fcschema.grammar_check", "fcschema.fixes", "fcschema.textedit",
                  "fcschema.regex_check", "tomllib", "tomli", "dataclasses"):
        assert heavy not in loaded, heavy
