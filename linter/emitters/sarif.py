"""``sarif``: SARIF 2.1.0, the format GitHub code scanning and many IDEs import.

One run; the driver lists every rule (not only those that fired) so viewers can show rule
help for any code; each result carries its JSON pointer as a logical location, a stable
partial fingerprint (see :mod:`.fingerprints`) and, when the fix has edits, the edits as
SARIF replacements.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, TextIO

from ..diagnostics import Diagnostic, Edit, Fix, Position
from ..json_encoding import indented_encoder
from .base import EmitContext, edit_places, end_of, name_of, severity_of, start_of, url_of
from .fingerprints import fingerprints
from .uris import artifact_uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "fcschema/v1"


def rule_descriptor(code: str, rule: Any, fallback_name: str = "") -> Dict[str, Any]:
    """A reportingDescriptor from a rule's metadata (or a bare one for unknown codes)."""
    descriptor: Dict[str, Any] = {"id": code}
    name = getattr(rule, "name", "") or fallback_name
    if name:
        descriptor["name"] = name
    summary = getattr(rule, "summary", "") or ""
    doc = (getattr(rule, "doc", "") or "").strip("\n")
    if summary:
        descriptor["shortDescription"] = {"text": summary}
    description = first_section(doc) or summary
    if description:
        descriptor["fullDescription"] = {"text": description}
    if doc:
        descriptor["help"] = {"text": doc, "markdown": doc}
    url = getattr(rule, "url", None)
    if url:
        descriptor["helpUri"] = url
    severity = getattr(rule, "severity", None)
    if severity in LEVELS:
        descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    return descriptor


def first_section(doc: str) -> str:
    """The body of a rule doc's first ``## `` section ("What it does"), as one paragraph."""
    body: List[str] = []
    started = False
    for line in doc.splitlines():
        if line.startswith("## "):
            if started:
                break
            started = True
        elif started:
            body.append(line.strip())
    return " ".join(part for part in body if part)


def region(start: Position, end: Position) -> Dict[str, int]:
    """A text region; SARIF's endColumn is exclusive, like ours."""
    end_row = max(end.row, start.row)
    end_column = max(end.column, start.column) if end_row == start.row else end.column
    return {
        "startLine": start.row,
        "startColumn": start.column,
        "endLine": end_row,
        "endColumn": end_column,
    }


def deleted_region(edit: Edit, placed: Optional[Mapping[int, Position]]) -> Dict[str, int]:
    """Where an edit applies: line/column looked up in ``placed`` (its file's
    base.edit_places), or its character offsets when the source could not be read."""
    if placed is None:
        return {"charOffset": edit.start, "charLength": max(0, edit.end - edit.start)}
    return region(placed[edit.start], placed[edit.end])


def sarif_fix(fix: Fix, uri: str, placed: Optional[Mapping[int, Position]]) -> Dict[str, Any]:
    replacements = [
        {"deletedRegion": deleted_region(edit, placed), "insertedContent": {"text": edit.content}}
        for edit in fix.edits
    ]
    return {
        "description": {"text": fix.message},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def result(
    d: Diagnostic, rule_index: int, fingerprint: str, context: EmitContext,
    placed: Optional[Mapping[int, Position]],
) -> Dict[str, Any]:
    uri = artifact_uri(d.filename)
    text = d.message + (f" (at {d.pointer_text})" if d.pointer else "")
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region(start_of(d), end_of(d)),
        },
        "logicalLocations": [{"fullyQualifiedName": d.pointer_text}],
    }
    res: Dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[severity_of(d, context)],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if d.fix is not None and d.fix.edits:
        res["fixes"] = [sarif_fix(d.fix, uri, placed)]
    properties = {}
    if d.tool is not None:
        properties["tool"] = d.tool
    if d.api_message:
        properties["apiMessage"] = d.api_message
    if properties:
        res["properties"] = properties
    return res


def sarif_log(diagnostics: Sequence[Diagnostic], context: EmitContext) -> Dict[str, Any]:
    """The whole SARIF log as plain data."""
    rules: List[Dict[str, Any]] = [
        rule_descriptor(code, context.rules[code]) for code in sorted(context.rules)
    ]
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    for d in diagnostics:  # codes without metadata (e.g. a parse error) still need a rule
        if d.code not in index:
            index[d.code] = len(rules)
            rules.append(rule_descriptor(d.code, None, name_of(d, context)))
            if url_of(d, context):
                rules[-1]["helpUri"] = url_of(d, context)
    driver: Dict[str, Any] = {"name": "fcschema"}
    if context.version:
        driver["version"] = context.version
    if context.homepage:
        driver["informationUri"] = context.homepage
    driver["rules"] = rules
    places = edit_places(diagnostics, context)
    results = [
        result(d, index[d.code], fp, context, places.get(d.filename))
        for d, fp in zip(diagnostics, fingerprints(diagnostics))
    ]
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    stream.write(indented_encoder(2, ensure_ascii=True)(sarif_log(diagnostics, context)) + "\n")
