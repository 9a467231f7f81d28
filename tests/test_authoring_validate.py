"""Runtime validation of the arguments a model sends, and parsing them back into the model."""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path
from typing import Literal

import pytest

FIXTURES = Path(__file__).with_name("authoring_fixtures")
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import fcs_model_zoo as zoo  # noqa: E402

from fcschema.authoring import tool  # noqa: E402
from fcschema.authoring.build import tool_from_function, tool_from_model  # noqa: E402
from fcschema.authoring.errors import AuthoringError  # noqa: E402
from fcschema.authoring.validate import validate_arguments  # noqa: E402

ORDER_ID = str(uuid.UUID(int=7))


def order_arguments(**changes):
    data = {
        "customer": "Ada",
        "lines": [{"sku": "ABC-1234", "quantity": 2, "price": None, "pack": None}],
        "note": None,
        "coupon": None,
        "discount": None,
        "quantity": None,
        "unit": None,
        "priority": None,
        "channel": None,
        "ship_to": None,
        "bill_to": {"street": "1 Main St", "postcode": "12345", "country": None},
        "pet": {"kind": "dog", "good": None},
        "ref": 3,
        "when": "2024-05-01",
        "at": None,
        "order_id": ORDER_ID,
        "tags": None,
    }
    data.update(changes)
    return data


def test_valid_arguments_give_the_model_with_defaults_restored():
    result = validate_arguments(zoo.Order, json.dumps(order_arguments()))
    assert result.valid, result.errors
    order = result.value
    assert isinstance(order, zoo.Order)
    assert order.quantity == 10 and order.unit is zoo.Unit.CELSIUS and order.priority is zoo.Priority.LOW
    assert order.channel == "web" and order.tags == [] and order.lines[0].price == 1.0 and order.lines[0].pack == 6
    assert order.pet == zoo.Dog(kind="dog", good=True)
    assert order.note is None and order.coupon is None


def test_null_for_an_optional_field_with_a_non_null_default_stays_none():
    result = validate_arguments(zoo.Order, order_arguments(discount=None))
    assert result.value.discount is None  # Optional[int] = 5: null is a real value


def test_discriminator_with_a_default_is_restored_before_pydantic_sees_it():
    data = {"shapes": [{"shape": None, "side": 2.0}], "highlight": None, "level": None, "mixed": None,
            "sloppy": None, "maybe_five": 5, "colour": None}
    result = validate_arguments(zoo.Drawing, data)
    assert result.valid, result.errors
    assert result.value.shapes == [zoo.Square(side=2.0)]
    assert result.value.mixed == 1 and result.value.sloppy is None and result.value.colour is None


def test_recursive_model_defaults_are_restored_at_every_level():
    data = {"label": "a", "children": [{"label": "b", "children": None}]}
    result = validate_arguments(zoo.TreeNode, data)
    assert result.value == zoo.TreeNode(label="a", children=[zoo.TreeNode(label="b")])


def test_schema_errors_have_json_pointers_and_messages():
    data = order_arguments(quantity="many", extra=1)
    data["lines"][0]["sku"] = "bad"
    del data["customer"]
    result = validate_arguments(zoo.Order, data)
    assert not result.valid and result.value is None
    messages = [str(issue) for issue in result.errors]
    assert "(root): 'customer' is a required property" in messages
    assert "(root): Additional properties are not allowed ('extra' was unexpected)" in messages
    assert any(m.startswith("/lines/0/sku: 'bad' does not match") for m in messages)
    assert any(m.startswith("/quantity: ") for m in messages)
    assert len(messages) == 4


def test_anyof_errors_point_at_the_closest_branch():
    result = validate_arguments(zoo.Order, order_arguments(pet={"kind": "dog", "good": "yes"}))
    assert [issue.pointer for issue in result.errors] == ["/pet/good"]


def test_formats_are_checked():
    result = validate_arguments(zoo.Order, order_arguments(when="yesterday", order_id="nope"))
    assert {issue.pointer for issue in result.errors} == {"/when", "/order_id"}


def test_invalid_json_is_an_error_at_the_root():
    result = validate_arguments(zoo.Order, '{"customer": ')
    assert not result.valid
    assert result.errors[0].pointer == "" and "not valid JSON" in result.errors[0].message


def test_constraints_moved_to_the_description_are_still_enforced_by_pydantic():
    result = validate_arguments(zoo.WithLength, {"name": "x"})
    assert [str(issue) for issue in result.errors] == ["/name: String should have at least 2 characters"]


def test_tool_dict_validates_by_schema_only_unless_a_model_is_given():
    tool_dict = tool_from_model(zoo.Address, shape="chat")
    data = {"street": "s", "postcode": "12345", "country": None}
    plain = validate_arguments(tool_dict, data)
    assert plain.valid and plain.value is None and plain.arguments == data
    with_model = validate_arguments(tool_dict, json.dumps(data), model=zoo.Address)
    assert with_model.value == zoo.Address(street="s", postcode="12345")
    assert not validate_arguments(tool_dict["function"]["parameters"], {"street": "s"}).valid


def test_function_tools_give_keyword_arguments():
    @tool
    def book(restaurant: str, guests: int = 2, seating: Literal["in", "out"] = "in") -> str:
        """Book."""
        return f"{restaurant}:{guests}:{seating}"

    result = validate_arguments(book, '{"restaurant": "Chez", "guests": null, "seating": "out"}')
    assert result.kwargs == {"restaurant": "Chez", "guests": 2, "seating": "out"}
    assert book(**result.kwargs) == "Chez:2:out"
    dict_result = validate_arguments(tool_from_function(book), {"restaurant": "X", "guests": 3, "seating": None}, model=book)
    assert dict_result.kwargs == {"restaurant": "X", "guests": 3, "seating": "in"}


def test_kwargs_without_a_value_is_an_error():
    result = validate_arguments({"type": "object", "properties": {}, "additionalProperties": False}, {})
    assert result.valid
    with pytest.raises(AuthoringError):
        result.kwargs


def test_unresolvable_reference_in_a_tool_is_an_authoring_error():
    broken = {"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing"}}, "required": ["a"]}
    with pytest.raises(AuthoringError, match="does not resolve"):
        validate_arguments(broken, {"a": 1})


def test_aliased_fields_restore_defaults_by_alias():
    result = validate_arguments(zoo.Aliased, {"userName": "ada", "pageSize": None})
    assert result.value.user_name == "ada" and result.value.page_size == 20
    assert result.kwargs == {"user_name": "ada", "page_size": 20}


def test_pydantic_errors_point_into_the_data_without_union_tags():
    result = validate_arguments(zoo.Annotations, {"handle": "admin", "city": "x"})
    assert [issue.pointer for issue in result.errors] == ["/handle"]
