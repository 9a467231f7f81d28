"""The rules reference (docs/rules.md, README's table) is generated from rule metadata and
kept in step with it; every rule documents itself in the fixed sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fcschema.registry import SECTIONS, all_rules
from fcschema.rule_docs import main, render_markdown, render_text

ROOT = Path(__file__).resolve().parent.parent
RULES = all_rules()
# Rules whose behaviour differs by --target: each says how in a TARGETS table.
TARGET_DEPENDENT = {"FCS301", "FCS302", "FCS305", "FCS403", "FCS501", "FCS502", "FCS503", "FCS504",
                    "FCS505", "FCS602", "FCS603", "FCS604"}


def test_docs_rules_md_is_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_markdown(RULES), \
        "docs/rules.md is stale: run `python -m fcschema.rule_docs --markdown > docs/rules.md`"


def test_the_module_entry_point_prints_the_reference(capsys):
    assert main(["--markdown"]) == 0
    assert capsys.readouterr().out == render_markdown(RULES)


def test_the_reference_has_every_rule_with_its_targets():
    text = render_markdown(RULES)
    for info in RULES:
        assert f"### {info.code} {info.name}" in text
    assert "| `azure` | 5 |" in text   # FCS502's table, taken from targets.py


@pytest.mark.parametrize("info", RULES, ids=lambda info: info.code)
def test_every_rule_documents_itself_in_the_fixed_sections(info):
    assert list(info.sections()) == list(SECTIONS)
    assert all(text.strip() for text in info.sections().values())
    assert info.severity in ("error", "warning", "info")
    assert re.fullmatch(r"FCS\d{3}", info.code) and re.fullmatch(r"[a-z0-9-]+", info.name)


@pytest.mark.parametrize("code", sorted(TARGET_DEPENDENT))
def test_rules_that_differ_by_target_say_how(code):
    (info,) = [r for r in RULES if r.code == code]
    assert info.targets and "`openai-2024`" in info.targets
    assert "## Targets" in render_text(info)


def test_rule_codes_are_unique_sorted_and_grouped_by_hundreds():
    codes = [info.code for info in RULES]
    assert codes == sorted(set(codes))
    from fcschema import rules

    for module, info in zip(rules.RULES, RULES):
        assert module.startswith(info.code.lower() + "_")


def test_readme_rules_table_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| (FCS\d{3}) \| ([a-z0-9-]+) \| (\w+)", readme, re.MULTILINE)
    assert listed == [(info.code, info.name, info.severity) for info in RULES]
