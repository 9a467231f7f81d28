"""Anything a user feeds fcschema (issue 8): a clear diagnostic with its place, the other
files still checked, never a traceback. Inputs found by the fuzzer are regression tests here.

Every case runs `check` next to a file with known findings (``z_bad.json``), so "the run
goes on" is part of each assertion.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys

import pytest
from click.testing import CliRunner

from fcschema import document as document_module
from fcschema import yaml_loader
from fcschema.cli import main
from fcschema.document import MAX_JSON_DEPTH

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
BAD_CODES = ["FCS101", "FCS102"]  # what z_bad.json gives (FCS0-FCS2 only)
OURS = ("FCS0", "FCS1", "FCS2")
FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "gitlab", "sarif", "junit", "pylint")


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def check(*paths, extra=()):
    """`check --output-format json` over ``paths`` and z_bad.json: (exit code, records of
    the given paths), after asserting that z_bad.json was still checked. Cases whose file
    holds a tool filter the records (FCS7xx infos are not their point)."""
    folder = os.path.dirname(paths[0]) if paths else "."
    bad = os.path.join(folder, "z_bad.json")
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write(STRICT_BAD)
    result = run("check", "--output-format", "json", *extra, *paths, bad)
    records = json.loads(result.stdout)
    assert [r["code"] for r in records if r["filename"] == bad and r["code"].startswith(OURS)] == BAD_CODES
    for r in records:
        assert r["location"]["row"] >= 1 and r["location"]["column"] >= 1
    return result.exit_code, [r for r in records if r["filename"] != bad]


def where(record):
    return record["code"], record["location"]["row"], record["location"]["column"]


@pytest.fixture
def write(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return str(path)
    return write


def tool_with(schema_text: str) -> str:
    return ('{"type": "function", "function": {"name": "f", "strict": true, "parameters": {"type": "object", '
            '"properties": {"a": ' + schema_text + '}, "required": ["a"], "additionalProperties": false}}}')


# ---------------------------------------------------------------------------------------
# Malformed, empty, truncated


@pytest.mark.parametrize("name, content, position", [
    ("trunc.json", '{"tools": [{"type": "function", "function": {"name": "f"', (1, 57)),
    ("trunc2.json", STRICT_BAD[:40], (4, 1)),
    ("trunc.yaml", 'tools:\n  - type: function\n    name: "f', (3, 13)),
    ("badindent.yaml", "tools:\n  - type: function\n   name: f\n", (3, 4)),
    ("tab.yaml", "a:\n\t- b\n", (2, 1)),
    ("empty.json", "", (1, 1)),
    ("empty.yaml", "", (1, 1)),
    ("spaces.yaml", "  \n\n\t\n", (1, 1)),
    ("comment.yaml", "# nothing here\n", None),
])
def test_malformed_files_give_fcs001_with_a_place(write, name, content, position):
    code, records = check(write(name, content))
    if position is None:  # a YAML file holding only a comment is an empty document: no tools
        assert records == []
        return
    assert code == 1
    assert [where(r) for r in records] == [("FCS001", *position)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_format_reports_a_broken_file(write, fmt):
    broken = write("broken.json", '{"a": [1, 2,,]}')
    result = run("check", "--output-format", fmt, broken)
    assert result.exit_code == 1 and "broken.json" in result.output


# ---------------------------------------------------------------------------------------
# Encodings and bytes


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig"])
def test_files_with_a_byte_order_mark_are_read_with_positions(write, encoding):
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE, "utf-8-sig": b""}
    data = boms[encoding] + STRICT_BAD.replace("\n", "\r\n").encode(encoding)
    code, records = check(write("bom.json", data))
    assert code == 1
    assert [where(r) for r in records if r["code"].startswith(OURS)] == [("FCS101", 6, 5), ("FCS102", 10, 9)]


@pytest.mark.parametrize("name, data, words", [
    ("utf16-nobom.json", STRICT_BAD.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ("utf16be-nobom.yaml", "a: b\n".encode("utf-16-be"), "UTF-16 without a byte-order mark"),
    ("binary.json", bytes(range(256)) * 4, "NUL"),
    ("png.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
    ("latin1.json", '{"name": "caf\u00e9"}'.encode("latin-1"), "UTF-8"),
    ("bad-utf16.json", codecs.BOM_UTF16_LE + b'{\x00"\x00' + b"\x00\xd8" + b'"\x00}\x00', "utf-16"),
    ("odd-utf16.json", codecs.BOM_UTF16_LE + b'{\x00}', "utf-16"),
])
def test_undecodable_files_are_fcs002(write, name, data, words):
    code, records = check(write(name, data))
    assert code == 1
    assert [r["code"] for r in records] == ["FCS002"]
    assert words in records[0]["message"]


def test_lone_surrogate_escapes_are_printed_safely_in_every_format(write):
    """Regression (found while fuzzing): JSON ``"\\ud800"`` decodes to a lone surrogate that
    cannot be encoded as UTF-8; the github and pylint formats wrote it raw and crashed."""
    path = write("sur.json", tool_with('{"type": "string", "description": "x\\ud800", "enum": ["\\udfff"]}')
                 .replace('"name": "f"', '"name": "bad\\ud800\\u001b[31m"'))
    for fmt in FORMATS:
        result = CliRunner().invoke(main, ["check", "--output-format", fmt, path])
        assert result.exception is None or isinstance(result.exception, SystemExit), fmt
        out = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
        assert "\x1b" not in out, fmt


def test_fixing_a_file_with_lone_surrogates_keeps_them_as_escapes(write):
    """Regression: a fix moving a default that holds "\\ud800" into the description wrote the
    raw surrogate, and writing the file raised UnicodeEncodeError."""
    path = write("sur.json", STRICT_BAD.replace('{"type": "string"}', '{"type": "string", "default": "\\ud800"}'))
    result = run("check", "--fix", path)
    assert "FCS007" not in result.output
    text = open(path, encoding="utf-8").read()
    assert "\\ud800" in text
    assert json.loads(text)["function"]["parameters"]["properties"]["unit"]["description"] == 'Default: "\ud800".'


def test_convert_keeps_lone_surrogates_as_escapes(write, tmp_path):
    """Regression: convert wrote non-ASCII JSON with a raw surrogate and crashed."""
    path = write("sur.json", '{"type": "function", "function": {"name": "f\\ud800", "description": "caf\u00e9", '
                             '"parameters": {"type": "object", "properties": {}}}}')
    result = run("convert", path, "--to", "responses", "--in-place")
    assert result.exit_code == 0
    text = open(path, encoding="utf-8").read()
    assert "caf\u00e9" in text and "\\ud800" in text


# ---------------------------------------------------------------------------------------
# What JSON cannot hold


def test_nan_and_infinity_are_fcs001_at_their_place_and_the_rest_is_checked(write):
    path = write("nan.json", '{"type": "function", "function": {"name": "f", "strict": true, "parameters": {\n'
                             '  "type": "object", "properties": {"a": {"type": "number", "maximum": NaN,\n'
                             '  "minimum": -Infinity, "description": "NaN, Infinity"}}}}}\n')
    code, records = check(path)
    assert code == 1
    assert sorted(where(r) for r in records if r["code"].startswith(OURS)) == [
        ("FCS001", 2, 71), ("FCS001", 3, 14), ("FCS101", 1, 64), ("FCS102", 2, 36)]
    nan = next(r for r in records if r["code"] == "FCS001")
    assert nan["message"].startswith("NaN is not JSON") and "API" in nan["message"]
    assert nan["end_location"] == {"row": 2, "column": 74}


def test_a_walked_data_file_with_nan_is_not_a_tool_file(write, tmp_path):
    write("data/values.json", '{"measurements": [1.5, NaN, Infinity]}')
    result = run("check", "--output-format", "json", str(tmp_path / "data"))
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_yaml_nan_and_inf_are_reported_as_without_json_equivalent(write):
    code, records = check(write("nan.yaml", "type: function\nname: f\nparameters:\n  type: object\n"
                                            "  properties:\n    a: {type: number, maximum: .inf, minimum: -.INF}\n"
                                            "    b: {type: number, default: .NaN}\n"))
    assert [where(r) for r in records if r["code"] == "FCS006"] == [("FCS006", 6, 32), ("FCS006", 6, 47),
                                                                    ("FCS006", 7, 32)]
    assert all("no JSON equivalent" in r["message"] for r in records if r["code"] == "FCS006")


def test_fixes_never_write_infinity(write):
    """A value the JSON text wrote as 1e400 reads as infinity: a fix that would write it
    back (const -> enum) is not applied, rather than writing the non-JSON `Infinity`."""
    path = write("inf.json", STRICT_BAD.replace('{"type": "string"}', '{"type": "number", "const": 1e400}'))
    run("check", "--fix", "--unsafe-fixes", path)
    text = open(path, encoding="utf-8").read()
    assert "Infinity" not in text and "NaN" not in text
    assert "1e400" in text
    document_module.parse(document_module.decode(text.encode(), "x.json", None)[0])


@pytest.mark.parametrize("name, content, position", [
    ("bigint.json", '{"tools": [' + "1" * 5000 + "]}", (1, 12)),
    ("bigint2.json", '{"a": "' + "2" * 5000 + '", "b": -' + "3" * 4400 + "}", (1, 5016)),
])
def test_integers_too_long_to_read_are_fcs001(write, name, content, position):
    """Regression (found while fuzzing the loaders): Python refuses integers of more than
    4,300 digits with a ValueError, which escaped as a traceback from `check` and `convert`."""
    path = write(name, content)
    code, records = check(path)
    assert code == 1
    assert [where(r) for r in records] == [("FCS001", *position)]
    assert "digits" in records[0]["message"]
    result = run("convert", path, "--to", "chat")
    assert result.exit_code == 1 and "digits" in result.output


def test_duplicate_keys_in_json_and_yaml(write):
    code, records = check(write("dup.json", '{"type": "function", "type": "function", "function": {"name": "f", '
                                            '"name": "g", "parameters": {"type": "object", "properties": {}}}}'),
                          write("dup.yaml", "type: function\nname: f\nname: g\nparameters: {type: object, "
                                            "properties: {a: {type: string}, a: {type: integer}}}\n"))
    dups = [(os.path.basename(r["filename"]), *where(r)[1:], r["severity"]) for r in records if r["code"] == "FCS004"]
    assert dups == [("dup.json", 1, 22, "warning"), ("dup.json", 1, 68, "warning"),
                    ("dup.yaml", 3, 1, "warning"), ("dup.yaml", 4, 60, "warning")]


def test_non_string_keys_in_yaml(write):
    code, records = check(write("keys.yaml", "type: function\nname: f\nparameters:\n  type: object\n  properties:\n"
                                             "    1: {type: string}\n    null: {type: string}\n"
                                             "    true: {type: string}\n    [a, b]: {type: string}\n"
                                             "    {x: y}: {type: string}\n"))
    assert [where(r)[1] for r in records if r["code"] == "FCS006"] == [6, 7, 8, 9, 10]


# ---------------------------------------------------------------------------------------
# Size: long lines, long strings, large files


def test_five_megabyte_single_line_file_with_many_fixes(write, monkeypatch):
    """Regression: every fix looked up the file's line ending by searching the whole text,
    so `--diff` and the JSON output on a 5 MB one-line file took minutes. Counted, not
    timed: the whole text is searched for a line ending a few times, not once per fix."""
    from fcschema import source as source_module

    tool = json.loads(STRICT_BAD)
    tools = [dict(tool, function=dict(tool["function"], name=f"t{i}")) for i in range(400)]
    text = json.dumps({"padding": "x" * 5_000_000, "tools": tools})
    assert len(text) > 5_000_000 and "\n" not in text
    path = write("long.json", text)
    whole_text_searches = []

    class CountingPattern:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, string, *args):
            if len(string) > 1_000_000:
                whole_text_searches.append(len(string))
            return self.pattern.search(string, *args)

        def __getattr__(self, name):
            return getattr(self.pattern, name)

    monkeypatch.setattr(source_module, "_NEWLINE", CountingPattern(source_module._NEWLINE))
    result = run("check", "--output-format", "json", path)
    records = json.loads(result.stdout)
    assert sum(r["code"] == "FCS102" for r in records) == 400
    assert all(r["fix"] is None or r["fix"]["edits"] for r in records if r["code"] in ("FCS101", "FCS102"))
    diff = run("check", "--diff", path)
    assert diff.exit_code == 1 and diff.output.count('"additionalProperties": false') == 400
    assert 0 < len(whole_text_searches) <= 10  # 400 tools with fixes: once per text, not per fix


def test_a_one_megabyte_string_and_key(write):
    big = "\u00e9" * 1_000_000
    path = write("big.json", tool_with(json.dumps({"type": "string", "description": big, "enum": [big]}))
                 .replace('"name": "f"', '"name": "' + "n" * 1_000_000 + '"'))
    code, records = check(path)
    assert code == 1
    assert {r["code"] for r in records} >= {"FCS503", "FCS602"}  # too many characters, too long a name
    result = run("check", "--output-format", "full", path)
    assert max(len(line) for line in result.output.splitlines()) < 1_100_000  # lines are windowed or messages


def test_files_over_the_size_limit_are_refused_and_others_checked(write):
    big = write("big.json", STRICT_BAD + " " * 2000)
    code, records = check(big, extra=("--max-file-size", "1000"))
    assert [r["code"] for r in records] == ["FCS002"]
    assert "over the 1000-byte limit" in records[0]["message"] and "--max-file-size" in records[0]["message"]
    result = run("check", "--max-file-size", "10", "-", "--stdin-filename", "x.json", input=STRICT_BAD)
    assert result.exit_code == 1 and "over the 10-byte limit" in result.output


# ---------------------------------------------------------------------------------------
# Depth


def _flow(depth, inner="1"):
    return "[" * depth + inner + "]" * depth


@pytest.mark.parametrize("name, content, position", [
    ("deep.json", _flow(100_000), (1, MAX_JSON_DEPTH + 1)),
    ("deepobj.json", '{"a":' * 100_000 + "1" + "}" * 100_000, (1, 5 * MAX_JSON_DEPTH + 1)),
    ("deeptool.json", tool_with(_flow(100_000)), (1, tool_with("").index("}") + MAX_JSON_DEPTH - 3)),
    ("deep.yaml", "tools: " + _flow(100_000) + "\n", (1, 8 + yaml_loader.MAX_DEPTH - 1)),
    ("deepblock.yaml", "- " * 100_000 + "x\n", (1, 2 * yaml_loader.MAX_DEPTH + 1)),
    ("deepmap.yaml", "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "x\n",
     (yaml_loader.MAX_DEPTH, 2 * yaml_loader.MAX_DEPTH - 1)),
])
def test_nesting_100000_levels_deep_is_fcs001_at_the_place(write, name, content, position):
    path = write(name, content)
    code, records = check(path)
    assert code == 1
    assert [where(r) for r in records] == [("FCS001", *position)]
    assert "nested too deeply" in records[0]["message"]
    for args in (("--fix",), ("--output-format", "sarif")):
        assert run("check", *args, path).exit_code == 1
    assert run("check", "--diff", path).exit_code == 0  # nothing to fix (--diff reports fixes only)
    result = run("convert", path, "--to", "responses")
    assert result.exit_code == 1 and "nested too deeply" in result.output


def _alias_chain(levels):
    lines = ["a0: &a0 1"] + [f"a{i}: &a{i} {{x: *a{i - 1}}}" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\ntools: [{{type: function, name: f, parameters: {{type: object, properties: " \
                              f"{{p: {{type: integer, default: *a{levels}, const: *a{levels}}}}}}}}}]\n"


def test_yaml_aliases_cannot_nest_past_the_limit(write):
    """Regression: aliases nested data 600 levels deep from a file nested 6 levels, past the
    composer's limit, and the fixer's deep copy then raised RecursionError."""
    path = write("aliases.yaml", _alias_chain(600))
    code, records = check(path)
    assert code == 1 and [r["code"] for r in records] == ["FCS001"]
    assert "through aliases" in records[0]["message"]
    assert run("check", "--fix", "--unsafe-fixes", path).exit_code == 1
    code, records = check(write("fine.yaml", _alias_chain(50)))
    assert "FCS001" not in [r["code"] for r in records]


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH - 6, MAX_JSON_DEPTH - 4])
def test_json_just_within_the_depth_limit_is_checked_fixed_and_printed(write, depth):
    """Within the limit everything works (the fix puts the `const` one level deeper, in an
    `enum`, to the limit); past it the file is refused. Regression: a `const` this deep
    made the fixer deep-copy it (RecursionError) under every output format."""
    text = STRICT_BAD.replace('{"type": "string"}', '{"type": "array", "const": ' + _flow(depth, "") + "}")
    path = write("limit.json", text)
    code, records = check(path)
    if depth + 5 > MAX_JSON_DEPTH:
        assert [r["code"] for r in records] == ["FCS001"]
        return
    assert "FCS001" not in [r["code"] for r in records] and "FCS102" in [r["code"] for r in records]
    for fmt in FORMATS:
        assert run("check", "--output-format", fmt, path).exit_code == 1
    assert run("check", "--diff", "--unsafe-fixes", path).exit_code == 1
    run("check", "--fix", "--unsafe-fixes", path)
    assert "FCS007" not in run("check", path).output


def test_the_depth_limit_does_not_depend_on_the_python_stack(write, tmp_path):
    """The real program (a shallow stack) and a deep call stack refuse the same files."""
    import subprocess

    path = write("limit.json", tool_with(_flow(MAX_JSON_DEPTH - 4)))  # 4 levels around the flow
    over = write("over.json", tool_with(_flow(MAX_JSON_DEPTH - 3)))
    done = subprocess.run([sys.executable, "-m", "fcschema", "check", "--output-format", "json", path, over],
                          capture_output=True, text=True)
    assert "Traceback" not in done.stderr
    codes = [(os.path.basename(r["filename"]), r["code"]) for r in json.loads(done.stdout) if r["code"] == "FCS001"]
    assert codes == [("over.json", "FCS001")]

    def nested(levels):
        if levels:
            return nested(levels - 1)
        return check(path, over)

    _code, records = nested(300)
    assert [(os.path.basename(r["filename"]), r["code"]) for r in records if r["code"] == "FCS001"] == codes


# ---------------------------------------------------------------------------------------
# YAML: tags and alias bombs


def test_yaml_tags_are_never_constructed(write, tmp_path):
    marker = tmp_path / "PWNED"
    payload = (f"!!python/object/apply:builtins.exec [\"open({str(marker)!r}, 'w').close()\"]")
    path = write("tags.yaml", f"tools:\n  - {payload}\n  - !!python/name:os.system f\n"
                              f"  - !custom {{type: function, name: g, parameters: {{type: object, properties: {{}}}}}}\n"
                              f"x: !!binary aGVsbG8=\n")
    code, records = check(path)
    assert not marker.exists()
    assert [where(r) for r in records if r["code"] == "FCS006"][:2] == [("FCS006", 2, 5), ("FCS006", 3, 5)]
    for args in (("check", "--fix", "--unsafe-fixes", path), ("convert", path, "--to", "chat")):
        run(*args)
        assert not marker.exists()


def _bomb(levels):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\ntools: *a{levels}\n"


def test_billion_laughs_is_refused_in_bounded_time_and_memory(write):
    import tracemalloc

    path = write("bomb.yaml", _bomb(9))  # 10**9 nodes when expanded
    tracemalloc.start()
    try:
        code, records = check(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r["code"] for r in records] == ["FCS001"] and "alias bomb" in records[0]["message"]
    assert peak < 300 * 1024 * 1024
    result = run("convert", path, "--to", "chat")  # round-trip YAML keeps aliases as aliases
    assert "Traceback" not in result.output


def test_recursive_yaml_aliases(write):
    path = write("loop.yaml", "tools: &t\n  - *t\n")
    code, records = check(path)
    assert [r["code"] for r in records] == ["FCS001"] and "its own ancestor" in records[0]["message"]
    result = run("convert", path, "--to", "chat")
    assert result.exit_code == 1


# ---------------------------------------------------------------------------------------
# The file system


def test_unreadable_file(write):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading "
                    "(tests/test_check_cli.py covers the error with a patched open)")
    path = write("locked.json", STRICT_BAD)
    os.chmod(path, 0)
    try:
        code, records = check(path)
    finally:
        os.chmod(path, 0o644)
    assert [where(r) for r in records] == [("FCS002", 1, 1)]
    assert "Permission denied" in records[0]["message"]


def test_directories_given_as_files(write, tmp_path):
    folder = tmp_path / "tools.json"
    folder.mkdir()
    write("tools.json/inner.yaml", "type: function\nname: f\nstrict: true\nparameters: {type: object, "
                                   "properties: {a: {type: string}}}\n")
    code, records = check(str(folder))
    assert code == 1 and {r["code"] for r in records} >= {"FCS101", "FCS102"}
    result = run("convert", str(folder), "--to", "chat")
    assert result.exit_code == 2 and "directory" in result.output


def test_symlink_loops(write, tmp_path):
    os.symlink(tmp_path / "b.json", tmp_path / "a.json")
    os.symlink(tmp_path / "a.json", tmp_path / "b.json")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # a folder loop: not followed
    code, records = check(str(tmp_path / "a.json"))
    assert [r["code"] for r in records] == ["FCS002"] and "symbolic links" in records[0]["message"]
    result = run("check", "--output-format", "json", str(tmp_path))
    names = sorted({os.path.basename(r["filename"]) for r in json.loads(result.stdout)})
    assert names == ["a.json", "b.json", "z_bad.json"]
    assert run("convert", str(tmp_path / "a.json"), "--to", "chat").exit_code == 1


def test_file_vanishing_after_discovery(write, monkeypatch):
    from fcschema import app

    gone = write("gone.json", STRICT_BAD)
    real_discover = app.discover

    def discover_then_delete(*args, **kwargs):
        for candidate in real_discover(*args, **kwargs):
            if candidate.path == gone:
                os.remove(gone)  # deleted between being found and being read
            yield candidate

    monkeypatch.setattr(app, "discover", discover_then_delete)
    code, records = check(gone)
    assert [where(r) for r in records] == [("FCS002", 1, 1)] and "No such file" in records[0]["message"]


def test_file_vanishing_before_the_fix_is_written(write, monkeypatch):
    from fcschema import fixes

    path = write("gone.json", STRICT_BAD)
    real = fixes.write_atomic

    def vanish_then_write(source, text):
        os.unlink(path)
        return real(source, text)

    monkeypatch.setattr(fixes, "write_atomic", vanish_then_write)
    result = run("check", "--fix", "--output-format", "concise", path)
    assert "FCS007" in result.output and "fixes not written" in result.output
    assert not os.path.exists(path)
    assert os.listdir(os.path.dirname(path)) == []


def test_stdin_binary_and_empty():
    result = run("check", "-", "--stdin-filename", "x.json", input=b"\x00\x01\x02")
    assert result.exit_code == 1 and "FCS002" in result.output
    result = run("check", "-", "--stdin-filename", "x.yaml", input=b"")
    assert result.exit_code == 1 and "FCS001" in result.output


def test_emitters_write_only_utf8(write):
    """What every format prints can be written to a strict UTF-8 stream."""
    from fcschema.app import CheckOptions, attach_edits, check_paths
    from fcschema.emitters import EmitContext, emit
    from fcschema.registry import by_code

    paths = [write("sur.json", tool_with('{"type": "string", "description": "\\ud800\\u0007"}')),
             write("latin.json", b'{"a": "\xe9"}'), write("bin.json", b"\x00\xff")]
    result = check_paths(CheckOptions(paths=paths))
    attach_edits(result)
    context = EmitContext(sources=result.sources, rules=by_code(), files_checked=3, version="0")
    for fmt in FORMATS:
        stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
        emit(fmt, result.diagnostics, stream, context)
        stream.flush()


@pytest.mark.parametrize("ending", ["", "\n"])
def test_fix_appends_to_a_block_sequence_whose_first_item_is_empty(write, ending):
    """Regression (found by the fuzzer, fixer target): `required:` holding a bare `-` (a
    null item) got the new names written as `-a` (no space after the dash): a plain
    scalar, not an item, and the round broke the file (FCS007)."""
    path = write("empty_item.yaml", "type: json_schema\njson_schema:\n  name: bad name\n  strict: true\n"
                 "  schema:\n    items:\n      properties:\n        a:\n          \"$ref\": function\n"
                 "        b:\n          \"$ref\": \"#\"\n      additionalProperties: false\n      required:\n"
                 "        -" + ending)
    result = run("check", "--fix", path)
    assert "FCS007" not in result.output
    with open(path, encoding="utf-8") as handle:
        fixed = handle.read()
    assert "        - a\n        - b\n" in fixed


@pytest.mark.parametrize("content", ["{[{}]: 1}\n", "a: 2001-13-45\n", "a: !!int abc\n", "a: !!bool maybe\n",
                                     "a: 2001-12-14t21:59:43.10-99:99\n"])
def test_yaml_values_the_round_trip_loader_cannot_build(write, content):
    """Regression (found by the fuzzer, loaders target): ruamel.yaml's round-trip loader,
    used by `convert`, raised TypeError for a sequence holding a mapping as a key, and
    ValueError or KeyError for impossible dates and tagged values: tracebacks."""
    path = write("odd.yaml", content)
    result = run("convert", path, "--to", "chat")
    assert result.exit_code == 1 and "invalid YAML: a value cannot be read" in result.output
    check(path)  # `check` reads them as plain data (no tags constructed)
