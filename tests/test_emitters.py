"""Output formats: golden files for every format, plus the properties each must keep.

Golden files live in tests/golden/emitters/. After an intended change to an emitter,
regenerate them with ``FCSCHEMA_UPDATE_GOLDEN=1 pytest tests/test_emitters.py`` and read
the diff before committing: the goldens are the reviewed expectation, not a snapshot.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

from fcschema.diagnostics import Diagnostic, Edit, Fix, Position
from fcschema.emitters import DEFAULT_FORMAT, FORMATS, EmitContext, emit
from fcschema.emitters.display import ELLIPSIS
from fcschema.emitters.fingerprints import fingerprints
from fcschema.emitters.github import escape_data, escape_property
from fcschema.source import Source

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "emitters"
SARIF_SCHEMA = HERE / "schemas" / "sarif-2.1.0.json"

CONTRACT_KEYS = [
    "code", "name", "severity", "filename", "location", "end_location", "pointer",
    "tool", "message", "api_message", "fix", "url",
]  # fmt: skip


@dataclass
class FakeRule:
    """Stands in for the rule registry's metadata objects."""

    code: str
    name: str
    severity: str
    summary: str
    url: Optional[str]
    fix: str
    doc: str


def _rule(code, name, severity, summary, fix="never", url=True):
    doc = (
        f"## What it does\n{summary}.\n\n## Why is this bad?\n"
        "Strict mode rejects the whole request.\n"
    )
    link = f"https://fcschema.example/rules/{code}" if url else None
    return FakeRule(code, name, severity, summary, link, fix, doc)


RULES = {
    r.code: r
    for r in [
        _rule("FCS101", "additional-properties", "error",
              "Object schemas must set additionalProperties to false", "always"),
        _rule("FCS102", "required-lists-all", "error",
              "Every property must be listed in required", "sometimes"),
        _rule("FCS105", "property-name-characters", "warning",
              "Property names should be plain identifiers", url=False),
        _rule("FCS201", "parameter-description", "warning",
              "Parameters should have a description"),
        _rule("FCS202", "control-characters", "warning",
              "Descriptions should not hold control characters", "sometimes"),
        _rule("FCS301", "pattern-unsupported", "info",
              "The pattern keyword is only partly supported"),
        _rule("FCS999", "never-fires", "error", "A rule with no finding in these tests"),
    ]
}  # fmt: skip

WEATHER = """\
[
  {
    "type": "function",
    "function": {
      "name": "get_weather",
      "description": "Get the weather for a city",
      "parameters": {
        "type": "object",
        "properties": {
          "city": {"type": "string"},
          "unit": {"type": "string", "enum": ["°C", "°F"]}
        },
        "required": ["city"]
      }
    }
  }
]
"""

LONG_DESCRIPTION = "Search terms. " * 15 + "Only lower-case words are accepted"
SEARCH = f"""\
- type: function
  function:
    name: search
    description: "Search the web:\tfast & <cheap>"
    parameters:
      type: object
      properties:
        query: {{type: string, description: "{LONG_DESCRIPTION}", pattern: "^[a-z ]+$"}}
        path/to~file: {{type: string, description: "Where to look"}}
      required: [query, path/to~file]
      additionalProperties: false
"""

CLEAN = '[{"type": "function", "function": {"name": "noop", "parameters": {}}}]\n'

SOURCES = {
    "tools/weather.json": Source("tools/weather.json", WEATHER),
    "tools/search.yaml": Source("tools/search.yaml", SEARCH),
    "tools/clean.json": Source("tools/clean.json", CLEAN),
}


def _at(filename, needle, code, message, pointer, *, after="", length=None, **fields):
    """A diagnostic located the way the source map would: at ``needle`` (searched after
    ``after``), spanning it or ``length`` characters."""
    source = SOURCES[filename]
    start = source.text.index(needle, source.text.index(after))
    end = start + (len(needle) if length is None else length)
    return Diagnostic(
        code=code,
        message=message,
        pointer=pointer,
        filename=filename,
        location=source.position(start),
        end_location=source.position(end),
        span=(start, end),
        **fields,
    )


def _offset(filename, needle, after=""):
    text = SOURCES[filename].text
    return text.index(needle, text.index(after))


