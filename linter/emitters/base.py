"""What every emitter is given besides the diagnostics, and the small lookups they share.

Emitters never read files or the rule registry themselves: the application hands them the
decoded sources and the rule metadata it already has, so an emitter is a pure function of
its inputs and golden tests can pin its output exactly.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ..diagnostics import SEVERITIES, Diagnostic, Position
from ..record import Record
from ..source import Source

# A fix that --fix applied: (filename, code, message).
AppliedFix = Tuple[str, str, str]
# filename -> character offset -> row and column (see edit_places)
EditPlaces = Dict[str, Dict[int, Position]]


class EmitContext(Record):
    """Everything an emitter may need besides the diagnostics.

    ``sources`` maps a filename (as shown in diagnostics) to its decoded text; files that
    could not be read have no entry. ``rules`` maps a code to the rule's metadata object
    (attributes ``code``, ``name``, ``severity``, ``summary``, ``url``, ``fix``, ``doc``).
    ``quiet`` (--quiet): the human formats print the findings only, without the summary
    lines. ``homepage``: the project's, for SARIF's tool.driver.informationUri (omitted
    when None).
    """

    __slots__ = ("sources", "rules", "color", "show_fixes", "files_checked", "version", "show_source",
                 "fixed", "quiet", "homepage")

    def __init__(self, sources: Optional[Mapping[str, Source]] = None, rules: Optional[Mapping[str, Any]] = None,
                 color: bool = False, show_fixes: bool = False, files_checked: int = 0, version: str = "",
                 show_source: bool = True, fixed: Optional[List[AppliedFix]] = None, quiet: bool = False,
                 homepage: Optional[str] = None):
        self.sources = sources if sources is not None else {}
        self.rules = rules if rules is not None else {}
        self.color = color
        self.show_fixes = show_fixes
        self.files_checked = files_checked
        self.version = version
        self.show_source = show_source
        self.fixed = fixed if fixed is not None else []
        self.quiet = quiet
        self.homepage = homepage


def start_of(diagnostic: Diagnostic) -> Position:
    """Where the diagnostic starts; 1:1 when the source map could not place it."""
    return diagnostic.location or Position(1, 1)


def end_of(diagnostic: Diagnostic) -> Position:
    """Where the diagnostic ends (exclusive); its start when no end is known."""
    return diagnostic.end_location or start_of(diagnostic)


def edit_places(diagnostics: Sequence[Diagnostic], context: EmitContext) -> EditPlaces:
    """Row and column of each offset where a fix's edit starts or ends, by file: found for
    a file in one pass over its text (Source.positions), where a lookup per offset would
    first index every line of the file (thousands of fixes of a large file)."""
    offsets: Dict[str, List[int]] = {}
    for d in diagnostics:
        if d.fix is not None and d.fix.edits and d.filename in context.sources:
            offsets.setdefault(d.filename, []).extend(o for edit in d.fix.edits for o in (edit.start, edit.end))
    return {filename: context.sources[filename].positions(found) for filename, found in offsets.items()}


def rule_of(diagnostic: Diagnostic, context: EmitContext) -> Any:
    """The rule metadata for the diagnostic's code, or None (e.g. parse errors)."""
    return context.rules.get(diagnostic.code)


def severity_of(diagnostic: Diagnostic, context: EmitContext) -> str:
    """``error``, ``warning`` or ``info``: as stamped by the engine, else the rule's default.

    The contract promises one of the three, so an unknown value is reported as an error
    rather than passed through.
    """
    severity = diagnostic.severity or getattr(rule_of(diagnostic, context), "severity", "")
    return severity if severity in SEVERITIES else "error"


def name_of(diagnostic: Diagnostic, context: EmitContext) -> str:
    """Kebab-case rule name: stamped by the engine, else taken from the rule metadata."""
    if diagnostic.name:
        return diagnostic.name
    rule = rule_of(diagnostic, context)
    return getattr(rule, "name", "") or ""


def url_of(diagnostic: Diagnostic, context: EmitContext) -> Optional[str]:
    """Documentation URL of the diagnostic's rule, or None."""
    if diagnostic.url:
        return diagnostic.url
    rule = rule_of(diagnostic, context)
    return getattr(rule, "url", None) or None


def applicable_fix(diagnostic: Diagnostic) -> Optional[str]:
    """``"safe"`` or ``"unsafe"`` when the diagnostic carries a change that --fix can apply
    (text edits, or data operations whose edits are computed only when applied)."""
    fix = diagnostic.fix
    if fix is None or fix.applicability not in ("safe", "unsafe"):
        return None
    if not fix.edits and not getattr(fix, "ops", ()):
        return None
    return fix.applicability
