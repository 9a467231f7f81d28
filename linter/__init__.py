"""fcschema: lint, fix and convert OpenAI function-calling tool definitions.

The public Python API is imported lazily, so ``import fcschema`` (and the CLI's start-up)
stays cheap: ``make_strict``, ``strict_violations``, ``convert``, ``tool``,
``tool_from_model``, ``tool_from_function`` and ``validate_arguments``.
"""

__version__ = "0.1.0"

_LAZY = {
    "make_strict": ("fcschema.strict_api", "make_strict"),
    "strict_violations": ("fcschema.strictness", "strict_violations"),
    "convert": ("fcschema.convert", "convert"),
    "tool": ("fcschema.authoring", "tool"),
    "tool_definition": ("fcschema.authoring", "tool_definition"),
    "tool_from_model": ("fcschema.authoring", "tool_from_model"),
    "tool_from_function": ("fcschema.authoring", "tool_from_function"),
    "validate_arguments": ("fcschema.authoring", "validate_arguments"),
    "ValidationResult": ("fcschema.authoring", "ValidationResult"),
    "StrictSchemaError": ("fcschema.authoring", "StrictSchemaError"),
    "AuthoringWarning": ("fcschema.authoring", "AuthoringWarning"),
}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        return getattr(importlib.import_module(module_name), attribute)
    raise AttributeError(f"module 'fcschema' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_LAZY))
