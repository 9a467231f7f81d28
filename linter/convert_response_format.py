"""Structured Outputs: Chat ``response_format`` <-> Responses ``text.format``.

The json_schema fields are the same in both APIs, one level apart. Responses keeps other
settings (such as ``verbosity``) beside ``format`` in ``text``, so converting to Chat takes
``format`` out and leaves the rest where it was.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping

from .convert_base import MISSING, Conversion, RequestHandler
from .diagnostics import Pointer

JSON_SCHEMA_FIELDS = ("name", "schema", "strict", "description")  # in both APIs


class ResponseFormatConversion(Conversion):
    """What both directions do alike: the simple formats, and strict in a json_schema."""

    def output_format(self, fmt: Any, ptr: Pointer, what: str,
                      json_schema: Callable[[Mapping, Pointer], Any]) -> Any:
        """The converted format, or MISSING when there is nothing to write."""
        if not self.expect_mapping(fmt, ptr, what):
            return MISSING
        self.converted += 1
        kind = fmt.get("type")
        if kind in ("text", "json_object"):
            self.check_keys(fmt, ("type",), ptr, what)
            return {"type": kind}
        if kind != "json_schema":
            self.error(ptr, f"{what} type must be text, json_object or json_schema")
            return MISSING
        return json_schema(fmt, ptr)

    def json_schema_fields(self, fields: Mapping, ptr: Pointer, what: str) -> Dict[str, Any]:
        """The json_schema fields both APIs have, as they are, except that strict is never
        written as null (any other field was reported by check_keys: dropped, or an error)."""
        return {
            key: self.strict_value(value, ptr + ("strict",), what) if key == "strict" else value
            for key, value in fields.items() if key in JSON_SCHEMA_FIELDS
        }


class ResponseFormatToResponses(ResponseFormatConversion):
    """``response_format`` -> ``text.format``, merged with any ``text`` already given."""

    def response_format_handlers(self) -> Dict[str, RequestHandler]:
        return {"response_format": self.h_response_format, "text": self.h_text}

    def h_response_format(self, body, value, ptr, out):
        fmt = self.output_format(value, ptr, "response_format", self.json_schema_format)
        if fmt is MISSING:
            return
        text = out.get("text")
        if isinstance(text, Mapping):
            if "format" in text:
                self.error(ptr, "both response_format and text.format are given; keep one")
                return
            out["text"] = {**text, "format": fmt}
        else:
            out["text"] = {"format": fmt}

    def h_text(self, body, value, ptr, out):
        if isinstance(value, Mapping) and "format" in value:
            self.already(ptr + ("format",))
        existing = out.get("text")
        if isinstance(existing, Mapping) and isinstance(value, Mapping):
            if "format" in value:
                self.error(ptr, "both response_format and text.format are given; keep one")
            out["text"] = {**value, **existing}
        else:
            out["text"] = value

    def json_schema_format(self, rf, ptr):
        """``{"type": "json_schema", "json_schema": {...}}`` -> one flat object."""
        self.check_keys(rf, ("type", "json_schema"), ptr, "response_format")
        js = rf.get("json_schema")
        jptr = ptr + ("json_schema",)
        if not self.expect_mapping(js, jptr, "json_schema"):
            return MISSING
        self.check_keys(js, JSON_SCHEMA_FIELDS, jptr, "json_schema")
        return {"type": "json_schema", **self.json_schema_fields(js, jptr, "json_schema")}


class ResponseFormatToChat(ResponseFormatConversion):
    """``text.format`` -> ``response_format``; the rest of ``text`` stays, with a note."""

    def response_format_handlers(self) -> Dict[str, RequestHandler]:
        return {"text": self.h_text, "response_format": self.h_already}

    def h_text(self, body, value, ptr, out):
        if not isinstance(value, Mapping) or "format" not in value:
            out["text"] = value
            self.inform(ptr, self.unchanged_message("text"))
            return
        if "response_format" in body:
            self.error(ptr, "both text.format and response_format are given; keep one")
            return
        fmt = self.output_format(value["format"], ptr + ("format",), "text.format",
                                 self.json_schema_format)
        if fmt is not MISSING:
            out["response_format"] = fmt
        rest = {k: v for k, v in value.items() if k != "format"}
        if rest:
            out["text"] = rest
            for key in rest:
                hint = (" (Chat Completions has a top-level 'verbosity')"
                        if key == "verbosity" else "")
                self.inform(ptr + (key,), f"'text.{key}' left unchanged: not about tools{hint}")

    def json_schema_format(self, fmt, ptr):
        """A flat json_schema format -> ``{"type": "json_schema", "json_schema": {...}}``."""
        self.check_keys(fmt, ("type",) + JSON_SCHEMA_FIELDS, ptr, "text.format")
        fields = {k: v for k, v in fmt.items() if k != "type"}
        return {"type": "json_schema",
                "json_schema": self.json_schema_fields(fields, ptr, "text.format")}
