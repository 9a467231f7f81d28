"""``--jobs``: check many files, or lint or fix the many tools of one large file
(SiteSpreader, entryfix), in forked worker processes, this one among them.

Files are independent, and so are the tools of a file, so they are cut into contiguous
chunks, smaller towards the end. The chunk numbers go into a pipe before the workers are
forked (a few bytes per chunk, at most 16 KiB: less than a pipe holds); every process,
this one included, takes the next number from the pipe until it is empty, so a worker
that drew slow files takes fewer chunks. A worker sends each chunk's results as soon as
it has them; this process reads them between its own chunks and puts every result back
in order, so the output is the same as with one process.

Workers are forked (POSIX, not macOS, where forking a process that may have loaded
system frameworks is unsafe): they start with the loaded rules and configuration
instead of importing them again, and nothing but chunk numbers is sent to them. A
worker that fails (an exception, a signal) is not trusted with anything: the chunks it
did not deliver are checked here, as one process would, so an error shows exactly as
without ``--jobs``. Where forking is not available, or there are too few files to be
worth it, the check runs in this process alone.

What a worker sends back is what the output needs: for the formats that print each file
on its own (emitters.PRINTED_PER_FILE), the file's findings as printed and their counts;
otherwise the diagnostics (with their fix edits, when the format prints them) and the
source text when the output shows it; the fixes applied; never the parsed document.

(Imported for every ``check``: what only workers need is imported where it is used.)
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Dict, List, Optional, Tuple

MIN_FILES_PER_JOB = 64  # below this a worker costs more than it saves
MIN_TOOLS_PER_JOB = 200  # the same for the tools of one file
SHARE = 4               # a chunk is 1/(jobs * SHARE) of the items not yet in a chunk, so
MIN_CHUNK = 8           # chunks shrink towards the end (down to MIN_CHUNK items): the
                        # processes finish together, and results reach this process
                        # while it checks its own
MAX_CHUNKS = 4096       # their numbers (16 KiB) fit in the work pipe before anyone reads it
_TOKEN = 4              # bytes per chunk number in the work pipe (a read of it is atomic)

Bounds = Tuple[int, int]


_RUNNING = False  # chunks are being checked across processes: no workers of workers


def _wanted(requested: int) -> int:
    if requested > 0:
        return requested
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def job_count(requested: int, files: int) -> int:
    """Processes to use: ``requested`` (0: one per CPU), no more than the files can keep busy."""
    return max(1, min(_wanted(requested), files // MIN_FILES_PER_JOB))


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"


def check_in_parallel(candidates: list, options, fixed_engine) -> Optional[list]:
    """The FileResults (None for skipped files) of ``candidates`` in order, or None when
    the check should run in this process alone."""
    jobs = job_count(options.jobs, len(candidates))
    if jobs < 2 or not can_fork() or _RUNNING or any(candidate.path == "-" for candidate in candidates):
        return None
    chunks = _chunks(len(candidates), jobs)

    def check(bounds: Bounds) -> list:
        return _check_chunk(candidates[bounds[0]:bounds[1]], options, fixed_engine)

    done = run_chunks(chunks, jobs, check)
    return [file_result for number in range(len(chunks)) for file_result in done[number]]


class SiteSpreader:
    """Lints the tools of one large file in ``jobs`` processes (Engine.lint_document's
    ``spread``): a file of thousands of tools is otherwise one process's work however
    many CPUs there are. ``after(findings)`` runs where a chunk of tools was linted
    (placing their findings in the text, when the check is about to show them), so that
    work is spread too, and places the document findings carried with a tool (a
    duplicate name, engine._spread_sites). A worker of a folder's check lints its files'
    tools itself."""

    def __init__(self, jobs: int, after=None):
        self.jobs = jobs
        self.after = after

    def __call__(self, sites: list, lint_site) -> list:
        after = self.after

        def lint(bounds: Bounds) -> list:
            out = [lint_site(site) for site in sites[bounds[0]:bounds[1]]]
            if after is not None:  # once for the chunk: placing goes through the text once
                after([diagnostic for found in out for diagnostic in found])
            return out

        return spread_items(len(sites), self.jobs, lint)


def spread_items(count: int, jobs: int, work) -> list:
    """``work((start, end))`` (a list of results, one per item) over ``count`` items (the
    tools of one file), in up to ``jobs`` processes when there are enough of them: the
    results of every item, in order."""
    jobs = max(1, min(_wanted(jobs), count // MIN_TOOLS_PER_JOB))
    if jobs < 2 or not can_fork() or _RUNNING:
        return work((0, count))
    done = run_chunks(_chunks(count, jobs), jobs, work)
    return [result for number in range(len(done)) for result in done[number]]


def _chunks(count: int, jobs: int) -> List[Bounds]:
    """Contiguous chunks of ``count`` items, each a share of what is left: equal chunks
    left one process with a whole last chunk to check while the others waited."""
    bounds: List[Bounds] = []
    smallest = max(MIN_CHUNK, -(-count // MAX_CHUNKS))
    start = 0
    while start < count:
        size = max(smallest, -(-(count - start) // (jobs * SHARE)))
        bounds.append((start, min(start + size, count)))
        start += size
    return bounds


def run_chunks(chunks: List[Bounds], jobs: int, check) -> Dict[int, list]:
    """``check(chunk)`` for every chunk, in ``jobs`` processes (this one and forked
    workers): {chunk number: its results}. Chunks a worker did not deliver are checked
    here."""
    work_read, work_write = os.pipe()
    try:
        os.write(work_write, b"".join(n.to_bytes(_TOKEN, "little") for n in range(len(chunks))))
    finally:
        os.close(work_write)  # an empty pipe then reads as the end: no more work
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    global _RUNNING
    workers: List[_Worker] = []
    done: Dict[int, list] = {}
    _RUNNING = True  # (and so in every worker forked from here)
    try:
        for _ in range(jobs - 1):
            worker = _Worker.fork(work_read, chunks, check)
            if worker is None:
                break
            workers.append(worker)
        for worker in workers:
            worker.start_reading()
        while _take_chunk(work_read, chunks, check, done):
            for worker in workers:  # what the workers sent meanwhile: they need not wait for us
                worker.receive(done, wait=False)
        for worker in workers:
            worker.receive(done, wait=True)
    except BaseException:  # an error here (or Ctrl-C): the workers' results are not wanted
        for worker in workers:
            worker.stop()
        raise
    finally:
        _RUNNING = False
        os.close(work_read)
        for worker in workers:
            worker.close()
    for number, bounds in enumerate(chunks):
        if number not in done:
            done[number] = check(bounds)
    return done


class _Worker:
    """A forked worker and the pipe it sends its results in: one frame per chunk, an
    8-byte length and the pickle of (chunk number, results), as soon as the chunk is
    checked. A thread of this process reads the pipe as frames come (``os.read`` lets
    the other thread run), so the worker never waits for this process to finish a chunk
    of its own before it can send; the frames are unpickled between this process's
    chunks. Frames that arrived whole are used even if the worker fails later."""

    def __init__(self, pid: int, results: int):
        import collections

        self.pid = pid
        self.results = results
        self.arrived: "collections.deque[bytes]" = collections.deque()  # read, not yet unpacked
        self.pending = bytearray()
        self.reader = None
        self.closed = False

    @classmethod
    def fork(cls, work_read: int, chunks: List[Bounds], check) -> Optional["_Worker"]:
        result_read, result_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no more processes: the ones started do the work
            os.close(result_read)
            os.close(result_write)
            return None
        if pid:
            os.close(result_write)
            return cls(pid, result_read)
        status = 1
        try:
            import pickle

            os.close(result_read)
            _widen(result_write)
            mine: Dict[int, list] = {}
            while _take_chunk(work_read, chunks, check, mine):
                number, results = mine.popitem()
                frame = pickle.dumps((number, results), protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(len(frame).to_bytes(8, "little") + frame)
                while view:
                    view = view[os.write(result_write, view):]
            status = 0
        except BaseException:  # the parent redoes this worker's chunks and shows what goes wrong
            pass
        finally:
            os._exit(status)  # never back into the caller's code, never flushing its buffers

    def start_reading(self) -> None:
        """Started once every worker is forked (a process is not forked while a thread runs)."""
        import threading

        self.reader = threading.Thread(target=self._read, name="fcschema-results", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while True:
                part = os.read(self.results, 1 << 20)
                if not part:
                    return  # the worker is done (or gone)
                self.arrived.append(part)
        except OSError:
            return

    def receive(self, done: Dict[int, list], wait: bool) -> None:
        """Take in the frames that have arrived (``wait``: all of them, to the end)."""
        if self.closed:
            return
        if wait and self.reader is not None:
            self.reader.join()
        arrived = self.arrived
        while arrived:
            self.pending += arrived.popleft()
        self._unpack(done)
        if wait:
            self.close()

    def _unpack(self, done: Dict[int, list]) -> None:
        import pickle

        pending = self.pending
        while len(pending) >= 8:
            size = int.from_bytes(pending[:8], "little")
            if len(pending) < 8 + size:
                return
            # Results hold no reference cycles: the cyclic collector, set off again and
            # again by the objects made here, would find nothing (loading took half as
            # long again with it running).
            collecting = gc.isenabled()
            gc.disable()
            try:
                number, results = pickle.loads(pending[8:8 + size])
            except Exception:  # not what a worker sends: its chunks are redone here
                number = None
            finally:
                if collecting:
                    gc.enable()
            if number is not None:
                done[number] = results
            del pending[:8 + size]

    def stop(self) -> None:
        import signal

        if not self.closed:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except OSError:
                pass

    def close(self) -> None:
        """Wait for the worker to end, then for the reader (the pipe reads as ended once
        the worker is gone), then close the pipe: never while the reader may still use it."""
        if self.closed:
            return
        self.closed = True
        while True:
            try:
                os.waitpid(self.pid, 0)
                break
            except InterruptedError:
                continue
            except ChildProcessError:
                break
        if self.reader is not None:
            self.reader.join()
        os.close(self.results)


def _widen(pipe: int) -> None:
    """A larger pipe buffer (Linux), so a worker rarely waits for the parent to read."""
    try:
        import fcntl

        fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


def _take_chunk(work_read: int, chunks: List[Bounds], check, done: Dict[int, list]) -> bool:
    """Check the next chunk from the work pipe into ``done``; False when none is left."""
    token = os.read(work_read, _TOKEN)
    if len(token) < _TOKEN:
        return False
    number = int.from_bytes(token, "little")
    done[number] = check(chunks[number])
    return True


def _check_chunk(candidates: list, options, fixed_engine) -> List:
    from .app import CheckResult, attach_edits, check_candidate, read_ahead

    results = [check_candidate(candidate, options, fixed_engine, read)
               for candidate, read in read_ahead(candidates, options.max_bytes)]
    kept = [r for r in results if r is not None]
    if options.edits:
        attach_edits(CheckResult(kept))
    if options.printed is not None:  # the findings as the output prints them: text to send
        _print(kept, *options.printed)
    for file_result in kept:  # the output needs none of these (and they are large to send)
        file_result.document = None
        file_result.linted = None
        if not options.sources:  # (a fifth of what is sent for a tree of small files)
            file_result.source = None
    return results


def _print(kept: list, format_name: str, context) -> None:
    from .emitters import print_findings

    sources: dict = {}  # the file being printed (``full`` shows its lines)
    context = context.replace(sources=sources)
    for file_result in kept:
        if not file_result.diagnostics:
            continue
        sources.clear()
        if file_result.source is not None:
            sources[file_result.filename] = file_result.source
        file_result.printed = print_findings(format_name, file_result.diagnostics, context)
        file_result.diagnostics = []
