"""Applying fixes to a file's text: select non-overlapping fixes, edit, re-parse, repeat.

The loop stops when nothing more can be fixed (at most ``MAX_ROUNDS``). Every round's
result must parse; if it does not, the round is undone and reported as a bug of
fcschema, and the file keeps its last good text. Writing is atomic (see ``write_atomic``).
"""

from __future__ import annotations

import bisect
import errno
import os
import tempfile
from typing import List, NamedTuple, Optional, Tuple

from .diagnostics import DISPLAY_ONLY, SAFE, UNSAFE, Diagnostic, Edit
from .document import Document, kind_for, parse
from .engine import Engine
from .fixops import AddToArray, rebase
from .record import Record
from .source import Source
from .textedit import apply_edits, edits_for, style_of

MAX_ROUNDS = 20


class AppliedFix(NamedTuple):
    code: str
    message: str
    pointer: str
    tool: Optional[str]


class FixOutcome(Record):
    """What fixing a text came to. ``broken`` is set when a round produced text that did
    not parse; ``final`` is the fixed text parsed and linted by the last round, which found
    nothing more to fix: (document, diagnostics in the engine's order, sites), as
    FileResult.linted."""

    __slots__ = ("text", "applied", "broken", "final")

    def __init__(self, text: str):
        self.text = text
        self.applied: List[AppliedFix] = []
        self.broken: Optional[str] = None
        self.final: Optional[tuple] = None

    def changed(self, original: str) -> bool:
        return self.text != original


