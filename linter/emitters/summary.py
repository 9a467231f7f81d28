"""The closing lines of the human formats: what was found, what --fix could do, what it did.

One wording for concise, full and grouped, so a user reads the same summary whatever
format they chose.
"""

from __future__ import annotations

from typing import List, Sequence

from ..diagnostics import Diagnostic
from ..record import Fixed, make_fixed
from .base import EmitContext, applicable_fix, severity_of
from .display import visible
from .style import BOLD, paint


def plural(count: int, noun: str) -> str:
    """``1 error`` / ``2 errors``; "info" is the same in both."""
    if count == 1 or noun == "info":
        return f"{count} {noun}"
    return f"{count} {noun}s"


class Counted(Fixed):
    """What the summary line says of the findings: how many of each severity, how many
    fixes --fix and --unsafe-fixes could apply, and in how many files. A --jobs worker
    that printed a file's findings itself sends this instead of them (emit_printed)."""

    __slots__ = ()
    errors: int
    warnings: int
    infos: int
    safe: int
    unsafe: int
    files: int


NOTHING = make_fixed(Counted, (0, 0, 0, 0, 0, 0))


def count(diagnostics: Sequence[Diagnostic], context: EmitContext) -> Counted:
    """One pass over the findings (a large check has thousands)."""
    if not diagnostics:
        return NOTHING
    counts = {"error": 0, "warning": 0, "info": 0}
    fixes = {None: 0, "safe": 0, "unsafe": 0}
    files = set()
    for d in diagnostics:
        counts[d.severity if d.severity in counts else severity_of(d, context)] += 1
        fixes[None if d.fix is None else applicable_fix(d)] += 1
        files.add(d.filename)
    return make_fixed(Counted, (counts["error"], counts["warning"], counts["info"], fixes["safe"], fixes["unsafe"],
                                len(files)))


def added(counts: Sequence[Counted]) -> Counted:
    """The sum of the counts of findings in different files."""
    return make_fixed(Counted, tuple(map(sum, zip(NOTHING, *counts))))


def found_line(counted: Counted, context: EmitContext) -> str:
    """``Found 3 errors, 1 warning in 2 files (1 fixable with --fix).`` or the all-clear."""
    if not counted.files:
        return f"All checked: {plural(context.files_checked, 'file')}, no problems."
    parts = [plural(n, sev) for sev, n in (("error", counted.errors), ("warning", counted.warnings),
                                           ("info", counted.infos)) if n]
    line = f"Found {', '.join(parts)} in {plural(counted.files, 'file')}"
    safe, unsafe = counted.safe, counted.unsafe
    fixable = []
    if safe:
        fixable.append(f"{safe} fixable with --fix")
    if unsafe:
        more = "more " if safe else ""
        fixable.append(f"{unsafe} {more}with --unsafe-fixes")
    if fixable:
        line += f" ({', '.join(fixable)})"
    return line + "."


def fixed_lines(context: EmitContext) -> List[str]:
    """``Fixed N problems.``, followed by the list of them with --show-fixes."""
    if not context.fixed:
        return []
    count = len(context.fixed)
    lines = [f"Fixed {plural(count, 'problem')}" + (":" if context.show_fixes else ".")]
    if context.show_fixes:
        for filename, code, message in sorted(context.fixed):
            lines.append(f"  {visible(filename)}: {code} {visible(message)}")
    return lines


def summary_lines(counted: Counted, context: EmitContext) -> List[str]:
    """Applied fixes first, then the count of what remains (``count``); nothing with --quiet."""
    if context.quiet:
        return []
    lines = fixed_lines(context)
    lines.append(paint(found_line(counted, context), context.color, BOLD))
    return lines
