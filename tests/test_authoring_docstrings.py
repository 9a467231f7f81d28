"""Docstring parsing: the description and the per-parameter text, in the three common styles."""

from __future__ import annotations

import pytest

from fcschema.authoring.docstrings import parse_docstring

GOOGLE = '''
    Book a table.

    Finds a free table and reserves it.

    Args:
        restaurant (str): Where to eat.
        guests: How many people,
            children included.
        *extra: Ignored.

    Returns:
        The booking id.

    Raises:
        ValueError: when full.
'''

NUMPY = '''
    Book a table.

    Parameters
    ----------
    restaurant : str
        Where to eat.
    guests, seats : int
        How many people,
        children included.

    Returns
    -------
    str
        The booking id.
'''

REST = '''
    Book a table.

    :param restaurant: Where to eat.
    :param int guests: How many people,
        children included.
    :type guests: int
    :returns: The booking id.
    :raises ValueError: when full.
'''


def test_google_style():
    doc = parse_docstring(GOOGLE)
    assert doc.description == "Book a table.\n\nFinds a free table and reserves it."
    assert doc.params == {
        "restaurant": "Where to eat.",
        "guests": "How many people, children included.",
        "extra": "Ignored.",
    }


def test_numpy_style():
    doc = parse_docstring(NUMPY)
    assert doc.description == "Book a table."
    assert doc.params == {
        "restaurant": "Where to eat.",
        "guests": "How many people, children included.",
        "seats": "How many people, children included.",
    }


def test_rest_style():
    doc = parse_docstring(REST)
    assert doc.description == "Book a table."
    assert doc.params == {"restaurant": "Where to eat.", "guests": "How many people, children included."}


def test_google_attributes_section_for_models():
    doc = parse_docstring("A point.\n\nAttributes:\n    x: Horizontal.\n    y: Vertical.\n")
    assert doc.description == "A point."
    assert doc.params == {"x": "Horizontal.", "y": "Vertical."}


def test_text_after_returns_is_not_description():
    doc = parse_docstring("Do it.\n\nReturns:\n    Nothing.\n")
    assert doc.description == "Do it."
    assert doc.params == {}


@pytest.mark.parametrize("doc", [None, "", "   \n  "])
def test_empty_docstrings(doc):
    parsed = parse_docstring(doc)
    assert parsed.description == "" and parsed.params == {}


def test_a_line_ending_in_a_colon_is_not_a_section():
    doc = parse_docstring("\n    Search for this:\n        the needle.\n")
    assert doc.description == "Search for this:\n    the needle."
