"""JSON Schemas for editors (`fcschema schema`): one for tool-definition files, one for
the configuration, so completion and squiggles work while people type.

The tool schema describes the shapes and the strict-mode subset with descriptions; it is
a guide for editors, not the linter (which knows far more than a schema can say).
"""

from __future__ import annotations

from typing import Any, Dict

from .targets import FORMATS

NAME_PATTERN = "^[a-zA-Z0-9_-]+$"
TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"]


def _schema_node() -> Dict[str, Any]:
    ref = {"$ref": "#/definitions/schema"}
    return {
        "type": "object",
        "description": "A JSON Schema node in the subset OpenAI strict mode supports.",
        "properties": {
            "type": {"description": "Every node needs a type (or $ref / anyOf). Optional fields are "
                                    "written as [X, \"null\"] and listed in required.",
                     "anyOf": [{"enum": TYPES}, {"type": "array", "items": {"enum": TYPES}}]},
            "description": {"type": "string", "description": "What the model should put here."},
            "title": {"type": "string"},
            "enum": {"type": "array", "description": "Allowed values (add null for a nullable field)."},
            "const": {},
            "anyOf": {"type": "array", "items": ref, "description": "Union; not allowed at the root."},
            "$ref": {"type": "string", "pattern": "^#", "description": "Local reference: #/$defs/name or #."},
            "properties": {"type": "object", "additionalProperties": ref},
            "required": {"type": "array", "items": {"type": "string"},
                         "description": "Strict mode: exactly the keys of properties."},
            "additionalProperties": {"description": "Strict mode: must be false on every object.",
                                     "anyOf": [{"type": "boolean"}, ref]},
            "items": ref,
            "minItems": {"type": "integer", "minimum": 0},
            "maxItems": {"type": "integer", "minimum": 0},
            "pattern": {"type": "string", "description": "A regular expression (no lookaround in strict mode)."},
            "format": {"enum": sorted(FORMATS)},
            "minimum": {"type": "number"}, "maximum": {"type": "number"},
            "exclusiveMinimum": {"type": "number"}, "exclusiveMaximum": {"type": "number"},
            "multipleOf": {"type": "number", "exclusiveMinimum": 0},
            "$defs": {"type": "object", "additionalProperties": ref},
        },
    }


def tools_schema() -> Dict[str, Any]:
    name = {"type": "string", "pattern": NAME_PATTERN, "maxLength": 128,
            "description": "Letters, digits, _ and -; at most 64 characters for Chat Completions, "
                           "128 for the Responses API."}
    parameters = {"allOf": [{"$ref": "#/definitions/schema"}],
                  "description": "The arguments: a JSON Schema whose root is type: object."}
    strict = {"type": "boolean", "description": "Chat Completions: omitted means false. Responses: "
                                                "omitted means 'try strict, silently fall back'."}
    function = {"type": "object", "required": ["name"],
                "properties": {"name": name, "description": {"type": "string"}, "parameters": parameters,
                               "strict": strict}}
    chat_tool = {"type": "object", "required": ["type", "function"], "description": "Chat Completions tool",
                 "properties": {"type": {"const": "function"}, "function": {"$ref": "#/definitions/function"}}}
    responses_tool = {"type": "object", "required": ["type", "name"], "description": "Responses API function tool",
                      "properties": {"type": {"const": "function"}, "name": name,
                                     "description": {"type": "string"}, "parameters": parameters,
                                     "strict": strict, "defer_loading": {"type": "boolean"}}}
    namespace = {"type": "object", "required": ["type", "name", "tools"], "description": "Responses namespace",
                 "properties": {"type": {"const": "namespace"}, "name": name, "description": {"type": "string"},
                                "tools": {"type": "array", "items": {"$ref": "#/definitions/responses_tool"}}}}
    custom = {"type": "object", "required": ["type"], "description": "Custom tool (free-form input)",
              "properties": {"type": {"const": "custom"}, "name": name, "description": {"type": "string"},
                             "custom": {"type": "object"}, "format": {"type": "object"}}}
    hosted = {"type": "object", "required": ["type"], "description": "Hosted tool (web_search, file_search, ...)",
              "properties": {"type": {"type": "string"}}}
    tool = {"anyOf": [{"$ref": "#/definitions/chat_tool"}, {"$ref": "#/definitions/responses_tool"},
                      {"$ref": "#/definitions/namespace"}, {"$ref": "#/definitions/custom_tool"},
                      {"$ref": "#/definitions/function"}, {"$ref": "#/definitions/hosted_tool"}]}
    request = {"type": "object", "description": "A request body or {\"tools\": [...]}",
               "properties": {"tools": {"type": "array", "items": {"$ref": "#/definitions/tool"}},
                              "functions": {"type": "array", "items": {"$ref": "#/definitions/function"}},
                              "tool_choice": {}, "response_format": {"type": "object"},
                              "text": {"type": "object"}}}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "OpenAI function-calling tool definitions (fcschema)",
        "anyOf": [{"$ref": "#/definitions/tool"}, {"type": "array", "items": {"$ref": "#/definitions/tool"}},
                  {"$ref": "#/definitions/request"}],
        "definitions": {"schema": _schema_node(), "function": function, "chat_tool": chat_tool,
                        "responses_tool": responses_tool, "namespace": namespace, "custom_tool": custom,
                        "hosted_tool": hosted, "tool": tool, "request": request},
    }


def config_schema() -> Dict[str, Any]:
    from .config import _model

    schema = _model().model_json_schema(by_alias=True)
    schema["title"] = "fcschema configuration ([tool.fcschema], .fcschema.toml, fcschema.toml)"
    return schema

