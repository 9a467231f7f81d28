"""fcschema generate, run through click's test runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from fcschema.cli_generate import generate_command

FIXTURES = Path(__file__).with_name("authoring_fixtures")


@pytest.fixture(autouse=True)
def fixtures_on_path(monkeypatch):
    monkeypatch.syspath_prepend(str(FIXTURES))


def run(*args):
    return CliRunner().invoke(generate_command, list(args))


def test_one_function_prints_one_responses_tool():
    result = run("fcs_weather_tools:get_weather")
    assert result.exit_code == 0, result.output
    tool = json.loads(result.stdout)
    assert tool["type"] == "function" and tool["name"] == "get_weather" and tool["strict"] is True


def test_chat_shape():
    result = run("fcs_weather_tools:FlightSearch", "--to", "chat")
    assert result.exit_code == 0, result.output
    tool = json.loads(result.stdout)
    assert tool["function"]["name"] == "search_flights" and tool["function"]["strict"] is True


def test_module_and_several_targets_print_a_list():
    result = run("fcs_weather_tools")
    assert [t["name"] for t in json.loads(result.stdout)] == ["get_weather", "search_flights"]
    result = run("fcs_weather_tools:get_weather", "fcs_mixed_tools:Good")
    assert [t["name"] for t in json.loads(result.stdout)] == ["get_weather", "Good"]


def test_yaml_output_round_trips():
    result = run("fcs_weather_tools:ALL_TOOLS", "--yaml")
    assert result.exit_code == 0, result.output
    as_yaml = YAML(typ="safe").load(result.stdout)
    as_json = json.loads(run("fcs_weather_tools:ALL_TOOLS").stdout)
    assert as_yaml == as_json
    assert "Default: \\\"c\\\"." in json.dumps(as_yaml)


def test_output_file(tmp_path):
    target = tmp_path / "tools.json"
    result = run("fcs_weather_tools:get_weather", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["name"] == "get_weather"
    assert [p.name for p in tmp_path.iterdir()] == ["tools.json"]


def test_warnings_go_to_stderr():
    result = run("fcs_model_zoo:WithSet")
    assert result.exit_code == 0
    assert "warning: fcs_model_zoo:WithSet: WithSet.labels: uniqueItems" in result.stderr
    assert json.loads(result.stdout)["name"] == "WithSet"


def test_strict_errors_name_the_field_exit_1_and_write_nothing(tmp_path):
    target = tmp_path / "out.json"
    result = run("fcs_mixed_tools", "-o", str(target))
    assert result.exit_code == 1
    assert "error: fcs_mixed_tools:Labels: Labels.labels: a dict" in result.stderr
    assert "strict=False" in result.stderr
    assert not target.exists()


def test_unknown_module_is_a_usage_error():
    result = run("fcs_no_such_module:X")
    assert result.exit_code == 2
    assert "no module named" in result.stderr


def test_module_raising_on_import_exits_1():
    result = run("fcs_raises_on_import:X")
    assert result.exit_code == 1
    assert "boom while importing" in result.stderr


def test_help_warns_that_importing_runs_code():
    result = run("--help")
    assert result.exit_code == 0
    assert "RUNS ITS CODE" in result.stdout and "--to [responses|chat]" in result.stdout


def test_importing_the_command_does_not_import_pydantic():
    code = "import sys, fcschema.cli_generate; print('pydantic' in sys.modules, 'jsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_importing_the_decorator_does_not_import_pydantic():
    code = (
        "import sys\nfrom fcschema.authoring import tool\nimport fcschema.authoring.targets\n"
        "print('pydantic' in sys.modules, 'jsonschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