def build_diagnostics():
    """Findings over three files, given out of order on purpose (emit sorts them)."""
    params_brace = _offset("tools/weather.json", "{", after='"parameters"')
    required_value = _offset("tools/weather.json", '["city"]')
    weather_params = ("0", "function", "parameters")
    search_params = ("0", "function", "parameters")
    return [
        _at("tools/search.yaml", "pattern", "FCS301",
            "The pattern keyword is accepted but not enforced by every model",
            search_params + ("properties", "query", "pattern"),
            name="pattern-unsupported", severity="info", tool="search",
            hint="Restate the pattern in the description"),
        _at("tools/weather.json", "{", "FCS101",
            'Object schema does not set "additionalProperties": false',
            weather_params, after='"parameters"',
            length=_offset("tools/weather.json", "}\n    }") + 1 - params_brace,
            # No severity: the engine normally stamps it; the rule's default applies.
            name="additional-properties", tool="get_weather",
            api_message="Invalid schema for function 'get_weather': In context=(), "
            "'additionalProperties' is required to be supplied and to be false.",
            url="https://fcschema.example/rules/FCS101",
            fix=Fix("safe", 'Add "additionalProperties": false',
                    (Edit(params_brace + 1, params_brace + 1,
                          '\n        "additionalProperties": false,'),))),
        _at("tools/weather.json", '["city"]', "FCS102",
            '"required" must list every property; missing "unit"',
            weather_params + ("required",),
            name="required-lists-all", severity="error", tool="get_weather",
            api_message="Invalid schema for function 'get_weather': In context=(), "
            "'required' is required to be supplied and to be an array including every "
            "key in properties. Missing 'unit'.",
            url="https://fcschema.example/rules/FCS102",
            fix=Fix("unsafe", 'Add "unit" to "required" (it becomes nullable)',
                    (Edit(required_value, required_value + 8, '["city", "unit"]'),))),
        _at("tools/weather.json", '"city": {', "FCS201",
            'Parameter "city" has no description',
            weather_params + ("properties", "city"),
            name="parameter-description", severity="warning", tool="get_weather",
            url="https://fcschema.example/rules/FCS201",
            hint="Describe the parameter so the model knows what to pass"),
        _at("tools/search.yaml", "\t", "FCS202",
            "Description holds a control character (TAB)",
            ("0", "function", "description"),
            name="control-characters", severity="warning", tool="search",
            fix=Fix("display-only", "Replace the tab with a space")),
        _at("tools/search.yaml", "path/to~file", "FCS105",
            'Property name "path/to~file" is not a plain identifier',
            search_params + ("properties", "path/to~file"),
            anchor="key", severity="warning", tool="search"),
        # Not in RULES: exercises the fallbacks for codes without metadata.
        Diagnostic(code="FCS002", name="unreadable-file", severity="error",
                   message="Cannot read file: permission denied",
                   filename="tools/broken.json", location=Position(1, 1),
                   end_location=Position(1, 1)),
    ]  # fmt: skip


def make_context(**changes):
    base = EmitContext(
        sources=SOURCES,
        rules=RULES,
        color=False,
        show_fixes=False,
        files_checked=4,
        version="0.1.0",
    )
    return base.replace(**changes)


def render(format_name, diagnostics=None, **changes):
    stream = io.StringIO()
    if diagnostics is None:
        diagnostics = build_diagnostics()
    emit(format_name, diagnostics, stream, make_context(**changes))
    return stream.getvalue()


GOLDEN_CASES = {
    "full.txt": ("full", {}),
    "full-show-fixes.txt": (
        "full",
        {
            "show_fixes": True,
            "fixed": [("tools/clean.json", "FCS101", "Added additionalProperties")],
        },
    ),
    "concise.txt": ("concise", {}),
    "concise-color.txt": ("concise", {"color": True}),
    "grouped.txt": ("grouped", {}),
    "json.json": ("json", {}),
    "json-lines.jsonl": ("json-lines", {}),
    "github.txt": ("github", {}),
    "gitlab.json": ("gitlab", {}),
    "sarif.json": ("sarif", {}),
    "junit.xml": ("junit", {}),
    "pylint.txt": ("pylint", {}),
}


def test_every_format_has_a_golden_case():
    assert {fmt for fmt, _ in GOLDEN_CASES.values()} == set(FORMATS)
    assert DEFAULT_FORMAT == "full"


