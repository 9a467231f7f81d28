"""The check pipeline: discover -> read -> parse -> recognise -> lint -> locate.

Kept free of click so it can be driven from tests and from Python. Each file is handled
on its own: whatever goes wrong with one becomes its diagnostics, and the run goes on.
"""

from __future__ import annotations

import gc
import sys
from typing import Dict, Iterable, Iterator, List, Optional, Sequence

from .diagnostics import Diagnostic, Position
from .discovery import STDIN, Candidate, discover
from .document import DEFAULT_MAX_BYTES, Document, decode, kind_for, parse, read_source
from .engine import Engine, Settings
from .filepolicy import FilePolicy, Policies
from .record import Record
from .source import Source

# Findings about the file itself rather than about tool definitions in it.
FILE_LEVEL = ("FCS001", "FCS004", "FCS006")
# Words that suggest a file that failed to parse was meant to hold tool definitions.
TOOL_MARKERS = ("parameters", "json_schema", "\"function\"", "function:", "inputSchema",
                "input_schema", "tools")
# A file this large (a catalogue of hundreds of tools) may have its tools linted in several
# processes; a smaller one is done before workers would have started.
SPREAD_MIN_CHARS = 1 << 16
# Files are read a few at a time before they are checked (read_ahead): up to this many,
# or until this many characters are in memory.
READ_AHEAD_FILES = 32
READ_AHEAD_CHARS = 1 << 20


class FileResult(Record):
    """One file's outcome. ``linted`` is (document, diagnostics in the engine's order
    before suppressions, sites): --fix starts from it instead of parsing and linting the
    file again. ``printed`` (emitters.Printed): the file's findings as the output prints
    them, made where the file was checked (CheckOptions.printed); ``diagnostics`` is then
    empty."""

    __slots__ = ("filename", "source", "document", "diagnostics", "has_tools", "applied", "original_text",
                 "linted", "printed")

    def __init__(self, filename: str, source: Optional[Source] = None, document: Optional[Document] = None,
                 diagnostics: Optional[List[Diagnostic]] = None, has_tools: bool = False,
                 applied: Optional[list] = None, original_text: Optional[str] = None,
                 linted: Optional[tuple] = None):
        self.filename = filename
        self.source = source
        self.document = document
        self.diagnostics = diagnostics if diagnostics is not None else []
        self.has_tools = has_tools
        self.applied = applied if applied is not None else []  # fixes applied (or that would be, with --diff)
        self.original_text = original_text  # before fixing, when the text changed
        self.linted = linted
        self.printed = None


