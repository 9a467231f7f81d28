"""MODULE:NAME targets: loading user modules, finding tools, and load_tool_targets for check."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fcschema.authoring.errors import AuthoringError
from fcschema.authoring.targets import (
    TargetImportError,
    TargetNotFound,
    load_tool_targets,
    looks_like_target,
    resolve_targets,
)

FIXTURES = Path(__file__).with_name("authoring_fixtures")


@pytest.fixture(autouse=True)
def fixtures_on_path(monkeypatch):
    monkeypatch.syspath_prepend(str(FIXTURES))


def test_single_function_target():
    loaded = load_tool_targets("fcs_weather_tools:get_weather")
    assert [label for label, _ in loaded] == ["fcs_weather_tools:get_weather"]
    tool = loaded[0][1]
    assert tool["type"] == "function" and tool["name"] == "get_weather" and tool["strict"] is True
    assert tool["parameters"]["required"] == ["city", "unit"]


def test_single_target_is_not_a_collection():
    targets, collection = resolve_targets("fcs_weather_tools:FlightSearch")
    assert not collection and [t.label for t in targets] == ["fcs_weather_tools:FlightSearch"]


def test_whole_module_takes_every_marked_tool_in_order():
    for spec in ("fcs_weather_tools", "fcs_weather_tools:"):
        loaded = load_tool_targets(spec)
        assert [tool["name"] for _, tool in loaded] == ["get_weather", "search_flights"]


def test_a_list_of_tools_includes_unmarked_ones():
    loaded = load_tool_targets("fcs_weather_tools:ALL_TOOLS", shape="chat")
    assert [label for label, _ in loaded] == [
        "fcs_weather_tools:ALL_TOOLS[0]",
        "fcs_weather_tools:ALL_TOOLS[1]",
        "fcs_weather_tools:ALL_TOOLS[2]",
    ]
    assert [tool["function"]["name"] for _, tool in loaded] == ["get_weather", "search_flights", "count_passengers"]


def test_a_python_file_path_works_too():
    loaded = load_tool_targets(str(FIXTURES / "fcs_weather_tools.py") + ":get_weather")
    assert loaded[0][1]["name"] == "get_weather"


def test_inexpressible_tools_are_left_for_the_linter_to_report():
    loaded = dict(load_tool_targets("fcs_mixed_tools"))
    assert loaded["fcs_mixed_tools:Good"]["parameters"]["additionalProperties"] is False
    labels = loaded["fcs_mixed_tools:Labels"]["parameters"]["properties"]["labels"]
    assert labels["additionalProperties"] == {"type": "string"}


@pytest.mark.parametrize(
    "spec, error, words",
    [
        ("fcs_no_such_module:X", TargetNotFound, ["no module named 'fcs_no_such_module'"]),
        ("fcs_weather_tools:missing", TargetNotFound, ["no attribute 'missing'"]),
        ("fcs_weather_tools:NOT_A_TOOL", TargetNotFound, ["int", "not a pydantic model"]),
        ("fcs_no_tools", TargetNotFound, ["no object is marked", "fcs_no_tools:NAME"]),
        ("fcs_raises_on_import:X", TargetImportError, ["RuntimeError", "boom while importing"]),
        ("not a module", TargetNotFound, ["not a module name"]),
    ],
)
def test_load_failures_are_clear(spec, error, words):
    with pytest.raises(error) as caught:
        load_tool_targets(spec)
    assert isinstance(caught.value, AuthoringError)
    for word in words:
        assert word in str(caught.value)


def test_a_module_that_fails_its_own_import_is_not_reported_as_missing(tmp_path, monkeypatch):
    (tmp_path / "fcs_broken_dependency.py").write_text("import fcs_dependency_that_is_absent\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(TargetImportError, match="fcs_dependency_that_is_absent"):
        resolve_targets("fcs_broken_dependency:X")


def test_current_directory_is_importable(tmp_path, monkeypatch):
    (tmp_path / "fcs_cwd_tools.py").write_text(
        "from fcschema.authoring import tool\n\n@tool\ndef hello(name: str) -> str:\n    return name\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", str(tmp_path))])
    assert load_tool_targets("fcs_cwd_tools:hello")[0][1]["name"] == "hello"


@pytest.mark.parametrize(
    "arg, expected",
    [
        ("pkg.tools:Search", True),
        ("tools:", True),
        ("tools", False),
        ("tools.json", False),
        ("C:\\tools\\file.json", False),
        ("a:b:c", False),
    ],
)
def test_looks_like_target(arg, expected):
    assert looks_like_target(arg) is expected


def test_an_existing_file_is_never_a_target(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd:name").write_text("{}")
    assert looks_like_target("odd:name") is False
