"""Every rule's documented examples are its tests (pylint/actionlint style).

For each rule there is a folder examples/rules/<CODE>-<name>/ with bad and good files in
JSON and YAML (more bad cases may sit in bad-<case>.json/yaml). expected.txt lists, one per
line, `file:row:col: CODE` for every diagnostic the bad files must produce: exactly those,
nothing more. Good files produce nothing. For a rule with a fix, fixing bad.json and
bad.yaml (unsafe fixes included) gives fixed.json and fixed.yaml exactly, fixing again
changes nothing, and the fixed files have no errors.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fcschema.app import CheckOptions, check_paths
from fcschema.filepolicy import CommandLine, Policies
from fcschema.registry import all_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "rules"
# Rules about YAML-only content: JSON cannot express the bad case.
YAML_ONLY = {"FCS006", "FCS008"}
# Rules no file can show: they happen while fixes are written (tested in test_fix.py).
NO_FILE_EXAMPLE = {"FCS007"}
RULES_WITH_EXAMPLES = [info for info in all_rules() if info.code not in NO_FILE_EXAMPLE]


def _folder(info) -> Path:
    return EXAMPLES / f"{info.code}-{info.name}"


def _found(paths):
    # The folder's own configuration applies (FCS603 shows a limit of target `azure`).
    result = check_paths(CheckOptions(paths=[str(p) for p in paths], policies=Policies(CommandLine())))
    return sorted(f"{os.path.basename(d.filename)}:{d.location.row}:{d.location.column}: {d.code}"
                  for d in result.diagnostics)


@pytest.mark.parametrize("info", RULES_WITH_EXAMPLES, ids=lambda info: info.code)
def test_every_rule_has_examples(info):
    folder = _folder(info)
    assert folder.is_dir(), f"missing {folder.relative_to(EXAMPLES.parent.parent)}"
    formats = ("yaml",) if info.code in YAML_ONLY else ("json", "yaml")
    for stem in ("bad", "good"):
        for ext in formats:
            assert (folder / f"{stem}.{ext}").is_file(), f"{info.code}: missing {stem}.{ext}"


@pytest.mark.parametrize("info", RULES_WITH_EXAMPLES, ids=lambda info: info.code)
def test_bad_examples_give_exactly_the_documented_diagnostics(info):
    folder = _folder(info)
    expected = sorted(line for line in (folder / "expected.txt").read_text().splitlines() if line.strip())
    assert any(line.endswith(f" {info.code}") for line in expected), "the rule's own code must be expected"
    assert _found(sorted(folder.glob("bad*.*"))) == expected


@pytest.mark.parametrize("info", RULES_WITH_EXAMPLES, ids=lambda info: info.code)
def test_good_examples_are_clean(info):
    assert _found(sorted(_folder(info).glob("good.*"))) == []


FIXABLE = [info for info in RULES_WITH_EXAMPLES if info.fix != "never"]


@pytest.mark.parametrize("ext", ["json", "yaml"])
@pytest.mark.parametrize("info", FIXABLE, ids=lambda info: info.code)
def test_fixing_the_bad_example_gives_the_fixed_example(info, ext):
    from fcschema.document import read_source
    from fcschema.engine import Engine
    from fcschema.fixes import fix_text
    from fcschema.source import Source

    folder = _folder(info)
    source, problem = read_source(str(folder / f"bad.{ext}"), f"bad.{ext}")
    assert problem is None
    outcome = fix_text(source, Engine(), unsafe=True)
    assert outcome.broken is None
    assert info.code in {applied.code for applied in outcome.applied}
    assert outcome.text == (folder / f"fixed.{ext}").read_text()
    again = fix_text(Source(f"fixed.{ext}", outcome.text), Engine(), unsafe=True)
    assert again.text == outcome.text and again.applied == []
    result = check_paths(CheckOptions(paths=[str(folder / f"fixed.{ext}")]))
    assert [d for d in result.diagnostics if d.severity == "error"] == []