@pytest.mark.parametrize("golden", sorted(GOLDEN_CASES))
def test_golden(golden):
    format_name, changes = GOLDEN_CASES[golden]
    output = render(format_name, **changes)
    path = GOLDEN / golden
    if os.environ.get("FCSCHEMA_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="")
    expected = path.read_text(encoding="utf-8")
    assert output == expected


# --- dispatch and start-up -------------------------------------------------------------


def test_unknown_format_is_a_value_error_naming_the_choices():
    with pytest.raises(ValueError, match="unknown output format 'xml'.*sarif"):
        emit("xml", [], io.StringIO(), make_context())


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_format_accepts_an_empty_run(format_name):
    output = render(format_name, [])
    if format_name in ("json", "gitlab"):
        assert json.loads(output) == []
    elif format_name == "sarif":
        assert json.loads(output)["runs"][0]["results"] == []
    elif format_name == "junit":
        assert ET.fromstring(output).find("testsuite").get("failures") == "0"
    elif format_name in ("full", "concise", "grouped"):
        assert output == "All checked: 4 files, no problems.\n"
    else:
        assert output == ""


def test_emit_sorts_by_file_then_position():
    lines = render("concise", list(reversed(build_diagnostics()))).splitlines()[:-1]
    places = [(p[0], int(p[1]), int(p[2])) for p in (line.split(":") for line in lines)]
    assert places == sorted(places)


def test_importing_the_package_loads_no_format_module():
    code = (
        "import sys\n"
        "heavy = ('json', 'hashlib', 'xml', 'fcschema.emitters.sarif', 'fcschema.emitters.full')\n"
        "before = {m for m in heavy if m in sys.modules}\n"
        "import fcschema.emitters\n"
        "print(sorted(m for m in heavy if m in sys.modules and m not in before))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- human formats -----------------------------------------------------------------------


def test_no_escape_sequences_without_color_and_some_with_it():
    assert "\x1b[" not in render("concise") + render("full") + render("grouped")
    colored = render("concise", color=True)
    assert "\x1b[1;31mFCS002\x1b[0m" in colored  # errors: bold red code
    assert "\x1b[1;33mFCS202\x1b[0m" in colored  # warnings: bold yellow


def test_concise_without_color_is_the_colored_output_without_escapes(monkeypatch):
    """The plain lines are written by a path of their own (plain_header): they must say
    what the coloured ones say, for odd diagnostics too, across several batches."""
    import re

    from fcschema.emitters import concise

    monkeypatch.setattr(concise, "_BATCH", 3)
    odd = [
        Diagnostic(code="FCS101", message="no severity stamped", filename="tools/weather.json",
                   location=Position(4, 2), end_location=Position(4, 3)),
        Diagnostic(code="FCS999", message="an unknown severity\tis an error", severity="fatal",
                   filename="tools/\x1b[31mred.json", location=Position(2, 7)),
        Diagnostic(code="FCS002", message="no location", severity="warning", filename="tools/x.json"),
        Diagnostic(code="FCS777", message="no rule, no severity", filename="tools/x.json",
                   location=Position(9, 9)),
    ]
    diagnostics = build_diagnostics() + odd
    plain = render("concise", diagnostics)
    colored = render("concise", diagnostics, color=True)
    assert plain == re.sub("\x1b\\[[0-9;]*m", "", colored)
    assert len(plain.splitlines()) == len(diagnostics) + 1
    assert "tools/\u241b[31mred.json:2:7: FCS999 [error] an unknown severity    is an error" in plain
    assert "tools/x.json:1:1: FCS002 [warning] no location" in plain
    assert "tools/x.json:9:9: FCS777 [error] no rule, no severity" in plain


@pytest.mark.parametrize(
    "count, expected",
    [(1, "All checked: 1 file, no problems."), (3, "All checked: 3 files, no problems.")],
)
def test_all_clear_summary(count, expected):
    assert render("concise", [], files_checked=count) == expected + "\n"


def test_summary_counts_severities_files_and_fixes():
    one = [d for d in build_diagnostics() if d.code in ("FCS101", "FCS201")]
    assert render("concise", one).splitlines()[-1] == (
        "Found 1 error, 1 warning in 1 file (1 fixable with --fix)."
    )


def test_quiet_prints_findings_only():
    out = render("concise", quiet=True, fixed=[("a.json", "FCS101", "x")])
    assert len(out.splitlines()) == len(build_diagnostics())
    assert "Found" not in out and "Fixed" not in out


def test_applied_fixes_listed_only_with_show_fixes():
    fixed = [("tools/a.json", "FCS101", "Added additionalProperties")]
    assert "Fixed 1 problem.\n" in render("concise", [], fixed=fixed)
    listed = render("concise", [], fixed=fixed, show_fixes=True)
    assert "Fixed 1 problem:\n  tools/a.json: FCS101 Added additionalProperties\n" in listed


def _one(text, needle, length=None, filename="t.json", occurrence_after=""):
    source = Source(filename, text)
    start = text.index(needle, text.index(occurrence_after))
    end = start + (len(needle) if length is None else length)
    d = Diagnostic(code="FCS101", message="m", severity="error", filename=filename,
                   location=source.position(start), end_location=source.position(end))
    return d, {filename: source}


def _snippet(text, needle, length=None, **kw):
    d, sources = _one(text, needle, length, **kw)
    out = render("full", [d], sources=sources)
    lines = out.splitlines()
    return lines[2], lines[3]  # the source line and the marker line under it


def _cells(line):
    return line.split("| ", 1)[1] if "| " in line else ""


def test_full_marker_under_the_span_after_tabs_and_wide_characters():
    shown, marker = _snippet('{\t"名前": "x", "b": 1}\n', '"b"')
    assert _cells(shown) == '{    "名前": "x", "b": 1}'
    # "{" + 4 for the tab + '"名前":' (7 cells) + ' "x", ' = 1 + 4 + 7 + 6 = 18 cells before "b".
    assert _cells(marker) == " " * 18 + "^^^"


def test_full_marker_runs_to_end_of_line_for_multiline_spans_and_shows_three_lines():
    text = '{\n  "a": {\n    "b": 1,\n    "c": 2,\n    "d": 3\n  }\n}\n'
    d, sources = _one(text, "{", length=text.index("  }") + 3 - text.index('"a": {') - 5,
                      occurrence_after='"a"')
    lines = render("full", [d], sources=sources).splitlines()
    assert lines[2:8] == [
        '2 |   "a": {',
        "  |        ^",
        '3 |     "b": 1,',
        '4 |     "c": 2,',
        "  | ...",
        "  |",
    ]


def test_full_cuts_very_long_lines_around_the_column():
    text = '{"d": "' + "a" * 250 + "X" + "a" * 100 + '"}\n'
    shown, marker = _snippet(text, "X")
    shown, marker = _cells(shown), _cells(marker)
    assert shown.startswith(ELLIPSIS) and shown.endswith(ELLIPSIS)
    assert len(shown) < 130
    assert marker.index("^") == shown.index("X") and marker.count("^") == 1


def test_full_shows_control_characters_as_symbols_not_raw():
    shown, marker = _snippet('{"d": "\x1b[31mred"}\n', "red")
    assert "\x1b" not in shown and "\u241b" in shown
    assert _cells(marker).index("^") == _cells(shown).index("red")


def test_full_without_source_or_with_show_source_off_has_no_snippet():
    d, sources = _one('{"a": 1}\n', "1")
    for out in (render("full", [d], sources={}), render("full", [d], sources=sources,
                                                        show_source=False)):
        assert " | " not in out and "= at the document root" in out


def test_full_help_lines_say_how_to_apply_the_fix():
    out = render("full")
    assert '= help: Add "additionalProperties": false (safe fix: --fix)' in out
    assert "(it becomes nullable) (unsafe fix: --unsafe-fixes)" in out
    assert "= help: Replace the tab with a space\n" in out  # display-only: no way to apply
    assert "= api: Invalid schema for function 'get_weather'" in out


# --- json / json-lines ---------------------------------------------------------------


def test_json_objects_follow_the_contract_key_order():
    records = json.loads(render("json"))
    assert len(records) == len(build_diagnostics())
    for rec in records:
        assert list(rec) == CONTRACT_KEYS
        assert rec["severity"] in ("error", "warning", "info")
    fcs101 = next(r for r in records if r["code"] == "FCS101")
    assert fcs101["severity"] == "error"  # not stamped: taken from the rule
    assert list(fcs101["fix"]) == ["applicability", "message", "edits"]
    assert fcs101["fix"]["edits"][0]["location"] == {"row": 7, "column": 22}
    assert fcs101["pointer"] == "/0/function/parameters"
    assert next(r for r in records if r["code"] == "FCS105")["pointer"].endswith("/path~1to~0file")


def test_json_output_is_ascii_and_indented_with_trailing_newline():
    d, sources = _one('{"température": 1}\n', "1")
    d.message = "température ≠ 1"
    out = render("json", [d], sources=sources)
    assert out.isascii() and out.endswith("]\n") and out.startswith("[\n  {\n    \"code\"")
    assert json.loads(out)[0]["message"] == "température ≠ 1"


def test_json_edits_without_source_have_null_locations():
    d = Diagnostic(code="FCS101", message="m", severity="error", filename="gone.json",
                   location=Position(1, 1), fix=Fix("safe", "f", (Edit(3, 4, "x"),)))
    edit = json.loads(render("json", [d], sources={}))[0]["fix"]["edits"][0]
    assert edit == {"location": None, "end_location": None, "content": "x"}


def test_json_lines_is_the_json_array_one_object_a_line():
    lines = render("json-lines").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(render("json"))


# --- github ----------------------------------------------------------------------------


def test_github_escaping_of_data_and_properties():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    assert escape_data("a:b,c") == "a:b,c"  # data keeps colons and commas


def test_github_command_escapes_filename_title_and_message():
    d = Diagnostic(code="FCS101", name="additional-properties", severity="warning",
                   message="50% of it:\r\nbroken, really", filename="we:ird,name.json",
                   location=Position(2, 3), end_location=Position(2, 7))
    (line,) = render("github", [d], sources={}).splitlines()
    assert line == (
        "::warning file=we%3Aird%2Cname.json,line=2,col=3,endLine=2,endColumn=7,"
        "title=FCS101 additional-properties::50%25 of it:%0D%0Abroken, really"
    )


def test_github_info_is_a_notice_and_multiline_spans_have_no_columns():
    lines = render("github").splitlines()
    assert sum(line.startswith("::notice ") for line in lines) == 1
    fcs101 = next(line for line in lines if "FCS101" in line)
    assert "line=7,endLine=14,title=" in fcs101 and "col=" not in fcs101


# --- fingerprints (gitlab, sarif) --------------------------------------------------------


def _moved_down(diagnostics, lines):
    """The same findings after ``lines`` lines were inserted above them."""
    moved = []
    for d in diagnostics:
        loc, end = d.location, d.end_location
        moved.append(d.replace(location=Position(loc.row + lines, loc.column),
                             end_location=Position(end.row + lines, end.column)))
    return moved


def test_fingerprints_survive_moving_a_tool_down_the_file():
    before = build_diagnostics()
    after = _moved_down(before, 12)
    assert fingerprints(after) == fingerprints(before)
    gitlab_before = [i["fingerprint"] for i in json.loads(render("gitlab", before))]
    gitlab_after = [i["fingerprint"] for i in json.loads(render("gitlab", after))]
    assert gitlab_after == gitlab_before
    sarif = [json.loads(render("sarif", ds))["runs"][0]["results"] for ds in (before, after)]
    prints = [[r["partialFingerprints"] for r in results] for results in sarif]
    assert prints[0] == prints[1]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif[1]] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif[0]
    ]