class CheckResult(Record):
    __slots__ = ("files",)

    def __init__(self, files: Optional[List[FileResult]] = None):
        self.files = files if files is not None else []

    @property
    def diagnostics(self) -> List[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def sources(self) -> Dict[str, Source]:
        return {f.filename: f.source for f in self.files if f.source is not None}

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def applied(self):
        return [(f.filename, a.code, a.message) for f in self.files for a in f.applied]

    @property
    def changed(self) -> List[FileResult]:
        return [f for f in self.files if f.original_text is not None]

    def exit_code(self, warnings_as_errors: bool = False) -> int:
        bad = ("error", "warning") if warnings_as_errors else ("error",)
        if any(d.severity in bad for d in self.diagnostics):
            return 1
        printed = [f.printed.counted for f in self.files if f.printed is not None]
        return 1 if any(c.errors or (warnings_as_errors and c.warnings) for c in printed) else 0


class CheckOptions(Record):
    """What to check and how. ``fix``: None, "apply" (write files) or "diff" (write
    nothing); ``policies``: the configuration per file (None: ``settings`` for all);
    ``python_targets``: MODULE:NAME specs to generate and check; ``one_shot``: the process
    ends after this run (the command line, not a library call); ``jobs``: worker processes
    for many files (0: one per CPU, see parallel.py); ``edits``: attach each fix's text
    edits (for the JSON and SARIF formats); ``sources``: the output reads each file's text
    (FileResult.source; without it, --jobs workers do not send the text back); ``printed``:
    (output format, EmitContext) when --jobs workers are to print the findings of the
    files they check (FileResult.printed; a format of emitters.PRINTED_PER_FILE)."""

    __slots__ = ("paths", "settings", "stdin_filename", "max_bytes", "exclude", "include", "force_exclude",
                 "fix", "unsafe_fixes", "policies", "python_targets", "one_shot", "jobs", "edits", "sources",
                 "printed")

    def __init__(self, paths: Sequence[str] = (".",), settings: Optional[Settings] = None,
                 stdin_filename: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES,
                 exclude: Sequence[str] = (), include: Sequence[str] = (), force_exclude: bool = False,
                 fix: Optional[str] = None, unsafe_fixes: bool = False, policies: Optional[Policies] = None,
                 python_targets: Sequence[str] = (), one_shot: bool = False, jobs: int = 1,
                 edits: bool = False, sources: bool = True, printed: Optional[tuple] = None):
        self.paths = paths
        self.settings = settings if settings is not None else Settings()
        self.stdin_filename = stdin_filename
        self.max_bytes = max_bytes
        self.exclude = exclude
        self.include = include
        self.force_exclude = force_exclude
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.policies = policies
        self.python_targets = python_targets
        self.one_shot = one_shot
        self.jobs = jobs
        self.edits = edits
        self.sources = sources
        self.printed = printed


def locate(diagnostics: List[Diagnostic], document: Optional[Document], source: Optional[Source]) -> None:
    """Turn pointers into spans and line:col, only for the diagnostics that need it."""
    placed = []
    for diagnostic in diagnostics:
        if diagnostic.location is not None:
            continue
        if document is None or source is None:
            diagnostic.location = diagnostic.end_location = Position(1, 1)
            continue
        diagnostic.span = document.sourcemap.span(diagnostic.pointer, diagnostic.anchor)[0]
        placed.append(diagnostic)
    if placed:
        at = source.positions([offset for diagnostic in placed for offset in diagnostic.span])
        for diagnostic in placed:
            diagnostic.location, diagnostic.end_location = at[diagnostic.span[0]], at[diagnostic.span[1]]


def fix_source(source: Source, policy: FilePolicy, options: CheckOptions, linted: Optional[tuple] = None,
               memo=None) -> FileResult:
    """Fix, write (unless only a diff is wanted), then check what is left. ``linted``: the
    source already parsed and linted (FileResult.linted); ``memo`` (fixes.RoundMemo):
    what that lint found in each tool."""
    from .fixes import FileChanged, RoundMemo, fix_text, write_atomic

    engine = policy.engine
    memo = memo if memo is not None else RoundMemo()

    def still_reported(document, diagnostics):
        # Suppressed findings are not fixed either.
        suppressions = policy.suppressions(document)
        if suppressions:
            locate(diagnostics, document, document.source)
        return policy.keep(diagnostics, suppressions)

    outcome = None
    if linted is not None and not policy.pointer_ignores and policy.schema_entry is None:
        from .entryfix import fix_entries

        outcome = fix_entries(source, engine, options.unsafe_fixes, lambda diagnostics: policy.keep(diagnostics, []),
                              linted, memo, options.jobs, SPREAD_MIN_CHARS)
    if outcome is None:
        outcome = fix_text(source, engine, options.unsafe_fixes, keep=still_reported,
                           sites_for=lambda document: _declared_sites(document, policy), first=linted, memo=memo)
    fixed_source = source
    notes: List[Diagnostic] = []
    if outcome.changed(source.text):
        fixed_source = Source(source.filename, outcome.text, source.encoding, source.bom, source.path)
        if options.fix == "apply" and source.path is not None:
            try:
                write_atomic(source, outcome.text)
            except (FileChanged, OSError) as exc:
                fixed_source = source
                notes.append(_note(source, f"fixes not written: {exc}"))
    if outcome.broken:
        notes.append(_note(source, outcome.broken))
    final = outcome.final if outcome.final is not None and outcome.final[0].source.text == fixed_source.text else None
    result = check_source(fixed_source, policy, explicit=True, linted=final)
    result.diagnostics = _stamped(notes, engine, source.filename) + result.diagnostics
    if outcome.changed(source.text):
        result.applied = outcome.applied
        result.original_text = source.text
    return result


def _fixable(result: FileResult, options: CheckOptions) -> bool:
    from .fixes import wanted

    return any(wanted(d, options.unsafe_fixes) for d in result.diagnostics)


def _note(source: Source, message: str) -> Diagnostic:
    return Diagnostic(code="FCS007", message=message, filename=source.filename,
                      location=Position(1, 1), end_location=Position(1, 1), span=(0, 0))


def _declared_sites(document: Document, policy: FilePolicy):
    if policy.schema_entry is None:
        return None
    from .formats.declared import schema_file_sites

    return schema_file_sites(document.data, policy.schema_entry, document.source.filename)


def check_source(source: Source, policy, explicit: bool = True, linted: Optional[tuple] = None,
                 finish: bool = True, jobs: int = 1, memo=None, edits: bool = False) -> FileResult:
    """Check one decoded file. ``policy`` is a FilePolicy (or an Engine, for callers
    without configuration). ``linted`` is the file's text already parsed and linted
    (see FileResult.linted), when --fix has just done that. ``finish=False`` stops after
    linting (diagnostics without positions or suppressions): --fix is about to change
    the text, so placing findings in the old one would be wasted. ``jobs``: processes
    that may lint the tools of a large file (see parallel.SiteSpreader); ``memo``
    (fixes.RoundMemo) keeps what the lint finds in each tool; ``edits``: the output prints
    each fix's text edits, so the processes that lint a large file's tools make them too."""
    if isinstance(policy, Engine):
        policy = FilePolicy(config=None, engine=policy)
    engine = policy.engine
    result = FileResult(source.filename, source=source)
    if linted is not None:
        document, diagnostics, sites = linted[0], list(linted[1]), linted[2]
    else:
        document, problems = parse(source)
        if document is None:
            if explicit or any(marker in source.text for marker in TOOL_MARKERS):
                result.diagnostics = _stamped(problems, engine, source.filename)
            return result

        def placed(found: List[Diagnostic]) -> None:  # where a chunk of tools was linted
            locate(found, document, source)
            if edits:
                attach_fix_edits(found, document)
            document.sourcemap.release()  # the chunk's tools are not looked up again

        diagnostics, sites = engine.lint_document(document.data, document, _declared_sites(document, policy),
                                                  memo, site_spreader(source, jobs, placed if finish else None))
    result.document = document
    result.linted = (document, list(diagnostics), sites)
    # File-level findings (a duplicate key, several YAML documents) do not make a file found
    # by walking a folder a tool file; what recognition finds (or fails to) does.
    result.has_tools = bool(sites) or any(d.code not in FILE_LEVEL for d in diagnostics)
    if not finish:
        result.diagnostics = diagnostics
        return result
    for diagnostic in diagnostics:
        diagnostic.filename = source.filename
    locate(diagnostics, document, source)
    suppressions = policy.suppressions(document)
    diagnostics = policy.keep(diagnostics, suppressions)
    diagnostics.extend(_unused(suppressions, document, engine))
    diagnostics.sort(key=Diagnostic.sort_key)
    result.diagnostics = diagnostics
    return result


def site_spreader(source: Source, jobs: int, after=None):
    """What lints the tools of a large file in several processes (None: this one)."""
    if jobs == 1 or len(source.text) < SPREAD_MIN_CHARS:
        return None
    from .parallel import SiteSpreader

    return SiteSpreader(jobs, after)


def _unused(suppressions, document: Document, engine: Engine) -> List[Diagnostic]:
    """FCS008 for each suppression that silenced nothing."""
    if not suppressions or not engine.settings.enabled("FCS008"):
        return []
    found = []
    for suppression in suppressions:
        if suppression.used:
            continue
        where = "this comment" if suppression.origin == "comment" else f"{suppression.origin}: {suppression.text}"
        codes = ", ".join(suppression.codes)
        diagnostic = Diagnostic(code="FCS008", message=f"unused suppression ({codes}): {where} silences nothing",
                                filename=document.source.filename, span=suppression.span)
        diagnostic.location, diagnostic.end_location = document.source.span_positions(suppression.span)
        found.append(diagnostic)
    return _stamped(found, engine, document.source.filename)


def attach_edits(result: CheckResult) -> None:
    """Text edits for every shown fix (JSON and SARIF print them)."""
    for file_result in result.files:
        if file_result.document is not None:
            attach_fix_edits(file_result.diagnostics, file_result.document)


def attach_fix_edits(diagnostics: List[Diagnostic], document: Document) -> None:
    """Text edits for the fixes of ``diagnostics`` that have none yet."""
    from .textedit import edits_for

    for diagnostic in diagnostics:
        if diagnostic.fix is not None and diagnostic.fix.ops and not diagnostic.fix.edits:
            diagnostic.fix.edits = tuple(edits_for(document, list(diagnostic.fix.ops)) or ())


def unified_diff(file_result: FileResult) -> str:
    import difflib

    before = file_result.original_text.splitlines(keepends=True)
    after = file_result.source.text.splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"a/{file_result.filename}", f"b/{file_result.filename}"))


