"""Every fcschema rule, one module per rule.

To add a rule: copy the closest existing module, give it the next free code in its
group, fill in the constants and the doc sections, write ``check_node`` (called for every
subschema), ``check_tool`` (once per tool) or ``check_document`` (once per file), add its
examples under ``examples/rules/<CODE>-<name>/``, and list the module below. Codes are
never reused. A node rule that can only report on some nodes says which in ``NODES``:
``"root"``, or the keywords a node must hold one of (``("$ref",)``); the engine then calls
it for those alone (tests/test_engine_gates.py checks that this changes no finding).

Groups: FCS0xx input and recognition; FCS1xx strict-mode structure; FCS2xx the `strict`
flag; FCS3xx the supported keyword subset; FCS4xx references and patterns; FCS5xx size
limits; FCS6xx tool level (names, descriptions, tool counts, custom tool grammars);
FCS7xx best practice (info).
"""

RULES = (
    "fcs001_invalid_syntax",
    "fcs002_unreadable_file",
    "fcs003_unrecognised_tool",
    "fcs004_duplicate_key",
    "fcs005_invalid_tool_field",
    "fcs006_yaml_content_ignored",
    "fcs007_fix_failed",
    "fcs008_unused_suppression",
    "fcs101_additional_properties",
    "fcs102_optional_property",
    "fcs103_required_unknown_property",
    "fcs104_object_missing_properties",
    "fcs105_missing_type",
    "fcs106_array_missing_items",
    "fcs107_root_not_object",
    "fcs108_root_combinator",
    "fcs109_invalid_type",
    "fcs201_misplaced_strict",
    "fcs202_auto_optional_becomes_required",
    "fcs203_auto_strict_fallback",
    "fcs301_unsupported_keyword",
    "fcs302_unsupported_format",
    "fcs303_openapi_keyword",
    "fcs304_undocumented_keyword",
    "fcs305_default_keyword",
    "fcs306_multi_type_union",
    "fcs307_keyword_type_mismatch",
    "fcs401_unresolved_ref",
    "fcs402_remote_ref",
    "fcs403_ref_with_siblings",
    "fcs404_ref_cycle",
    "fcs405_invalid_pattern",
    "fcs406_pattern_lookaround",
    "fcs407_pattern_unsupported_syntax",
    "fcs501_too_many_properties",
    "fcs502_nesting_too_deep",
    "fcs503_too_many_characters",
    "fcs504_too_many_enum_values",
    "fcs505_large_enum_too_long",
    "fcs601_invalid_tool_name",
    "fcs602_tool_name_too_long",
    "fcs603_description_too_long",
    "fcs604_too_many_tools",
    "fcs605_duplicate_tool_name",
    "fcs606_lark_grammar_unsupported",
    "fcs607_regex_grammar_unsupported",
    "fcs701_missing_tool_description",
    "fcs702_missing_parameter_description",
    "fcs703_many_tools",
    "fcs704_required_with_default",
    "fcs705_boolean_pair",
)