def wanted(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None or not fix.ops or fix.applicability == DISPLAY_ONLY:
        return False
    return fix.applicability == SAFE or (unsafe and fix.applicability == UNSAFE)


def _spread_ops(diagnostics: List[Diagnostic], depth: int = 0):
    """Each fix's ops, de-duplicated across fixes; additions to one array are folded into
    the first fix that touches it, so a missing `required` is created once. Also, for
    each fix, the other fixes it shares an op with (they stand or fall together).
    ``depth``: the ops are rebased by that many segments (fixops.rebase)."""
    per_fix: List[list] = [[] for _ in diagnostics]
    shares: List[set] = [set() for _ in diagnostics]
    seen = {}
    arrays = {}  # array pointer -> (first fix, its op's position, values so far)
    # A rule that reports many findings with one fix (FCS202: one per optional property,
    # each carrying the whole tool's change) hands them the same ops tuple: a later one
    # shares every op with the fixes that own them, worked out once.
    same_ops = {}  # id of an ops tuple -> the fixes that own its ops
    for index, diagnostic in enumerate(diagnostics):
        ops = diagnostic.fix.ops
        owners = same_ops.get(id(ops))
        if owners is not None:
            for owner in owners:
                shares[owner].add(index)
                shares[index].add(owner)
            continue
        for op in (ops if not depth else [rebase(op, depth) for op in ops]):
            if type(op) is AddToArray:
                key = tuple(str(s) for s in op.at)
                folded = arrays.get(key)
                if folded is not None:
                    owner, _position, values = folded
                    values.extend([v for v in op.values if v not in values])
                    if owner != index:
                        shares[owner].add(index)
                        shares[index].add(owner)
                    continue
                arrays[key] = (index, len(per_fix[index]), list(op.values))
                per_fix[index].append(op)
                continue
            key = (type(op), op)  # ops are tuples: the same op only with the same type
            owner = seen.get(key)
            if owner is not None:
                if owner != index:
                    shares[owner].add(index)
                    shares[index].add(owner)
                continue
            seen[key] = index
            per_fix[index].append(op)
        # Who owns its ops: those it shares with, and itself if it kept any.
        same_ops[id(ops)] = shares[index] | ({index} if per_fix[index] else set())
    for owner, position, values in arrays.values():
        op = per_fix[owner][position]
        if len(values) != len(op.values):
            per_fix[owner][position] = AddToArray(op.at, tuple(values))
    return per_fix, shares


class RoundMemo:
    """The findings of each tool in the last round, given again for a tool that did not
    change: a fix round usually leaves many tools as they were, and a tool's findings
    depend on nothing but the tool (as recognised) and the settings.

    "Did not change" is decided on the text, not the data (where ``1 == 1.0 == true``):
    the tool's text is the same and so is what recognition made of it. Only JSON: a YAML
    tool can change through an alias whose anchor is elsewhere. Asked about the very
    document it was given (the fixed file after entryfix), nothing can have changed: only
    the recognition is compared.

    A kept tool's text is cut from its document only when it is asked for: --fix fills
    the memo for every file it checks, most of which have nothing to fix."""

    def __init__(self):
        self._kept: dict = {}  # tool pointer -> [site, document (None once its text is cut), text, findings]

    @staticmethod
    def _text(site, document) -> Optional[str]:
        if document is None or document.kind != "json":
            return None
        (start, end), found = document.sourcemap.span(site.pointer)
        return document.source.text[start:end] if found == tuple(site.pointer) else None

    def get(self, site, document) -> Optional[List[Diagnostic]]:
        kept = self._kept.get(tuple(site.pointer))
        if kept is None:
            return None
        if kept[1] is document and document is not None:  # kept from this very document: same text
            return [_fresh(d) for d in kept[3]] if kept[0] == site else None
        if kept[1] is not None:
            kept[1], kept[2] = None, self._text(kept[0], kept[1])
        if kept[2] is None or kept[0] != site or self._text(site, document) != kept[2]:
            return None
        return [_fresh(d) for d in kept[3]]

    def put(self, site, document, findings: List[Diagnostic]) -> None:
        self._kept[tuple(site.pointer)] = [site, document, None, list(findings)]


def _fresh(diagnostic: Diagnostic) -> Diagnostic:
    """A copy of a finding as the engine made it: what later steps add to the one handed
    out (file name, place, text edits of its fix) is left out."""
    fix = diagnostic.fix.replace(edits=()) if diagnostic.fix is not None else None
    return diagnostic.replace(location=None, end_location=None, span=None, filename="", fix=fix)


class _Intervals:
    """Accepted edit spans; insertions at one point may pile up, nothing may overlap.

    A deletion and an insertion that touch also conflict: removing an array's last item
    takes its separator with it, so an item appended right there would be left with a
    stray comma (``[, "a"]``). The later fix waits for the next round."""

    def __init__(self):
        self.starts: List[int] = []
        self.spans: List[Tuple[int, int, bool]] = []  # (start, end, is a deletion)

    def overlaps(self, start: int, end: int, deletes: bool = False) -> bool:
        index = bisect.bisect_left(self.starts, end if end > start else start + 1)
        for s, e, deleted in self.spans[max(0, index - 2):index + 1]:
            if s < end and start < e:
                return True
            if start == end and (s < start < e or (deleted and s <= start <= e)):
                return True
            if deletes and s == e and start <= s <= end:
                return True
        return False

    def add(self, start: int, end: int, deletes: bool = False) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.spans.insert(index, (start, end, deletes))

    def take(self, edits: List[Edit]) -> bool:
        """Add the spans of one fix's edits, unless one of them overlaps a span taken
        before: then none (a fix is applied whole or not at all)."""
        spans = [(start, end, end > start and not content) for start, end, content in edits]
        for start, end, deletes in spans:
            if self.overlaps(start, end, deletes):
                return False
        for start, end, deletes in spans:
            self.add(start, end, deletes)
        return True


def select_edits(document: Document, diagnostics: List[Diagnostic], depth: int = 0) -> Tuple[List[Edit], List[Diagnostic]]:
    """The edits of as many fixes as can be applied together in one round (``depth``: the
    document is the value that many segments down the fixes' pointers; see entryfix).

    A fix is applied whole or not at all. When one that shares an op with others (an op
    both make, or values for the same array, which the first of them writes) has to wait
    for the next round, the round is worked out again without it: otherwise another fix
    would write half of it (`tags` added to `required` but its type left non-nullable)."""
    candidates = list(diagnostics)
    style = style_of(document)
    while True:
        per_fix, shares = _spread_ops(candidates, depth)
        accepted_edits: List[Edit] = []
        accepted: List[Diagnostic] = []
        waiting = set()
        taken = _Intervals()
        for index, (diagnostic, ops) in enumerate(zip(candidates, per_fix)):
            if not ops:
                accepted.append(diagnostic)  # everything it does is done by another fix
                continue
            edits = edits_for(document, ops, style)
            if not edits or not taken.take(edits):
                waiting.add(index)
                continue
            accepted_edits.extend(edits)
            accepted.append(diagnostic)
        entangled = {index for index in waiting if shares[index]}
        if not entangled:
            return accepted_edits, accepted
        candidates = [d for index, d in enumerate(candidates) if index not in entangled]


def fix_text(source: Source, engine: Engine, unsafe: bool = False, keep=None, sites_for=None,
             first: Optional[tuple] = None, spread=None, memo: Optional[RoundMemo] = None) -> FixOutcome:
    """Fix ``source`` as far as the rules can; returns the new text and what was done.

    ``keep(document, diagnostics)`` drops what the author suppressed (it is not fixed
    either); ``sites_for(document)`` gives the tool sites of declared bare-schema files;
    ``first`` is ``source`` already parsed and linted (document, diagnostics, sites);
    ``spread`` lints many tools at once (Engine.lint_document); ``memo`` may hold what
    linting ``first`` found in each tool."""
    outcome = FixOutcome(source.text)
    current = source
    document = None
    memo = memo if memo is not None else RoundMemo()
    for _round in range(MAX_ROUNDS):
        if first is not None:
            document, all_found, found_sites = first[0], list(first[1]), first[2]
            first = None
        else:
            if document is None:
                document, _problems = parse(current)
                if document is None:
                    break
            sites = sites_for(document) if sites_for is not None else None
            all_found, found_sites = engine.lint_document(document.data, document, sites, memo, spread)
        linted = (document, list(all_found), found_sites)
        diagnostics = all_found
        if keep is not None:
            diagnostics = keep(document, diagnostics)
        diagnostics = [d for d in diagnostics if wanted(d, unsafe)]
        if not diagnostics:
            outcome.final = linted
            break
        edits, accepted = select_edits(document, diagnostics)
        if not edits:
            outcome.final = linted
            break
        new_text = apply_edits(current.text, edits)
        candidate = Source(source.filename, new_text, source.encoding, source.bom, source.path)
        reparsed, problems = parse(candidate, document.kind)
        if reparsed is None:
            outcome.broken = broken_round(problems[0].message)
            break
        outcome.text = new_text
        outcome.applied.extend(AppliedFix(d.code, d.fix.message, d.pointer_text, d.tool) for d in accepted)
        current = candidate
        # The next round lints the text just parsed (when it reads as the same kind of file,
        # as parse() would decide), instead of parsing it again.
        document = reparsed if kind_for(candidate.filename, candidate.text) == reparsed.kind else None
    return outcome


def broken_round(reason: str) -> str:
    return (f"a fix would have made the file unparsable ({reason}); "
            "no change from that round was kept. This is a bug in fcschema: please report it")


def encode(source: Source, text: str) -> bytes:
    data = text.encode(source.encoding)
    if source.bom:
        import codecs

        boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
                "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
        data = boms.get(source.encoding, b"") + data
    return data


class FileChanged(Exception):
    """The file on disk is no longer what was read: fcschema will not overwrite it."""


def write_atomic(source: Source, text: str) -> None:
    """Replace the file with ``text`` in one step: a temporary file in the same folder,
    the original permissions, then a rename. Refuses if the file changed since it was read,
    or if it is read-only. A symbolic link stays a link: the file it points to is replaced."""
    path = os.path.realpath(source.path)
    with open(path, "rb") as handle:
        on_disk = handle.read()
    if on_disk != encode(source, source.text):
        raise FileChanged(f"{source.filename} changed since it was read; not written")
    if not os.access(path, os.W_OK):  # the rename would replace it all the same
        raise PermissionError(errno.EACCES, f"{source.filename} is read-only; not written")
    mode = os.stat(path).st_mode
    data = encode(source, text)
    folder = os.path.dirname(path)
    handle, temporary = tempfile.mkstemp(prefix=".fcschema-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