def _stamped(problems: List[Diagnostic], engine: Engine, filename: str) -> List[Diagnostic]:
    for problem in problems:
        info = engine.rules[problem.code]
        problem.name, problem.filename = info.name, filename
        problem.severity = problem.severity or info.severity
    return [p for p in problems if engine.settings.enabled(p.code)]


def read_candidate(candidate: Candidate, max_bytes: int):
    if candidate.path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            return None, Diagnostic(code="FCS002", filename=candidate.filename, location=Position(1, 1),
                                    end_location=Position(1, 1),
                                    message=f"standard input is over the {max_bytes}-byte limit")
        return decode(data, candidate.filename, None)
    return read_source(candidate.path, candidate.filename, max_bytes)


def read_ahead(candidates: Iterable[Candidate], max_bytes: int) -> Iterator[tuple]:
    """(candidate, what read_candidate gives) for each candidate, the files read
    READ_AHEAD_FILES at a time (fewer when they are large) before any of them is checked.
    Reading a file between the checks of two others took about twice as long as reading
    it among other reads (the system calls and the Python code that follows each evict
    the other's state from the CPU): on a tree of small files, a tenth of the time."""
    batch: list = []
    chars = 0
    for candidate in candidates:
        read = read_candidate(candidate, max_bytes)
        batch.append((candidate, read))
        chars += len(read[0].text) if read[0] is not None else 0
        if len(batch) >= READ_AHEAD_FILES or chars >= READ_AHEAD_CHARS:
            yield from batch
            batch, chars = [], 0
    yield from batch


