"""Property tests: generated tools and their models agree in both directions.

1. Any instance of the model, dumped to JSON, is valid against the strict schema
   (the dump already has the strict shape: every field present) and validates
   back to an equal instance.
2. Any arguments valid against the strict schema parse back into the model.

Instances for (1) come from pydantic's own schema (so optional fields are
sometimes left out and take their defaults), independent of the strict rewrite.
"""

from __future__ import annotations

import functools
import json
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

FIXTURES = Path(__file__).with_name("authoring_fixtures")
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import fcs_model_zoo as zoo  # noqa: E402
import fcs_weather_tools  # noqa: E402
from fcs_schema_strategies import from_schema  # noqa: E402

from fcschema.authoring.build import generate_tool  # noqa: E402
from fcschema.authoring.errors import AuthoringWarning  # noqa: E402
from fcschema.authoring.functions import function_arguments  # noqa: E402
from fcschema.authoring.validate import validate_arguments  # noqa: E402

MODELS = [zoo.Order, zoo.Tree, zoo.TreeNode, zoo.Drawing, zoo.Address, zoo.Line, zoo.Empty, zoo.WithSet]
FAITHFUL = MODELS  # every constraint of these models is expressible, so (2) must hold
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def strict_parameters(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AuthoringWarning)
        return generate_tool(source).tool["parameters"]


@functools.lru_cache(maxsize=None)
def pydantic_data(model):
    return from_schema(model.model_json_schema())


@functools.lru_cache(maxsize=None)
def strict_data(model):
    return from_schema(strict_parameters(model))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@SETTINGS
@given(data=st.data())
def test_model_instances_dump_to_valid_arguments(model, data):
    raw = data.draw(pydantic_data(model))
    try:
        instance = model.model_validate_json(json.dumps(raw))
    except ValidationError:
        assume(False)  # pydantic's own schema is looser than the model in a few places
    dumped = instance.model_dump(mode="json", by_alias=True)
    result = validate_arguments(model, json.dumps(dumped))
    assert result.valid, (dumped, result.errors)
    assert result.value == instance


@pytest.mark.parametrize("model", FAITHFUL, ids=lambda m: m.__name__)
@SETTINGS
@given(data=st.data())
def test_valid_arguments_parse_back_into_the_model(model, data):
    arguments = data.draw(strict_data(model))
    result = validate_arguments(model, json.dumps(arguments))
    assert result.valid, (arguments, result.errors)
    assert isinstance(result.value, model)
    again = validate_arguments(model, result.value.model_dump(mode="json", by_alias=True))
    assert again.valid and again.value == result.value


def test_function_arguments_round_trip():
    func = fcs_weather_tools.get_weather
    parameters = strict_parameters(func)

    @SETTINGS
    @given(from_schema(parameters))
    def check(data):
        result = validate_arguments(func, data)
        assert result.valid, result.errors
        assert func(**result.kwargs).startswith(result.kwargs["city"])
        assert result.kwargs["unit"] in ("c", "f")

    check()


@given(st.data())
@SETTINGS
def test_generator_covers_nulls_for_defaults(data):
    """The strategy really produces the nulls that stand for defaults (or (2) proves little)."""
    parameters = strict_parameters(zoo.Line)
    line = data.draw(from_schema(parameters))
    assume(line["price"] is None)
    result = validate_arguments(zoo.Line, line)
    assert result.value.price == 1.0


def test_lossy_constraint_is_the_documented_exception():
    """min_length moved to the description: schema-valid arguments can still fail pydantic."""
    assert validate_arguments(zoo.WithLength, {"name": ""}).errors
    assert function_arguments(fcs_weather_tools.get_weather).model.__name__ == "get_weather"
