"""Every generated strict tool passes fcschema's own strict-mode rules (spec section 2).

Runs once fcschema.strictness exists; test_authoring_models.py checks the same
tools against the tests' independent oracle in the meantime.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

FIXTURES = Path(__file__).with_name("authoring_fixtures")
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import fcs_model_zoo as zoo  # noqa: E402
import fcs_weather_tools  # noqa: E402
from fcs_oracle import strict_problems  # noqa: E402

from fcschema.authoring.build import generate_tool  # noqa: E402
from fcschema.authoring.errors import AuthoringWarning  # noqa: E402

strictness = pytest.importorskip("fcschema.strictness")

SOURCES = [
    zoo.Order,
    zoo.Tree,
    zoo.TreeNode,
    zoo.Drawing,
    zoo.Address,
    zoo.Empty,
    zoo.WithSet,
    zoo.WithLength,
    zoo.WithUri,
    fcs_weather_tools.get_weather,
    fcs_weather_tools.FlightSearch,
    fcs_weather_tools.count_passengers,
]


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.__name__)
def test_generated_parameters_have_no_strict_violations(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AuthoringWarning)
        parameters = generate_tool(source).tool["parameters"]
    assert strictness.strict_violations(parameters) == []
    assert strict_problems(parameters) == []


@pytest.mark.parametrize("model", [zoo.WithDict, zoo.WithAny, zoo.WithTuple, zoo.WithExtraAllow], ids=lambda m: m.__name__)
def test_lenient_output_of_inexpressible_models_is_flagged_by_the_linter(model):
    parameters = generate_tool(model, lenient=True).tool["parameters"]
    assert strictness.strict_violations(parameters) != []
    assert strict_problems(parameters) != []
