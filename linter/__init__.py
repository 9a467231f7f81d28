"""fcschema: lint, fix and convert OpenAI function-calling tool definitions."""

__version__ = "0.1.0"
