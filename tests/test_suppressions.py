"""Suppressions: YAML comments on a line, on a key (its subtree), on their own line (the
next line), for the whole file; pointer-scoped ignores for JSON in configuration; unused
ones reported; suppressed findings are not fixed either."""

from __future__ import annotations

import json
import os
import textwrap

import pytest
from click.testing import CliRunner

from fcschema.cli import main
from fcschema.config import config_for_folder, config_in

TOOL = """\
type: function
function:
  name: f
  description: F.
  strict: true
  parameters:
    type: object
    properties:
      a: {type: string, description: A.}
      nested:
        type: object
        description: N.
        properties:
          b: {type: string, description: B.}
        required: [b]
    required: [a, nested]
"""


@pytest.fixture(autouse=True)
def fresh(monkeypatch, tmp_path):
    config_in.cache_clear()
    config_for_folder.cache_clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.chdir(tmp_path)


def check(tmp_path, text, name="t.yaml", *args):
    (tmp_path / name).write_text(textwrap.dedent(text))
    result = CliRunner().invoke(main, ["check", name, "--output-format", "json", *args])
    return json.loads(result.output) if result.output.startswith("[") else result.output


def found(diagnostics):
    return sorted((d["code"], d["pointer"]) for d in diagnostics)


def test_unsuppressed_baseline(tmp_path):
    assert found(check(tmp_path, TOOL)) == [
        ("FCS101", "/function/parameters"), ("FCS101", "/function/parameters/properties/nested")]


def test_comment_on_a_key_covers_its_subtree(tmp_path):
    text = TOOL.replace("  parameters:\n", "  parameters:   # fcschema: ignore[FCS101]\n")
    assert found(check(tmp_path, text)) == []


def test_comment_on_a_nested_key_covers_only_that_subtree(tmp_path):
    text = TOOL.replace("      nested:\n", "      nested:   # fcschema: ignore[FCS101]\n")
    assert found(check(tmp_path, text)) == [("FCS101", "/function/parameters")]


def test_comment_on_its_own_line_covers_the_next_line(tmp_path):
    text = TOOL.replace("      nested:\n", "      # fcschema: ignore[FCS101]\n      nested:\n")
    assert found(check(tmp_path, text)) == [("FCS101", "/function/parameters")]


def test_other_codes_are_not_covered_and_the_comment_is_then_unused(tmp_path):
    text = TOOL.replace("  parameters:\n", "  parameters:   # fcschema: ignore[FCS102]\n")
    assert found(check(tmp_path, text)) == [
        ("FCS008", ""), ("FCS101", "/function/parameters"), ("FCS101", "/function/parameters/properties/nested")]


def test_file_level_suppression(tmp_path):
    assert found(check(tmp_path, "# fcschema: ignore-file[FCS1]\n" + TOOL)) == []
    assert [d["code"] for d in check(tmp_path, "# fcschema: ignore-file[FCS2]\n" + TOOL)].count("FCS008") == 1


def test_ignore_without_codes_covers_everything_on_the_line(tmp_path):
    text = TOOL.replace("  parameters:\n", "  parameters:   # fcschema: ignore\n")
    assert found(check(tmp_path, text)) == []


def test_suppressed_findings_are_not_fixed(tmp_path):
    text = TOOL.replace("      nested:\n", "      nested:   # fcschema: ignore[FCS101]\n")
    (tmp_path / "t.yaml").write_text(text)
    CliRunner().invoke(main, ["check", "--fix", "t.yaml"])
    fixed = (tmp_path / "t.yaml").read_text()
    assert fixed.count("additionalProperties: false") == 1
    assert "    additionalProperties: false\n" in fixed  # the root object only


def test_json_ignores_by_pointer_in_configuration(tmp_path):
    (tmp_path / ".fcschema.toml").write_text(textwrap.dedent("""
        [[ignores]]
        path = "*.json"
        pointer = "/function/parameters/properties/nested"
        codes = ["FCS101"]
        [[ignores]]
        path = "*.json"
        pointer = "/function/nothing/here"
        """))
    from fcschema.yaml_loader import load_yaml

    tool = load_yaml(TOOL).data
    diagnostics = check(tmp_path, json.dumps(tool, indent=2), "t.json")
    assert [(d["code"], d["pointer"]) for d in diagnostics if d["code"] != "FCS008"] == [
        ("FCS101", "/function/parameters")]
    unused = [d for d in diagnostics if d["code"] == "FCS008"]
    assert len(unused) == 1 and "/function/nothing/here" in unused[0]["message"]


def test_unused_suppressions_can_be_ignored_like_any_rule(tmp_path):
    text = TOOL.replace("  parameters:\n", "  parameters:   # fcschema: ignore[FCS102]\n")
    assert "FCS008" not in [d["code"] for d in check(tmp_path, text, "t.yaml", "--ignore", "FCS008")]
    assert os.path.exists(tmp_path / "t.yaml")
