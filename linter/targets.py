"""The target table: what each platform (and era) of the API accepts, as data.

A new target is a new entry here, not new code: rules read limits and keyword lists
from the Target they are given. The numbers are those of STRICT_MODE.md sections 2.2,
2.5, 5 and 6.
"""

from __future__ import annotations

from typing import Callable, Dict, FrozenSet, Optional

from .record import Fixed

# Keywords allowed on any node, and per type (spec 2.2).
ANY_KEYWORDS = frozenset({"type", "description", "title", "enum", "const", "anyOf", "$ref"})
ROOT_KEYWORDS = frozenset({"$defs", "definitions", "$schema", "$id"})
TYPE_KEYWORDS: Dict[str, FrozenSet[str]] = {
    "string": frozenset({"pattern", "format"}),
    "number": frozenset({"multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "integer": frozenset({"multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "array": frozenset({"items", "minItems", "maxItems"}),
    "object": frozenset({"properties", "required", "additionalProperties"}),
    "boolean": frozenset(),
    "null": frozenset(),
}
FORMATS = frozenset({"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"})
# Rejected by name in strict mode ("'X' is not permitted").
REJECTED_KEYWORDS = frozenset({
    "allOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
    "minLength", "maxLength", "uniqueItems", "patternProperties", "unevaluatedProperties",
    "propertyNames", "minProperties", "maxProperties", "unevaluatedItems", "contains",
    "minContains", "maxContains", "prefixItems",
})
# OpenAPI keywords that are not JSON Schema (spec 2.2): errors in strict mode.
OPENAPI_KEYWORDS = frozenset({"nullable", "discriminator", "example"})
# Every keyword some node type accepts (a keyword outside this set is undocumented).
TYPED_KEYWORDS = frozenset().union(*TYPE_KEYWORDS.values())
# Names of functions, custom tools and response formats (spec 5), on every API.
NAME_PATTERN = "^[a-zA-Z0-9_-]+$"


def allowed_keywords(types, is_root: bool) -> FrozenSet[str]:
    """The allow-list of a node declaring ``types`` (a tuple of type names)."""
    key = (tuple(types), is_root)
    allowed = _ALLOWED.get(key)
    if allowed is None:
        allowed = ANY_KEYWORDS | ROOT_KEYWORDS if is_root else ANY_KEYWORDS
        for name in types:
            allowed = allowed | TYPE_KEYWORDS.get(name, frozenset())
        if len(_ALLOWED) < 1024:
            _ALLOWED[key] = allowed
    return allowed


_ALLOWED: Dict[tuple, FrozenSet[str]] = {}


class Target(Fixed):
    __slots__ = ()
    name: str
    summary: str
    max_properties: int
    max_depth: int
    max_total_chars: int
    max_enum_values: int
    max_large_enum_chars: int
    large_enum_size: int = 250
    description_max: Optional[int] = None
    # Keywords this target rejects on top of the REJECTED_KEYWORDS.
    extra_rejected: FrozenSet[str] = frozenset()
    # Keywords the target's documentation lists as unsupported although the service may
    # accept them (uncertain: reported as warnings).
    doubtful_keywords: FrozenSet[str] = frozenset()
    default_severity: str = "warning"          # `default` keyword
    ref_siblings_error: bool = True
    tools_per_request: int = 128
    chat_name_max: int = 64
    responses_name_max: int = 128
    response_format_name_max: int = 64

    def rejects(self, keyword: str) -> bool:
        """``keyword`` is rejected by name in strict mode ("'X' is not permitted")."""
        return keyword in REJECTED_KEYWORDS or keyword in self.extra_rejected


_LAUNCH_ERA_REJECTED = frozenset({
    "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "minItems", "maxItems",
})

TARGETS: Dict[str, Target] = {
    "openai": Target(
        name="openai",
        summary="api.openai.com as of late 2026: current limits and keywords; `default` is a warning",
        max_properties=5000, max_depth=10, max_total_chars=120_000, max_enum_values=1000,
        max_large_enum_chars=15_000),
    "openai-2024": Target(
        name="openai-2024",
        summary="launch-era Structured Outputs (Aug 2024 - May 2025): no pattern/format/ranges, "
                "2024 limits, descriptions up to 1024 characters",
        max_properties=100, max_depth=5, max_total_chars=15_000, max_enum_values=500,
        max_large_enum_chars=7_500, description_max=1024, extra_rejected=_LAUNCH_ERA_REJECTED,
        default_severity="error"),
    "azure": Target(
        name="azure",
        summary="Azure OpenAI: its documentation still lists the 2024 rules and limits; `default` "
                "and $ref siblings rejected",
        max_properties=100, max_depth=5, max_total_chars=15_000, max_enum_values=500,
        max_large_enum_chars=7_500, description_max=1024, default_severity="error",
        doubtful_keywords=_LAUNCH_ERA_REJECTED),
    "openai-finetuned": Target(
        name="openai-finetuned",
        summary="`openai` for fine-tuned models: no minLength, maxLength, pattern, format, "
                "minimum, maximum, multipleOf, patternProperties, minItems, maxItems",
        max_properties=5000, max_depth=10, max_total_chars=120_000, max_enum_values=1000,
        max_large_enum_chars=15_000,
        extra_rejected=frozenset({"pattern", "format", "minimum", "maximum", "multipleOf",
                                  "minItems", "maxItems"})),
}
DEFAULT_TARGET = "openai"


def target_table(heading: str, value_of: Callable[[Target], object]) -> str:
    """A markdown table of one difference between targets, for a rule's ``TARGETS`` text;
    built from this table so the docs cannot drift from the data."""
    rows = [f"| target | {heading} |", "|---|---|"]
    rows += [f"| `{target.name}` | {value_of(target)} |" for target in TARGETS.values()]
    return "\n".join(rows)


def get_target(name: str) -> Target:
    try:
        return TARGETS[name]
    except KeyError:
        raise ValueError(f"unknown target {name!r}; choose one of: {', '.join(TARGETS)}") from None
