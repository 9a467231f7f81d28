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
