"""Configuration: discovery (closest wins), validation (exit 2), merging with the command
line, per-file ignores, bare schema files, Python targets, and `fcschema config`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from fcschema.cli import main
from fcschema.config import config_for_folder, config_in

OPTIONAL = {"type": "function", "function": {"name": "f", "description": "F.", "strict": True, "parameters": {
    "type": "object", "properties": {"a": {"type": "string", "description": "A."}},
    "additionalProperties": False}}}


@pytest.fixture(autouse=True)
def fresh(monkeypatch, tmp_path):
    """Each test reads its own files: no cached lookups, no user cache."""
    config_in.cache_clear()
    config_for_folder.cache_clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    yield
    config_in.cache_clear()
    config_for_folder.cache_clear()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def run(*args, cwd=None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def codes(result):
    return sorted({line.split()[1] for line in result.output.splitlines() if ": FCS" in line})


def test_pyproject_table_applies_and_command_line_overrides(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.fcschema]
        ignore = ["FCS102"]
        output-format = "concise"
        """)
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    result = run("check", "t.json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "FCS102" not in result.output
    result = run("check", "t.json", "--isolated", "--output-format", "concise", cwd=tmp_path)
    assert result.exit_code == 1 and "FCS102" in result.output


def test_closest_configuration_wins(tmp_path):
    write(tmp_path / ".fcschema.toml", 'ignore = ["FCS102"]\n')
    write(tmp_path / "strict" / "fcschema.toml", 'select = ["ALL"]\n')
    (tmp_path / "a.json").write_text(json.dumps(OPTIONAL))
    (tmp_path / "strict" / "b.json").write_text(json.dumps(OPTIONAL))
    result = run("check", "a.json", "strict/b.json", "--output-format", "concise", cwd=tmp_path)
    assert "strict/b.json:" in result.output and "FCS102" in result.output
    assert "a.json:" not in result.output.replace("strict/b.json", "")


def test_pyproject_without_table_is_skipped_for_the_parent(tmp_path):
    write(tmp_path / "fcschema.toml", 'ignore = ["FCS102"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    (tmp_path / "pkg" / "t.json").write_text(json.dumps(OPTIONAL))
    assert run("check", "pkg/t.json", cwd=tmp_path).exit_code == 0


def test_pyproject_that_never_mentions_fcschema_is_not_parsed(tmp_path):
    """Only a pyproject.toml that can hold [tool.fcschema] is read as TOML: another tool's
    broken pyproject.toml is not fcschema's business (the parent's settings apply)."""
    write(tmp_path / "fcschema.toml", 'ignore = ["FCS102"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", "[project\nname = 'x'\n")
    (tmp_path / "pkg" / "t.json").write_text(json.dumps(OPTIONAL))
    assert run("check", "pkg/t.json", cwd=tmp_path).exit_code == 0
    write(tmp_path / "pkg" / "pyproject.toml", "[project\n[tool.fcschema]\n")
    config_in.cache_clear()
    config_for_folder.cache_clear()
    result = run("check", "pkg/t.json", cwd=tmp_path)
    assert result.exit_code == 2 and "invalid TOML" in result.output


def test_pyproject_table_with_an_escaped_key_still_applies(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool."\\u0066cschema"]\nignore = ["FCS102"]\n')
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    assert "fcschema" not in (tmp_path / "pyproject.toml").read_text()
    assert run("check", "t.json", cwd=tmp_path).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.other]\nignore = ["FCS102"]\n')
    config_in.cache_clear()
    config_for_folder.cache_clear()
    assert run("check", "t.json", cwd=tmp_path).exit_code == 1


def test_configuration_that_is_not_utf8_is_a_usage_error(tmp_path):
    (tmp_path / ".fcschema.toml").write_bytes(b'target = "\xff"\n')
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    result = run("check", "t.json", cwd=tmp_path)
    assert result.exit_code == 2
    assert "not UTF-8" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("body, message", [
    ("bogus = 1\n", "bogus: unknown key"),
    ('target = "gpt"\n', "target"),
    ('select = ["XYZ9"]\n', "unknown rule code or prefix 'XYZ9'"),
    ("per-file-ignores = {\"*.json\" = [\"FCS999\"]}\n", "FCS999"),
    ("select = [\n", "invalid TOML"),
    ("max-file-size = -1\n", "max-file-size"),
])
def test_invalid_configuration_is_a_usage_error(tmp_path, body, message):
    write(tmp_path / ".fcschema.toml", body)
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    result = run("check", "t.json", cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_per_file_ignores_and_target(tmp_path):
    write(tmp_path / ".fcschema.toml", """
        [per-file-ignores]
        "legacy/*.json" = ["FCS1"]
        """)
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "t.json").write_text(json.dumps(OPTIONAL))
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    result = run("check", ".", "--output-format", "concise", cwd=tmp_path)
    assert "legacy/t.json" not in result.output
    assert "t.json:" in result.output


def test_bare_schema_files_declared_in_configuration(tmp_path):
    write(tmp_path / ".fcschema.toml", """
        [[schemas]]
        path = "schemas/*.json"
        kind = "parameters"
        [[schemas]]
        path = "formats/*.json"
        kind = "response_format"
        strict = true
        """)
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    write(tmp_path / "schemas" / "weather.json", json.dumps(schema, indent=2))
    write(tmp_path / "formats" / "answer.json", json.dumps(schema, indent=2))
    result = run("check", ".", "--output-format", "json", cwd=tmp_path)
    found = json.loads(result.output)
    assert {(d["filename"], d["code"]) for d in found} >= {
        ("schemas/weather.json", "FCS101"), ("schemas/weather.json", "FCS102"),
        ("formats/answer.json", "FCS101")}
    assert any(d["api_message"].startswith("Invalid schema for response_format 'answer'") for d in found
               if d["filename"] == "formats/answer.json")
    # Without the declaration, a bare schema is not a tool: the folder walk skips it.
    os.remove(tmp_path / ".fcschema.toml")
    config_in.cache_clear()
    config_for_folder.cache_clear()
    assert run("check", ".", cwd=tmp_path).exit_code == 0


def test_python_targets_from_configuration_and_command_line(tmp_path, monkeypatch):
    write(tmp_path / "mytools.py", """
        from typing import Optional
        from pydantic import BaseModel
        import fcschema

        @fcschema.tool
        class GetWeather(BaseModel):
            '''Weather for a city.'''
            city: str
            days: Optional[int] = 3

        class Loose(BaseModel):
            '''A free-form map the API cannot make strict.'''
            labels: dict[str, str]
        """)
    monkeypatch.syspath_prepend(str(tmp_path))
    write(tmp_path / ".fcschema.toml", 'python-targets = ["mytools:GetWeather"]\n')
    result = run("check", "--output-format", "concise", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    result = run("check", "mytools:Loose", "--output-format", "concise", cwd=tmp_path)
    assert result.exit_code == 1
    assert "mytools:Loose" in result.output and "FCS101" in result.output
    result = run("check", "mytools:Missing", cwd=tmp_path)
    assert result.exit_code == 1 and "FCS002" in result.output


def test_config_command_shows_values_and_where_they_come_from(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.fcschema]\ntarget = "azure"\n')
    result = run("config", "--output-format", "json", cwd=tmp_path)
    data = json.loads(result.output)
    rows = {row["key"]: row for row in data["settings"]}
    assert rows["target"]["value"] == "azure"
    assert rows["target"]["source"].endswith("pyproject.toml")
    assert rows["select"]["source"] == "default"


def test_validated_configuration_is_cached_so_pydantic_is_not_imported_again(tmp_path):
    write(tmp_path / ".fcschema.toml", 'ignore = ["FCS102"]\n')
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    probe = ("import sys\nfrom fcschema.cli import main\n"
             "try:\n    main(['check', 't.json'])\nexcept SystemExit as e:\n"
             "    print('exit', e.code, 'pydantic' in sys.modules)\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / ".cache")}
    first = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert first.stdout.strip().endswith("exit 0 True")
    assert second.stdout.strip().endswith("exit 0 False")


def test_an_unchanged_configuration_file_is_not_parsed_again(tmp_path):
    """A configuration file known from an earlier run (same size, modification time,
    inode) gives its settings from the cache: no TOML parser, no hashing, no pydantic.
    A changed file is read again; one changed in the last seconds is not remembered."""
    config = write(tmp_path / "pyproject.toml", '[project]\nname = "p"\n[tool.fcschema]\nignore = ["FCS102"]\n')
    (tmp_path / "t.json").write_text(json.dumps(OPTIONAL))
    probe = ("import sys\nfrom fcschema.cli import main\n"
             "try:\n    main(['check', 't.json'])\nexcept SystemExit as e:\n"
             "    print('exit', e.code, *sorted(m for m in ('tomllib', 'tomli', 'hashlib', 'pydantic') if m in sys.modules))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / ".cache")}

    def run_probe():
        out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=env)
        return out.stdout.strip().splitlines()[-1]

    assert run_probe().startswith("exit 0 ")          # just written: read, not remembered
    assert run_probe().startswith("exit 0 ")
    assert "tomllib" in run_probe() or "tomli" in run_probe()
    an_hour_ago = os.stat(config).st_mtime - 3600
    os.utime(config, (an_hour_ago, an_hour_ago))
    assert run_probe().startswith("exit 0 ")          # settled: read once more, remembered
    assert run_probe() == "exit 0"                    # from the cache: nothing imported
    write(config, '[project]\nname = "p"\n[tool.fcschema]\nignore = ["FCS1"]\nselect = ["FCS102"]\n')
    os.utime(config, (an_hour_ago, an_hour_ago))
    assert run_probe().startswith("exit 0 ")          # changed (size): read again
    write(config, '[project]\nname = "p"\n[tool.fcschema]\nselect = ["FCS102"]\n')
    os.utime(config, (an_hour_ago - 60, an_hour_ago - 60))
    assert run_probe().startswith("exit 1")           # FCS102 no longer ignored
    env["FCSCHEMA_NO_CACHE"] = "1"
    assert "tomllib" in run_probe() or "tomli" in run_probe()


def test_schema_command_prints_editor_schemas():
    from jsonschema import Draft7Validator, Draft202012Validator

    tools = json.loads(CliRunner().invoke(main, ["schema", "tools"]).output)
    Draft7Validator.check_schema(tools)
    assert Draft7Validator(tools).is_valid(OPTIONAL)
    config = json.loads(CliRunner().invoke(main, ["schema", "config"]).output)
    Draft202012Validator.check_schema(config)
    assert "per-file-ignores" in config["properties"]
