"""Every fcschema rule, one module per rule.

To add a rule: copy the closest existing module, give it the next free code in its
group, fill in the constants and the doc sections, write ``check_node`` (called for every
subschema), ``check_tool`` (once per tool) or ``check_document`` (once per file), add its
examples under ``examples/rules/<CODE>-<name>/``, and list the module below. Codes are
never reused.

Groups: FCS0xx input and recognition; FCS1xx strict-mode structure; FCS2xx the `strict`
flag.
"""

RULES = (
    "fcs001_invalid_syntax",
    "fcs002_unreadable_file",
    "fcs003_unrecognised_tool",
    "fcs004_duplicate_key",
    "fcs005_invalid_tool_field",
    "fcs006_yaml_content_ignored",
    "fcs007_fix_failed",
    "fcs101_additional_properties",
    "fcs102_optional_property",
    "fcs103_required_unknown_property",
    "fcs104_object_missing_properties",
    "fcs105_missing_type",
    "fcs106_array_missing_items",
    "fcs107_root_not_object",
    "fcs108_root_combinator",
    "fcs201_misplaced_strict",
    "fcs202_auto_optional_becomes_required",
    "fcs203_auto_strict_fallback",
)
