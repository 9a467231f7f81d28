"""--fix one entry of the tools list at a time, when a JSON file's tools are the entries
of one list: each entry's rounds of fixing parse and lint that entry alone, the entries
can be fixed in several processes, and the whole file is linted once at the end.

Why this gives what fixing the whole file round by round gives (fixes.fix_text): every
fix comes from a tool or node rule, so it is about one tool and its ops stay inside that
tool's entry (``plan`` checks it, and falls back to the whole file otherwise); which fixes
a round takes depends only on the fixes of the same entry (their edits can overlap only
there); and what the rules find in a tool depends only on the tool (each entry is
recognised alone before its rounds, and must give the sites the file gave). So an entry
goes through the same rounds alone as in the file, and the fixes applied are listed in
the same order: round by round, entries in file order.

An entry is fixed as a small document of its own text, its ops rebased onto it
(fixops.rebase). The text around it is not needed: an edit of JSON copies indentation
only from a line that starts inside the object it edits (the line of a multi-line
object's first member), and the file's line ending is given.

The fixed file is not parsed again: its document is the file's, with each changed
entry's data as the entry's last parse read it, and the file's index moved to the new
offsets (``_spliced``). The last lint of each entry is kept (fixes.RoundMemo), so linting
the fixed file lints only what lies outside the entries. That lint decides, as in fix_text: if something is
still to fix there (say, a fix outside any entry), fix_text goes on with the whole file.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, List, Optional

from .diagnostics import Diagnostic
from .document import MAX_JSON_DEPTH, Document, parse
from .engine import Engine
from .fixes import MAX_ROUNDS, AppliedFix, FixOutcome, RoundMemo, broken_round, fix_text, select_edits, wanted
from .fixops import SetMember, get
from .formats import recognise, recognise_entry, tools_list_of
from .record import Record, make_fixed
from .source import Source
from .sourcemap import moved_containers
from .textedit import apply_edits

Keep = Callable[[List[Diagnostic]], List[Diagnostic]]  # per-file ignores (no pointer ignores)


class Entry(Record):
    """One entry of the tools list with something to fix: where it is in the file, what
    the file's first lint wants fixed in it, and the sites recognised in it there."""

    __slots__ = ("index", "pointer", "start", "end", "wanted", "sites")

    def __init__(self, index: int, pointer: tuple, start: int, end: int, wanted: List[Diagnostic],
                 sites: list):
        self.index = index
        self.pointer = pointer
        self.start = start
        self.end = end
        self.wanted = wanted
        self.sites = sites


class EntryFixed(Record):
    """What fixing one entry came to: its new text (None: unchanged), the fixes applied
    (``(round, *fields of an AppliedFix)``: a plain tuple crosses between processes for a
    fraction of a named one's cost), what the last lint found in each of its sites (None:
    not linted again), the message of a round that broke the text, and the new text's
    data when its parse met no problem (a duplicate key, NaN): the fixed file is built
    from it. ``alone`` is False when the entry recognised alone gives other sites than in
    the file: then nothing was fixed, and the file is fixed whole. (Its sites are not
    sent back: recognising an entry again costs less than sending them between processes.)"""

    __slots__ = ("text", "applied", "findings", "broken", "data", "alone")

    def __init__(self, text: Optional[str], applied: list, findings: Optional[list], broken: Optional[str],
                 data: Any = None, alone: bool = True):
        self.text = text
        self.applied = applied
        self.findings = findings
        self.broken = broken
        self.data = data
        self.alone = alone


def _entry_of(diagnostic: Diagnostic, tools_list: tuple) -> Optional[int]:
    """The entry all of a fix's ops lie in (an op may set a member of the entry itself,
    not replace or remove it), or None."""
    depth = len(tools_list) + 1
    found = None
    for op in diagnostic.fix.ops:
        at = tuple(op[0])
        if len(at) < depth or at[:depth - 1] != tools_list or type(at[depth - 1]) is not int:
            return None
        if len(at) == depth and type(op) is not SetMember:
            return None
        if found is not None and at[depth - 1] != found:
            return None
        found = at[depth - 1]
    return found


