"""Models to strict tool parameters: exact schemas for the tricky cases, and the documented errors."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

# The fixture modules are plain modules, importable once their folder is on sys.path.
FIXTURES = Path(__file__).with_name("authoring_fixtures")
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import fcs_model_zoo as zoo  # noqa: E402
from fcs_oracle import strict_problems  # noqa: E402

from fcschema.authoring.build import generate_tool, tool_from_model  # noqa: E402
from fcschema.authoring.errors import AuthoringError, AuthoringWarning, StrictSchemaError  # noqa: E402


def params(model, **kwargs):
    return generate_tool(model, **kwargs).tool["parameters"]


@pytest.fixture(scope="module")
def order():
    return params(zoo.Order)


def test_every_property_is_required_and_extra_keys_are_forbidden(order):
    assert order["required"] == list(order["properties"])
    assert order["additionalProperties"] is False
    for name, sub in order["$defs"].items():
        if sub["type"] == "object":
            assert sub["required"] == list(sub["properties"]), name
            assert sub["additionalProperties"] is False, name


def test_optional_without_default_stays_required_and_nullable(order):
    assert order["properties"]["note"] == {"type": ["string", "null"]}


def test_optional_with_none_default_is_nullable_without_a_default_note(order):
    assert order["properties"]["coupon"] == {"type": ["string", "null"]}


def test_default_becomes_nullable_and_is_written_into_the_description(order):
    assert order["properties"]["quantity"] == {"type": ["integer", "null"], "description": "Default: 10."}
    assert order["properties"]["discount"] == {"type": ["integer", "null"], "description": "Default: 5."}


def test_default_factory_is_nullable_and_says_null_means_default(order):
    assert order["properties"]["tags"] == {
        "type": ["array", "null"],
        "description": "If null, the default is used.",
        "items": {"type": "string"},
    }


def test_enum_with_default_is_a_nullable_ref(order):
    assert order["properties"]["unit"] == {
        "description": 'Default: "celsius".',
        "anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}],
    }
    assert order["$defs"]["Unit"] == {"type": "string", "enum": ["celsius", "fahrenheit"]}
    assert order["$defs"]["Priority"] == {"type": "integer", "enum": [1, 2]}


def test_literal_with_default_gains_null_in_its_enum(order):
    assert order["properties"]["channel"] == {
        "type": ["string", "null"],
        "description": 'Default: "web".',
        "enum": ["web", "phone", None],
    }


def test_single_literal_becomes_a_one_value_enum(order):
    assert order["$defs"]["Cat"]["properties"]["kind"] == {"type": "string", "enum": ["cat"]}


def test_ref_with_description_is_wrapped_in_anyof(order):
    assert order["properties"]["bill_to"] == {
        "description": "Billing address.",
        "anyOf": [{"$ref": "#/$defs/Address"}],
    }


def test_optional_model_is_anyof_with_null(order):
    assert order["properties"]["ship_to"] == {"anyOf": [{"$ref": "#/$defs/Address"}, {"type": "null"}]}


def test_discriminated_union_becomes_plain_anyof(order):
    assert order["properties"]["pet"] == {"anyOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]}
    text = str(order)
    assert "discriminator" not in text and "oneOf" not in text


def test_plain_union_becomes_anyof(order):
    assert order["properties"]["ref"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}


def test_supported_formats_and_constraints_are_kept(order):
    assert order["properties"]["when"] == {"type": "string", "format": "date"}
    assert order["properties"]["at"] == {"type": ["string", "null"], "format": "date-time"}
    assert order["properties"]["order_id"] == {"type": "string", "format": "uuid"}
    line = order["$defs"]["Line"]["properties"]
    assert line["sku"] == {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$"}
    assert line["quantity"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert line["price"] == {
        "type": ["number", "null"],
        "description": "Default: 1.0.",
        "exclusiveMinimum": 0,
        "maximum": 10000,
    }
    assert line["pack"] == {"type": ["integer", "null"], "description": "Default: 6.", "multipleOf": 6, "minimum": 0}
    assert order["properties"]["lines"]["minItems"] == 1
    assert order["properties"]["lines"]["maxItems"] == 5


def test_model_docstring_gives_tool_and_field_descriptions():
    tool = generate_tool(zoo.Order).tool
    assert tool["description"] == "Create an order."
    assert tool["parameters"]["properties"]["customer"] == {"type": "string", "description": "Who buys."}
    assert tool["parameters"]["properties"]["lines"]["description"] == "What they buy."
    assert "description" not in {k for k in tool["parameters"] if k != "properties"}
    assert tool["parameters"]["$defs"]["Address"]["description"] == "A postal address."


def test_no_title_or_default_is_left_anywhere(order):
    def keys(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                if k != "properties":
                    yield from keys(v)
                else:
                    for sub in v.values():
                        yield from keys(sub)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)

    found = set(keys(order))
    assert not found & {"title", "default", "discriminator", "oneOf", "allOf"}


def test_recursive_root_model_is_inlined_and_keeps_its_defs():
    tree = params(zoo.TreeNode)
    assert tree["type"] == "object"
    assert tree["properties"]["children"] == {
        "type": ["array", "null"],
        "description": "Default: [].",
        "items": {"$ref": "#/$defs/TreeNode"},
    }
    assert tree["$defs"]["TreeNode"]["properties"]["label"] == {"type": "string"}
    assert "$ref" not in tree


def test_nested_recursive_model_uses_refs():
    tree = params(zoo.Tree)
    assert tree["properties"]["root"] == {"$ref": "#/$defs/TreeNode"}
    assert tree["properties"]["mirror"] == {"anyOf": [{"$ref": "#/$defs/TreeNode"}, {"type": "null"}]}
    assert list(tree["$defs"]) == ["TreeNode"]


def test_unions_literals_and_sloppy_defaults():
    drawing = params(zoo.Drawing)
    props = drawing["properties"]
    assert props["shapes"]["items"] == {"anyOf": [{"$ref": "#/$defs/Circle"}, {"$ref": "#/$defs/Square"}]}
    assert props["highlight"] == {
        "anyOf": [{"$ref": "#/$defs/Circle"}, {"$ref": "#/$defs/Square"}, {"type": "null"}]
    }
    assert props["level"] == {"type": ["integer", "null"], "enum": [1, 2, 3, None]}
    assert props["mixed"] == {
        "description": "Default: 1.",
        "anyOf": [{"type": "integer", "enum": [1]}, {"type": "string", "enum": ["one"]}, {"type": "null"}],
    }
    assert props["sloppy"] == {"type": ["integer", "null"]}
    assert props["maybe_five"] == {"type": ["integer", "null"], "description": "Default: 5."}
    assert props["colour"] == {"type": ["string", "null"], "enum": ["red", None], "description": 'Default: "red".'}
    assert drawing["$defs"]["Square"]["properties"]["shape"] == {
        "type": ["string", "null"],
        "description": 'Default: "square".',
        "enum": ["square", None],
    }


def test_empty_model_has_empty_properties():
    assert params(zoo.Empty) == {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


@pytest.mark.parametrize(
    "model, field, expected, warning",
    [
        (zoo.WithSet, "labels", {"type": "array", "description": "Items must be unique.", "items": {"type": "string"}}, "uniqueItems"),
        (zoo.WithLength, "name", {"type": "string", "description": "Must be 2 to 8 characters long."}, "minLength/maxLength"),
        (zoo.WithUri, "homepage", {"type": "string", "description": "Format: uri."}, "'uri'"),
    ],
)
def test_unsupported_constraints_move_to_the_description_with_a_warning(model, field, expected, warning):
    with pytest.warns(AuthoringWarning, match=warning):
        tool = tool_from_model(model)
    assert tool["parameters"]["properties"][field] == expected


@pytest.mark.parametrize(
    "model, field, words",
    [
        (zoo.WithDict, "WithDict.metadata", ["dict", "list of key/value objects", "strict=False"]),
        (zoo.WithAny, "WithAny.payload", ["Any", "concrete type"]),
        (zoo.WithTuple, "WithTuple.point", ["tuple", "a model with one named field per position", "strict=False"]),
        (zoo.WithExtraAllow, "WithExtraAllow", ["extra='allow'", "extra='forbid'", "strict=False"]),
    ],
)
def test_inexpressible_fields_are_errors_naming_the_field_and_the_choices(model, field, words):
    with pytest.raises(StrictSchemaError) as caught:
        generate_tool(model)
    (problem,) = caught.value.problems
    assert problem.field == field
    text = str(problem)
    for word in words:
        assert word in text
    assert field in str(caught.value)


def test_problem_pointer_points_into_the_parameters():
    with pytest.raises(StrictSchemaError) as caught:
        generate_tool(zoo.WithDict)
    assert caught.value.problems[0].pointer == "/properties/metadata"


def test_non_strict_tool_accepts_a_dict_and_keeps_optional_fields_optional():
    tool = generate_tool(zoo.WithDict, strict=False).tool
    assert tool["strict"] is False
    assert tool["parameters"]["properties"]["metadata"] == {
        "type": "object",
        "properties": {},
        "additionalProperties": {"type": "integer"},
    }
    address = generate_tool(zoo.Address, strict=False).tool["parameters"]
    assert address["required"] == ["street", "postcode"]
    assert address["properties"]["country"] == {"type": ["string", "null"]}


def test_non_strict_tuple_gets_items_beside_prefix_items():
    point = generate_tool(zoo.WithTuple, strict=False).tool["parameters"]["properties"]["point"]
    assert point["items"] == {"type": "integer"}
    assert point["prefixItems"] == [{"type": "integer"}, {"type": "integer"}]


def test_lenient_generation_leaves_the_problem_for_a_linter():
    generated = generate_tool(zoo.WithDict, lenient=True)
    assert generated.problems
    assert generated.tool["parameters"]["properties"]["metadata"]["additionalProperties"] == {"type": "integer"}


def test_not_a_model_is_an_authoring_error():
    with pytest.raises(AuthoringError):
        tool_from_model(dict)


@pytest.mark.parametrize(
    "model", [zoo.Order, zoo.Tree, zoo.TreeNode, zoo.Drawing, zoo.Address, zoo.Empty, zoo.WithSet, zoo.WithLength, zoo.WithUri]
)
def test_generated_schemas_satisfy_section_2(model):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AuthoringWarning)
        parameters = tool_from_model(model)["parameters"]
    assert strict_problems(parameters) == []


def test_the_oracle_catches_violations():
    """The oracle above must be able to fail, or the section-2 test proves nothing."""
    bad = {
        "type": "object",
        "properties": {"a": {"type": "string", "default": "x"}, "b": {"$ref": "#/$defs/X", "description": "d"}},
        "required": ["a"],
    }
    problems = strict_problems(bad)
    assert any("additionalProperties" in p for p in problems)
    assert any("required" in p for p in problems)
    assert any("'default'" in p for p in problems)
    assert any("siblings" in p for p in problems)
    assert any("unresolved" in p for p in problems)


def test_aliases_name_the_properties():
    props = params(zoo.Aliased)["properties"]
    assert props == {
        "userName": {"type": "string"},
        "pageSize": {"type": ["integer", "null"], "description": "Default: 20."},
    }


def test_lookaround_patterns_move_to_the_description_and_annotations_become_text():
    with pytest.warns(AuthoringWarning, match="lookaround"):
        props = tool_from_model(zoo.Annotations)["parameters"]["properties"]
    assert props["handle"] == {"type": "string", "description": "Must match the regular expression ^(?!admin)[a-z]+$."}
    assert props["city"] == {"type": "string", "description": 'Examples: "Paris", "Oslo". Deprecated.'}


def test_non_strict_keeps_unsupported_constraints_as_hints():
    props = generate_tool(zoo.WithLength, strict=False).tool["parameters"]["properties"]
    assert props["name"] == {"type": "string", "minLength": 2, "maxLength": 8}


def test_variable_length_tuple_is_a_list_and_frozen_set_is_unique_items():
    from typing import FrozenSet, Tuple

    from pydantic import create_model

    model = create_model("Bag", numbers=(Tuple[int, ...], ...), names=(FrozenSet[str], ...))
    with pytest.warns(AuthoringWarning, match="uniqueItems"):
        props = tool_from_model(model)["parameters"]["properties"]
    assert props["numbers"] == {"type": "array", "items": {"type": "integer"}}
    assert props["names"] == {"type": "array", "description": "Items must be unique.", "items": {"type": "string"}}


def test_a_root_model_that_is_not_an_object_is_an_error():
    from typing import List

    from pydantic import RootModel

    class Numbers(RootModel[List[int]]):
        pass

    with pytest.raises(StrictSchemaError, match="must be an object"):
        generate_tool(Numbers)