def check_paths(options: CheckOptions, engine: Optional[Engine] = None) -> CheckResult:
    fixed_engine = engine or (Engine(options.settings) if options.policies is None else None)
    result = CheckResult()
    candidates = discover(options.paths, options.stdin_filename, options.exclude, options.force_exclude,
                          options.include)
    if options.jobs != 1:
        from .parallel import check_in_parallel

        candidates = list(candidates)
        found = check_in_parallel(candidates, options, fixed_engine)
        if found is not None:
            result.files.extend(f for f in found if f is not None)
            candidates = []
    for candidate, read in read_ahead(candidates, options.max_bytes):
        file_result = check_candidate(candidate, options, fixed_engine, read)
        if file_result is not None:
            result.files.append(file_result)
    for spec in options.python_targets:
        policy = (FilePolicy(config=None, engine=fixed_engine) if fixed_engine is not None
                  else options.policies.for_path("."))
        result.files.extend(check_python_target(spec, policy))
    return result


def check_candidate(candidate: Candidate, options: CheckOptions, fixed_engine: Optional[Engine],
                    read: Optional[tuple] = None) -> Optional[FileResult]:
    """Read (unless ``read`` is what read_candidate gave), check and (with --fix) fix one
    discovered file; None for a file found by walking a folder that turns out not to
    hold tools."""
    if fixed_engine is not None:
        policy = FilePolicy(config=None, engine=fixed_engine)
    else:
        policy = options.policies.for_path(candidate.path)
    source, problem = read if read is not None else read_candidate(candidate, options.max_bytes)
    if source is None:
        # Reported even for files found by walking a folder: nothing is skipped unseen.
        return FileResult(candidate.filename, diagnostics=_stamped([problem], policy.engine, candidate.filename))
    memo = None
    if options.fix:  # what the first lint finds in each tool, for the rounds of fixing
        from .fixes import RoundMemo

        memo = RoundMemo()
    with _CyclicGcPaused(kind_for(source.filename, source.text) == "json", options.one_shot):
        file_result = check_source(source, policy, candidate.explicit, finish=not options.fix, jobs=options.jobs,
                                   memo=memo, edits=options.edits)
        if options.fix and file_result.document is not None and _fixable(file_result, options):
            first = file_result
            file_result = fix_source(source, policy, options, file_result.linted, memo)
            if options.one_shot:
                leave_for_exit(first, memo)
        elif options.fix and file_result.linted is not None:  # nothing to fix: finish the check
            file_result = check_source(source, policy, candidate.explicit, linted=file_result.linted)
    if candidate.explicit or file_result.has_tools or (file_result.document is None and file_result.diagnostics):
        return file_result
    return None