def plan(document: Document, found: List[Diagnostic], sites: list, keep: Keep, unsafe: bool) -> Optional[List[Entry]]:
    """The entries to fix, in order; None when the file is to be fixed whole."""
    if document.kind != "json":
        return None
    tools_list = tools_list_of(document.data)
    if tools_list is None:
        return None
    items = get(document.data, tools_list)
    wanted_in: dict = {}
    for diagnostic in keep(found):
        if wanted(diagnostic, unsafe):
            index = _entry_of(diagnostic, tools_list)
            if index is None or index >= len(items):
                return None
            wanted_in.setdefault(index, []).append(diagnostic)
    if not wanted_in:
        return None
    sites_in = _sites_by_entry(sites, tools_list)
    entries = []
    for index in sorted(wanted_in):
        pointer = tools_list + (index,)
        member = document.sourcemap.member(pointer)
        if member is None:
            return None
        entries.append(Entry(index, pointer, member[2], member[3], wanted_in[index], sites_in.get(index, [])))
    return entries


def _sites_by_entry(sites: list, tools_list: tuple) -> dict:
    """{entry index: the sites inside that entry of the tools list}, in order."""
    depth = len(tools_list) + 1
    sites_in: dict = {}
    for site in sites:
        pointer = tuple(site.pointer)
        if len(pointer) >= depth and pointer[:depth - 1] == tools_list and type(pointer[depth - 1]) is int:
            sites_in.setdefault(pointer[depth - 1], []).append(site)
    return sites_in


def _entry_source(filename: str, text: str, newline: str) -> Source:
    source = Source(filename, text)
    source._newline = newline  # the file's: an entry on one line has none of its own
    return source


def fix_entry(file: Document, tools_list: tuple, entry: Entry, engine: Engine, unsafe: bool,
              keep: Keep) -> EntryFixed:
    """Fix one entry of ``file`` round by round, as fix_text fixes a file."""
    # The entry's data as the file's parse read it (the same text): not parsed again.
    data = get(file.data, entry.pointer)
    if recognise_entry(data, tools_list, entry.index)[0] != entry.sites:  # alone, it must read as in the file
        return EntryFixed(None, [], None, None, alone=False)
    filename, newline = file.source.filename, file.source.newline
    current = file.source.text[entry.start:entry.end]
    document = Document(_entry_source(filename, current, newline), "json", data, duplicate_keys=file.duplicate_keys)
    depth = len(entry.pointer)
    enabled = engine.enabled_codes
    wanted_now = entry.wanted
    applied: list = []
    findings = None
    broken = None
    clean = True
    for round_number in range(MAX_ROUNDS):
        edits, accepted = select_edits(document, wanted_now, depth)
        if not edits:
            break
        new_text = apply_edits(current, edits)
        reparsed, problems = parse(_entry_source(filename, new_text, newline), "json")
        if reparsed is None:
            broken = broken_round(problems[0].message)
            break
        applied.extend((round_number, d.code, d.fix.message, d.pointer_text, d.tool) for d in accepted)
        current, document, clean = new_text, reparsed, not reparsed.problems
        sites = recognise_entry(document.data, tools_list, entry.index)[0]
        findings = [engine.lint_site(site, document) for site in sites]
        wanted_now = [d for d in keep([d for found in findings for d in found if d.code in enabled])
                      if wanted(d, unsafe) and _entry_of(d, tools_list) == entry.index]
        if not wanted_now:
            break
    return EntryFixed(current if applied else None, applied, findings, broken,
                      document.data if applied and clean else None)


