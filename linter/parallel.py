"""``--jobs``: check many files in worker processes.

Files are independent, so the list of discovered files is cut into contiguous chunks
that forked workers check (and fix) as the serial loop would; the parent puts the
results back in discovery order, so the output is the same as with one process.

Workers are forked (POSIX, not macOS, where forking a process that may have loaded
system frameworks is unsafe): they start with the loaded rules and configuration instead
of importing them again, and nothing but the file list is sent to them. Where forking is
not available, or there are too few files to be worth it, the check runs serially.

What a worker sends back is what the output needs: diagnostics (with their fix edits,
when the format prints them), the source text and the fixes applied; not the parsed
document.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import List, Optional

MIN_FILES_PER_JOB = 64  # below this a worker costs more than it saves
CHUNKS_PER_JOB = 4      # smaller chunks even out workers that drew slow files

_JOB: Optional[tuple] = None  # (candidates, options, fixed engine), inherited by forked workers


def job_count(requested: int, files: int) -> int:
    """Workers to use: ``requested`` (0: one per CPU), no more than the files can keep busy."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = cpus if requested <= 0 else requested
    return max(1, min(wanted, files // MIN_FILES_PER_JOB))


def check_in_parallel(candidates: list, options, fixed_engine) -> Optional[list]:
    """The FileResults (None for skipped files) of ``candidates`` in order, or None when
    the check should run serially."""
    global _JOB
    jobs = job_count(options.jobs, len(candidates))
    if (jobs < 2 or sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods()
            or any(candidate.path == "-" for candidate in candidates)):
        return None
    pieces = jobs * CHUNKS_PER_JOB
    size = -(-len(candidates) // pieces)
    bounds = [(start, min(start + size, len(candidates))) for start in range(0, len(candidates), size)]
    _JOB = (candidates, options, fixed_engine)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_check_chunk, bounds, chunksize=1)
    finally:
        _JOB = None
    return [file_result for part in parts for file_result in part]


def _check_chunk(bounds) -> List:
    from .app import attach_edits, check_candidate, CheckResult

    candidates, options, fixed_engine = _JOB
    results = [check_candidate(candidate, options, fixed_engine) for candidate in candidates[bounds[0]:bounds[1]]]
    kept = [r for r in results if r is not None]
    if options.edits:
        attach_edits(CheckResult(kept))
    for file_result in kept:  # the parent needs none of these (and they are large)
        file_result.document = None
        file_result.linted = None
    return results
