"""Rendering rule metadata for `fcschema rule` (text) and `--output-format json`."""

from __future__ import annotations

import json
from typing import List

from .registry import RuleInfo


def render_text(info: RuleInfo) -> str:
    lines = [f"# {info.code} {info.name}", "",
             f"Severity: {info.severity}.  Fix: {info.fix}.  Applies: {_applies(info.applies)}.", "",
             info.summary, "", info.doc.strip()]
    if info.targets:
        lines += ["", "## Targets", info.targets.strip()]
    return "\n".join(lines)


def _applies(applies: str) -> str:
    return {
        "input": "every file",
        "always": "every function schema, strict or not",
        "strict": "strict schemas (and Responses tools with strict omitted, through FCS202/FCS203)",
        "auto": "Responses tools with strict omitted",
    }.get(applies, applies)


def as_dict(info: RuleInfo) -> dict:
    return {
        "code": info.code,
        "name": info.name,
        "severity": info.severity,
        "summary": info.summary,
        "fix": info.fix,
        "applies": info.applies,
        "sections": info.sections(),
        "targets": info.targets.strip() if info.targets else None,
        "url": info.url,
    }


def render_json(rules: List[RuleInfo], single: bool = False) -> str:
    data = [as_dict(info) for info in rules]
    return json.dumps(data[0] if single else data, indent=2)


# ---- docs/rules.md ----------------------------------------------------------------------

GROUPS = (
    ("FCS0", "Input and recognition"),
    ("FCS1", "Strict-mode structure"),
    ("FCS2", "The `strict` flag"),
    ("FCS3", "Supported keywords"),
    ("FCS4", "References and patterns"),
    ("FCS5", "Size limits"),
    ("FCS6", "Tool level"),
    ("FCS7", "Best practice"),
)
MARKDOWN_HEADER = """# Rules

Generated from the rules' own metadata by `python -m fcschema.rule_docs --markdown`; do
not edit by hand (a test fails when this file is stale). `fcschema rule CODE` prints the
same text for one rule.
"""


def _scope(info: RuleInfo, short: bool = False) -> str:
    """Where a rule applies, naming tool and request rules as such (``applies`` alone
    cannot tell a tool rule from a schema rule)."""
    module = info.module
    if hasattr(module, "check_document"):
        return "each request" if short else "each request (the tools listed together in a file)"
    if hasattr(module, "check_tool") and info.applies == "always":
        return "every tool" if short else "every tool, strict or not"
    if short:
        return {"input": "every file", "always": "every schema", "strict": "strict schemas",
                "auto": "Responses, `strict` omitted"}.get(info.applies, info.applies)
    return _applies(info.applies)


def _anchor(info: RuleInfo) -> str:
    return f"{info.code}-{info.name}".lower()


def render_markdown(rules: List[RuleInfo]) -> str:
    """Every rule's metadata and documentation as one markdown page (docs/rules.md)."""
    lines = [MARKDOWN_HEADER, "| code | name | severity | fix | applies to | summary |",
             "|---|---|---|---|---|---|"]
    for info in rules:
        summary = info.summary.replace("|", "\\|")
        lines.append(f"| [{info.code}](#{_anchor(info)}) | {info.name} | {info.severity} | {info.fix} | "
                     f"{_scope(info, short=True)} | {summary} |")
    for prefix, title in GROUPS:
        members = [info for info in rules if info.code.startswith(prefix)]
        if not members:
            continue
        lines += ["", f"## {prefix}xx: {title}"]
        for info in members:
            lines += ["", f"### {info.code} {info.name}", "",
                      f"Severity: {info.severity}. Fix: {info.fix}. Applies to: {_scope(info)}.", "",
                      info.summary]
            for section, text in info.sections().items():
                lines += ["", f"#### {section}", "", text]
            if info.targets:
                lines += ["", "#### Targets", "", info.targets.strip()]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None) -> int:
    import argparse
    import sys

    from .registry import all_rules

    parser = argparse.ArgumentParser(prog="python -m fcschema.rule_docs",
                                     description="Print the rules reference generated from rule metadata.")
    parser.add_argument("--markdown", action="store_true", help="the reference as markdown (docs/rules.md)")
    parser.add_argument("--json", action="store_true", help="every rule as JSON")
    options = parser.parse_args(argv)
    rules = all_rules()
    if options.json:
        sys.stdout.write(render_json(rules) + "\n")
    else:
        sys.stdout.write(render_markdown(rules))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