def fix_entries(source: Source, engine: Engine, unsafe: bool, keep: Keep, first: tuple, memo: RoundMemo,
                jobs: int = 1, spread_min_chars: int = 0) -> Optional[FixOutcome]:
    """Fix ``source`` entry by entry (None: the file is to be fixed whole). ``first`` is
    the source parsed and linted (document, diagnostics, sites), ``memo`` what that lint
    found in each tool; ``jobs`` processes may fix entries of a file of at least
    ``spread_min_chars`` characters."""
    document, found, sites = first
    entries = plan(document, found, sites, keep, unsafe)
    if entries is None:
        return None
    from .parallel import spread_items

    text, filename = source.text, source.filename
    tools_list = entries[0].pointer[:-1]

    def fix_some(bounds) -> list:
        return [fix_entry(document, tools_list, entry, engine, unsafe, keep) for entry in entries[bounds[0]:bounds[1]]]

    results = spread_items(len(entries), jobs if len(text) >= spread_min_chars else 1, fix_some)
    if not all(result.alone for result in results):
        return None
    pieces: List[str] = []
    position = written = 0
    moves: List[tuple] = []  # (old start, old end, new start, new end) of each entry whose text changed
    applied: list = []
    broken = None
    for entry, result in zip(entries, results):
        applied.extend(result.applied)
        broken = broken or result.broken
        if result.text is not None:
            pieces += [text[position:entry.start], result.text]
            written += entry.start - position
            moves.append((entry.start, entry.end, written, written + len(result.text)))
            written += len(result.text)
            position = entry.end
    applied.sort(key=itemgetter(0))  # round by round; entries stay in file order
    fixed = Source(filename, "".join(pieces) + text[position:], source.encoding, source.bom, source.path)
    outcome = FixOutcome(source.text)
    if pieces:
        fixed_document = _spliced(fixed, document, tools_list, entries, results, moves)
        if fixed_document is None:
            fixed_document, problems = parse(fixed, "json")
            if fixed_document is None:  # each entry parsed alone, so the file should: a bug
                outcome.broken = broken_round(problems[0].message)
                return outcome
        sites, problems = recognise(fixed_document.data)
        _remember(fixed_document, tools_list, entries, results, sites, memo)
        found, sites = engine.lint_document(fixed_document.data, fixed_document, sites, memo,
                                            recognition_problems=problems)
        fixed_first = (fixed_document, found, sites)
    else:
        fixed, fixed_first = source, first
    rest = fix_text(fixed, engine, unsafe, keep=lambda _document, diagnostics: keep(diagnostics),
                    first=fixed_first, memo=memo)
    outcome.text = rest.text
    outcome.applied = [make_fixed(AppliedFix, fix[1:]) for fix in applied] + rest.applied  # (in C: thousands)
    outcome.broken = broken or rest.broken
    outcome.final = rest.final
    return outcome


def _spliced(fixed: Source, document: Document, tools_list: tuple, entries: List[Entry],
             results: List[EntryFixed], moves: List[tuple]) -> Optional[Document]:
    """The fixed file as a Document without parsing it again (None: parse it): the file's
    data with each changed entry's data (as its own parse read the new text) in its
    place, and the index of the containers down to the tools list (sourcemap) moved to
    the new offsets. This is what parsing the fixed text gives: the text outside the
    entries is the file's, and JSON reads a value the same wherever it stands. Only when
    no parse met a problem (a duplicate key, NaN: placed by offset and pointer) and no
    entry can nest too deep where it stands."""
    if document.problems or document.duplicate_keys:
        return None
    room = MAX_JSON_DEPTH - len(tools_list) - 1
    for result in results:
        if result.text is not None and (result.data is None
                                        or result.text.count("{") + result.text.count("[") > room):
            return None
    items = list(get(document.data, tools_list))
    for entry, result in zip(entries, results):
        if result.text is not None:
            items[entry.index] = result.data
    data: Any = items
    for depth in range(len(tools_list) - 1, -1, -1):  # copies of the objects down to the list
        holder = dict(get(document.data, tools_list[:depth]))
        holder[tools_list[depth]] = data
        data = holder
    index = _moved_index(fixed.text, document, tools_list, moves) if document.json_index else None
    return Document(fixed, "json", data, json_index=index)


def _moved_index(text: str, document: Document, tools_list: tuple, moves: List[tuple]) -> dict:
    """The indexed containers from the root down to the tools list, at their offsets in
    the fixed text (the members of each tool are read again when asked for)."""
    import bisect

    ends = [old_end for _old_start, old_end, _new_start, _new_end in moves]
    shifts = [new_end - old_end for _old_start, old_end, _new_start, new_end in moves]

    def moved(offset: int) -> int:  # an offset outside the changed entries, or one's start or end
        at = bisect.bisect_right(ends, offset)
        return offset if at == 0 else offset + shifts[at - 1]

    return moved_containers(document.json_index, document.source.text, tools_list, text, moved)


def _remember(document: Document, tools_list: tuple, entries: List[Entry], results: List[EntryFixed],
              sites: list, memo: RoundMemo) -> None:
    """Keep what each entry's last lint found, for the lint of the fixed file. ``sites``
    are the fixed file's (an entry gives alone the sites the file gives there)."""
    in_entry = _sites_by_entry(sites, tools_list)
    for entry, result in zip(entries, results):
        if result.findings is None:
            continue
        found_sites = in_entry.get(entry.index, ())
        if len(found_sites) == len(result.findings):
            for site, findings in zip(found_sites, result.findings):
                memo.put(site, document, findings)