def test_fingerprints_differ_by_pointer_file_and_occurrence():
    d = build_diagnostics()[1]
    other_pointer = d.replace(pointer=d.pointer + ("properties",))
    other_file = d.replace(filename="tools/other.json")
    twin = d.replace(location=Position(30, 1))
    prints = fingerprints([d, other_pointer, other_file, twin])
    assert len(set(prints)) == 4  # the twin differs from d only by its occurrence counter
    assert fingerprints([d.replace(filename="./" + d.filename)]) == prints[:1]


def test_gitlab_issue_shape_and_severity_mapping():
    issues = json.loads(render("gitlab"))
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}
    first = issues[0]
    assert list(first) == ["description", "check_name", "fingerprint", "severity", "location"]
    assert first["location"]["positions"]["begin"] == {"line": 1, "column": 1}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# --- sarif -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def _assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_is_valid_against_the_official_schema(sarif_validator):
    log = json.loads(render("sarif", homepage="https://fcschema.example/"))
    _assert_valid(sarif_validator, log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"


def test_sarif_validator_rejects_a_broken_log(sarif_validator):
    log = json.loads(render("sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(sarif_validator.iter_errors(log))


def test_sarif_edge_cases_stay_valid(sarif_validator):
    odd = Diagnostic(code="FCS101", message="m", severity="info",
                     filename="dir with space/a:b.json",
                     location=Position(3, 5), end_location=Position(3, 5),
                     fix=Fix("unsafe", "f", (Edit(3, 9, ""),)))
    log = json.loads(render("sarif", [odd], sources={}))
    _assert_valid(sarif_validator, log)
    result = log["runs"][0]["results"][0]
    assert result["level"] == "note"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "dir%20with%20space/a%3Ab.json"
    )
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {"charOffset": 3, "charLength": 6}
    _assert_valid(sarif_validator, json.loads(render("sarif", [])))


def test_sarif_driver_lists_every_rule_and_indexes_results():
    run = json.loads(render("sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == set(RULES) | {"FCS002"}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    fcs301 = next(r for r in rules if r["id"] == "FCS301")
    assert fcs301["defaultConfiguration"] == {"level": "note"}
    assert fcs301["help"]["markdown"] == RULES["FCS301"].doc.strip("\n")
    assert fcs301["fullDescription"]["text"] == RULES["FCS301"].summary + "."
    assert fcs301["helpUri"] == RULES["FCS301"].url
    with_fix = [r for r in run["results"] if "fixes" in r]
    assert {r["ruleId"] for r in with_fix} == {"FCS101", "FCS102"}  # display-only has no edits


# --- junit -----------------------------------------------------------------------------


def test_junit_has_a_testcase_per_file_and_a_failure_per_diagnostic():
    root = ET.fromstring(render("junit"))
    suite = root.find("testsuite")
    assert suite.get("name") == "fcschema"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"tools/broken.json", "tools/clean.json", "tools/search.yaml",
                          "tools/weather.json"}
    assert cases["tools/clean.json"].find("failure") is None
    assert len(cases["tools/search.yaml"].findall("failure")) == 3
    assert [f.get("type") for f in cases["tools/weather.json"].findall("failure")] == [
        "FCS101", "FCS201", "FCS102"
    ]
    assert suite.get("tests") == "4" and suite.get("failures") == "3"


def test_junit_escapes_markup_and_drops_characters_xml_forbids():
    nasty = 'a <b> & "c"\x00\x1b\nnext\r'
    d = Diagnostic(code="FCS101", message=nasty, severity="error", filename='x&<"y>.json',
                   location=Position(1, 1), tool="t\x07")
    root = ET.fromstring(render("junit", [d], sources={}))
    case = root.find("testsuite/testcase")
    assert case.get("name") == 'x&<"y>.json'
    failure = case.find("failure")
    kept = 'a <b> & "c"\ufffd\ufffd\nnext\r'  # NUL and ESC replaced, CR and LF kept
    assert failure.get("message") == "FCS101 additional-properties: " + kept
    assert failure.text.startswith('x&<"y>.json:1:1: ' + kept)


# --- pylint ----------------------------------------------------------------------------


def test_pylint_lines_keep_one_finding_per_line():
    d = Diagnostic(code="FCS101", name="additional-properties", severity="error",
                   message="two\nlines", filename="a.json", location=Position(4, 2))
    assert render("pylint", [d], sources={}) == (
        "a.json:4: [FCS101(additional-properties), ] two lines\n"
    )


def test_a_fix_counts_as_applicable_only_with_a_change_to_apply():
    d = Diagnostic(code="FCS101", message="m", severity="error", filename="a.json",
                   location=Position(1, 1))
    with_edit = d.replace(fix=Fix("safe", "f", (Edit(0, 0, "x"),)))
    bare = d.replace(fix=Fix("safe", "f"))
    display_only = d.replace(fix=Fix("display-only", "f", (Edit(0, 0, "x"),)))
    assert "(1 fixable with --fix)" in render("concise", [with_edit], sources={})
    for d in (bare, display_only):
        assert "fixable" not in render("concise", [d], sources={})