# What a one-shot process no longer needs but does not free (leave_for_exit): the process
# ends without freeing anything (cli.main, and entry.main for a plain check).
_LEFT_FOR_EXIT: list = []


def leave_for_exit(*objects) -> None:
    """Keep ``objects`` until the process ends, unfreed: freeing them one by one took
    longer than the process has left to run (the file as it was before --fix, 20 ms on
    the 3,526-tool BFCL file; a tree check's results on return, 8-11 ms). Only for a
    one-shot run: a library call must not pin its objects."""
    _LEFT_FOR_EXIT.append(objects)


class _CyclicGcPaused:
    """Checking (and fixing) a JSON file builds only acyclic structures (parsed data,
    diagnostics, the source map), which reference counting frees; the cyclic garbage
    collector going through them again and again takes a sixth of the time of a large
    file. YAML files keep it: the YAML library leaves reference cycles behind.

    ``freeze`` (a one-shot command): what the file left behind (its results) is moved out
    of the collector's sight, so the next collection does not walk every earlier file's
    results again. A library call does not freeze: that would pin the caller's objects.
    (A class, not ``contextlib.contextmanager``: it is entered once per file.)"""

    __slots__ = ("paused", "freeze")

    def __init__(self, pause: bool, freeze: bool):
        self.paused = pause and gc.isenabled()
        self.freeze = freeze

    def __enter__(self) -> None:
        if self.paused:
            gc.disable()

    def __exit__(self, *_exc) -> None:
        if self.paused:
            if self.freeze:
                gc.freeze()
            gc.enable()


def check_python_target(spec: str, policy: FilePolicy) -> List[FileResult]:
    """Generate the tools a ``MODULE:NAME`` spec names (importing the module runs its code)
    and check each as a JSON document named after it."""
    import json

    from .authoring.errors import AuthoringError
    from .authoring.targets import load_tool_targets

    try:
        loaded = load_tool_targets(spec)
    except AuthoringError as exc:
        problem = Diagnostic(code="FCS002", message=f"cannot load {spec}: {exc}", filename=spec,
                             location=Position(1, 1), end_location=Position(1, 1))
        return [FileResult(spec, diagnostics=_stamped([problem], policy.engine, spec))]
    results = []
    for label, tool in loaded:
        source = Source(label, json.dumps(tool, indent=2, ensure_ascii=False) + "\n")
        results.append(check_source(source, policy, explicit=True))
    return results
