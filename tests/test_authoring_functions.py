"""Typed functions and the @tool decorator as tool definitions, in both shapes."""

from __future__ import annotations

import datetime
import warnings
from typing import Literal, Optional

import pytest
from pydantic import BaseModel, Field
from typing_extensions import Annotated

from fcschema.authoring import tool
from fcschema.authoring.build import tool_definition, tool_from_function, tool_from_model
from fcschema.authoring.decorator import ToolOptions, is_tool, tool_options
from fcschema.authoring.errors import AuthoringError, AuthoringWarning


def book_table(
    restaurant: str,
    when: datetime.date,
    guests: Annotated[int, Field(ge=1, description="People, from Field.")] = 2,
    seating: Literal["inside", "outside"] = "inside",
    note: Optional[str] = None,
    code: str = Field("A1", description="From Field default."),
) -> str:
    """Book a table.

    Args:
        restaurant: Where to eat.
        when: The day.
        guests: Docstring text loses to Field.
        seating: Where to sit.
        note: Anything else.
        code: Docstring text loses to Field.
    """
    return restaurant


def test_function_signature_and_docstring_become_a_strict_responses_tool():
    tool_dict = tool_from_function(book_table)
    assert tool_dict == {
        "type": "function",
        "name": "book_table",
        "description": "Book a table.",
        "parameters": {
            "type": "object",
            "properties": {
                "restaurant": {"type": "string", "description": "Where to eat."},
                "when": {"type": "string", "description": "The day.", "format": "date"},
                "guests": {
                    "type": ["integer", "null"],
                    "description": "People, from Field. Default: 2.",
                    "minimum": 1,
                },
                "seating": {
                    "type": ["string", "null"],
                    "description": 'Where to sit. Default: "inside".',
                    "enum": ["inside", "outside", None],
                },
                "note": {"type": ["string", "null"], "description": "Anything else."},
                "code": {"type": ["string", "null"], "description": 'From Field default. Default: "A1".'},
            },
            "required": ["restaurant", "when", "guests", "seating", "note", "code"],
            "additionalProperties": False,
        },
        "strict": True,
    }


def test_chat_shape_nests_the_function():
    tool_dict = tool_from_function(book_table, shape="chat")
    assert set(tool_dict) == {"type", "function"}
    assert tool_dict["type"] == "function"
    assert tool_dict["function"]["name"] == "book_table"
    assert tool_dict["function"]["strict"] is True
    assert tool_dict["function"]["parameters"] == tool_from_function(book_table)["parameters"]


def test_function_without_parameters_is_an_empty_object():
    def ping() -> str:
        """Check the service is up."""
        return "pong"

    assert tool_from_function(ping)["parameters"] == {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": False,
    }


def test_documented_parameter_that_does_not_exist_warns():
    def f(a: int) -> None:
        """Do.

        Args:
            a: A.
            b: No such parameter.
        """

    with pytest.warns(AuthoringWarning, match="'b'"):
        tool_from_function(f)


@pytest.mark.parametrize(
    "source, words",
    [
        ("def f(a): pass", ["'a'", "no type annotation"]),
        ("def f(*args: int): pass", ["*args", "list"]),
        ("def f(**kw: int): pass", ["**kw"]),
        ("def f(_a: int): pass", ["_a", "underscore"]),
        ("def f(a: 'Missing'): pass", ["Missing"]),
    ],
)
def test_unusable_signatures_are_clear_errors(source, words):
    namespace: dict = {}
    exec(source, namespace)
    with pytest.raises(AuthoringError) as caught:
        tool_from_function(namespace["f"])
    for word in words:
        assert word in str(caught.value)


def test_parameter_named_like_a_basemodel_attribute_still_works():
    def query(schema: str, json: bool = False) -> None:
        """Run a query."""

    props = tool_from_function(query)["parameters"]["properties"]
    assert list(props) == ["schema", "json"]


def test_methods_drop_self():
    class Service:
        def lookup(self, key: str) -> str:
            """Look a key up."""
            return key

    assert list(tool_from_function(Service().lookup)["parameters"]["properties"]) == ["key"]


def test_bare_decorator_marks_and_returns_the_function_unchanged():
    @tool
    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    assert add(2, 3) == 5
    assert tool_options(add) == ToolOptions()
    assert tool_definition(add)["name"] == "add"


def test_decorator_arguments_override_name_description_and_strict():
    @tool(name="sum-two", description="Sum.", strict=False)
    def add(a: int, b: int = 1) -> int:
        return a + b

    tool_dict = tool_definition(add, shape="chat")
    assert tool_dict["function"]["name"] == "sum-two"
    assert tool_dict["function"]["description"] == "Sum."
    assert tool_dict["function"]["strict"] is False
    assert tool_dict["function"]["parameters"]["required"] == ["a"]


def test_explicit_arguments_override_the_decorator():
    @tool(name="first")
    def f(a: int) -> int:
        return a

    assert tool_definition(f, name="second", strict=False)["name"] == "second"


def test_decorated_model_stays_a_model_and_subclasses_are_not_marked():
    @tool(description="Find flights.")
    class Search(BaseModel):
        """Docstring loses to the decorator."""

        origin: str

    class SubSearch(Search):
        pass

    assert Search(origin="CDG").origin == "CDG"
    assert is_tool(Search) and not is_tool(SubSearch)
    assert tool_from_model(Search)["description"] == "Find flights."
    assert tool_from_model(SubSearch)["name"] == "SubSearch"


def test_decorator_rejects_non_callables():
    with pytest.raises(TypeError):
        tool(42)


@pytest.mark.parametrize("name", ["has space", "dots.are.bad", "x" * 129])
def test_invalid_tool_names_are_rejected(name):
    def f(a: int) -> None:
        pass

    with pytest.raises(AuthoringError, match="tool name"):
        tool_from_function(f, name=name)


def test_chat_names_are_limited_to_64_characters():
    def f(a: int) -> None:
        pass

    assert tool_from_function(f, name="x" * 100)["name"] == "x" * 100
    with pytest.raises(AuthoringError, match="64"):
        tool_from_function(f, name="x" * 100, shape="chat")


def test_unknown_shape_is_rejected():
    with pytest.raises(AuthoringError, match="shape"):
        tool_from_function(book_table, shape="assistants")


def test_wrong_kind_of_object_is_rejected():
    with pytest.raises(AuthoringError):
        tool_from_function(BaseModel)
    with pytest.raises(AuthoringError):
        tool_definition(42)


def test_no_warnings_for_a_clean_function():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tool_from_function(book_table)
