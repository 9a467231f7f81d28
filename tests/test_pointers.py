"""JSON pointers as RFC 6901 text, and back."""

import pytest

from fcschema.diagnostics import format_pointer, parse_pointer


@pytest.mark.parametrize("pointer, text", [
    ((), ""),
    (("",), "/"),
    (("", ""), "//"),
    (("tools", 0, "function"), "/tools/0/function"),
    (("properties", "a/b"), "/properties/a~1b"),
    (("properties", "~tilde"), "/properties/~0tilde"),
    (("~1",), "/~01"),
    (("/", "~"), "/~1/~0"),
])
def test_format_pointer_escapes_as_rfc_6901(pointer, text):
    assert format_pointer(pointer) == text
    assert parse_pointer(text) == tuple(str(segment) for segment in pointer)
