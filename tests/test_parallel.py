"""--jobs: the same output, files and exit code as one process, in discovery order."""

from __future__ import annotations

import json
import os
import pickle
import shutil

import pytest
from click.testing import CliRunner

from fcschema import parallel
from fcschema.check_command import OUTPUT_FORMATS, SOURCE_FORMATS
from fcschema.emitters import PRINTED_PER_FILE
from fcschema.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="--jobs forks its workers")

BAD = ('{{"type": "function", "function": {{"name": "tool_{n}", "strict": true, "parameters": '
       '{{"type": "object", "properties": {{"a": {{"type": "dict"}}, "b": {{"type": "string"}}}}, '
       '"required": ["a"]}}}}}}\n')


def _write_tree(root, place):
    """Enough files for two processes: ``place(n)`` gives file n's path below ``root`` and its text."""
    for n in range(2 * parallel.MIN_FILES_PER_JOB + 10):
        relative, text = place(n)
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path):
    root = _write_tree(tmp_path / "tools", lambda n: (
        f"group{n % 7}/tool{n:03}.json", BAD.format(n=n) if n % 5 else '{"tools": [{"type": "function"'))
    (root / "package.json").write_text('{"name": "not tools"}', encoding="utf-8")
    return root


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_jobs_print_what_one_process_prints(tree, fmt):
    one = run("check", "--output-format", fmt, str(tree))
    two = run("check", "--jobs", "2", "--output-format", fmt, str(tree))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    if fmt == "json":
        records = json.loads(two.stdout)
        assert {r["code"] for r in records} >= {"FCS001", "FCS101", "FCS102", "FCS109"}
        assert any(r["fix"] and r["fix"]["edits"] for r in records)  # edits made by the workers


def test_jobs_print_the_same_diff(tree):
    one = run("check", "--diff", "--output-format", "concise", str(tree))
    two = run("check", "--diff", "--jobs", "2", "--output-format", "concise", str(tree))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and "+++ b/" in two.stdout


def _sent(monkeypatch) -> list:
    """What each chunk's check gives back (this process's own chunks: the workers' are the same)."""
    sent = []
    real = parallel._check_chunk

    def check_chunk(candidates, options, fixed_engine):
        results = real(candidates, options, fixed_engine)
        sent.extend(r for r in results if r is not None)
        return results

    monkeypatch.setattr(parallel, "_check_chunk", check_chunk)
    return sent


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_workers_send_the_text_back_only_for_an_output_that_reads_it(tree, fmt, monkeypatch):
    sent = _sent(monkeypatch)
    run("check", "--jobs", "2", "--output-format", fmt, str(tree))
    assert sent
    printed = fmt in PRINTED_PER_FILE  # (``full`` shows source lines: printed where the file was read)
    assert all((r.source is not None) == (fmt in SOURCE_FORMATS and not printed) for r in sent)
    if printed:  # each file's findings as printed text and counts, not as diagnostics
        assert all(not r.diagnostics for r in sent)
        assert all(r.printed.text and r.printed.counted.files == 1 for r in sent)
    else:
        assert all(r.printed is None for r in sent) and any(r.diagnostics for r in sent)


def test_workers_print_nothing_for_statistics_or_fixes(tree, tmp_path, monkeypatch):
    sent = _sent(monkeypatch)
    run("check", "--jobs", "2", "--statistics", str(tree))
    copy = tmp_path / "copy"
    shutil.copytree(tree, copy)
    run("check", "--jobs", "2", "--fix", "--output-format", "concise", str(copy))
    assert sent and all(r.printed is None for r in sent)


# Tools whose findings are warnings (FCS305: a `default` in a strict schema) and info, in
# a tree whose walk order (each folder's files before its subfolders) is not the order
# of the output (sorted by file name: "a/a-001.json" < "a/b/..." < "a/z001.json").
WARNING = ('{{"type": "function", "function": {{"name": "tool_{n}", "strict": true, "parameters": '
           '{{"type": "object", "properties": {{"a": {{"type": "string", "default": "x"}}}}, '
           '"required": ["a"], "additionalProperties": false}}}}}}\n')


@pytest.fixture
def warned(tmp_path):
    return _write_tree(tmp_path / "warned", lambda n: (
        f"{'a' if n % 3 else 'a/b'}/{'z' if n % 2 else 'a-'}{n:03}.json", WARNING.format(n=n)))


@pytest.mark.parametrize("fmt", PRINTED_PER_FILE)
@pytest.mark.parametrize("extra", [(), ("--warnings-as-errors",), ("--color", "always", "--show-fixes"), ("--quiet",),
                                   ("--select", "FCS7")])
def test_findings_printed_by_workers_are_what_one_process_prints(warned, fmt, extra):
    one = run("check", "--jobs", "1", "--output-format", fmt, *extra, str(warned))
    two = run("check", "--jobs", "2", "--output-format", fmt, *extra, str(warned))
    assert one.stdout == two.stdout
    assert one.exit_code == two.exit_code == (1 if "--warnings-as-errors" in extra else 0)
    lines = [line for line in two.stdout.splitlines() if ".json:" in line]
    if fmt == "concise" and not extra:
        files = 2 * parallel.MIN_FILES_PER_JOB + 10
        assert sum("FCS305 [warning]" in line for line in lines) == files
        assert lines == sorted(lines, key=lambda line: line.split(":")[0])  # not the walk order
        assert f"Found {files} warnings, {len(lines) - files} info in {files} files ({files} fixable with --fix)." \
            in two.stdout


def test_jobs_fix_the_same_files(tree, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(tree, copy)
    one = run("check", "--fix", "--output-format", "concise", str(tree))
    two = run("check", "--fix", "--jobs", "2", "--output-format", "concise", str(copy))
    assert one.stdout.replace(str(tree), "X") == two.stdout.replace(str(copy), "X")
    for folder, _dirs, names in os.walk(tree):
        for name in names:
            mine = os.path.join(folder, name)
            theirs = os.path.join(copy, os.path.relpath(mine, tree))
            with open(mine, encoding="utf-8") as a, open(theirs, encoding="utf-8") as b:
                assert a.read() == b.read()


def test_few_files_or_stdin_run_in_one_process(tree, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a worker was forked")

    monkeypatch.setattr(parallel._Worker, "fork", refuse)
    one_folder = next(p for p in tree.iterdir() if p.is_dir())
    assert run("check", "--jobs", "2", str(one_folder)).exit_code == 1
    # many files, but one of them is standard input (read once, by this process)
    piped = run("check", "--jobs", "2", "--output-format", "concise", str(tree), "-", input=BAD.format(n=999))
    assert piped.exit_code == 1 and "<stdin>:1:" in piped.stdout
    assert run("check", "--jobs", "1", str(tree)).exit_code == 1
    assert parallel.job_count(0, 10) == 1 and parallel.job_count(4, 4 * parallel.MIN_FILES_PER_JOB) == 4


def test_many_files_use_workers_by_default(tree, monkeypatch):
    forked = []
    real_fork = parallel._Worker.fork

    def counting(*args):
        worker = real_fork(*args)
        forked.append(worker)
        return worker

    monkeypatch.setattr(parallel._Worker, "fork", staticmethod(counting))
    monkeypatch.setattr(parallel, "job_count", lambda requested, files: 2 if requested == 0 else requested)
    assert run("check", "--output-format", "concise", str(tree)).exit_code == 1
    assert len(forked) == 1 and forked[0] is not None


def _square_chunk(bounds):
    return [n * n for n in range(*bounds)]


CHUNKS = [(n, n + 3) for n in range(0, 60, 3)]
EXPECTED = {number: _square_chunk(bounds) for number, bounds in enumerate(CHUNKS)}


def test_every_chunk_is_checked_once_across_processes(tmp_path):
    log = tmp_path / "log"

    def check(bounds):
        with open(log, "a", encoding="utf-8") as out:  # one short append per chunk: atomic
            out.write(f"{os.getpid()} {bounds[0]}\n")
        return _square_chunk(bounds)

    assert parallel.run_chunks(CHUNKS, 3, check) == EXPECTED
    lines = log.read_text(encoding="utf-8").split("\n")[:-1]
    assert sorted(int(line.split()[1]) for line in lines) == [start for start, _ in CHUNKS]


@pytest.mark.parametrize("failure", ["raise", "exit", "garbage"])
def test_a_failing_worker_costs_time_not_results(failure):
    parent = os.getpid()

    def check(bounds):
        if os.getpid() != parent and bounds[0] >= 30:
            if failure == "raise":
                raise RuntimeError("worker broke")
            if failure == "exit":
                os._exit(3)
            return object.__new__(_Unpicklable)  # the pickle fails in the worker
        return _square_chunk(bounds)

    assert parallel.run_chunks(CHUNKS, 2, check) == EXPECTED


class _Unpicklable:
    def __reduce__(self):
        raise TypeError("not picklable")


def test_an_error_in_this_process_still_stops_the_workers():
    def check(bounds):
        if bounds[0] == 0:
            raise ValueError("first chunk")
        return _square_chunk(bounds)

    with pytest.raises(ValueError, match="first chunk"):
        # the error surfaces here, whoever drew chunk 0 (a worker's failure is redone here)
        parallel.run_chunks(CHUNKS, 2, check)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no worker left behind


def test_frames_are_taken_whole_and_bad_ones_dropped():
    worker = parallel._Worker(pid=-1, results=-1)
    done = {}
    frame = pickle.dumps((4, ["x"]))
    worker.pending += len(frame).to_bytes(8, "little") + frame[:5]
    worker._unpack(done)
    assert done == {}  # half a frame waits for the rest
    worker.pending += frame[5:]
    garbage = b"not a pickle"
    worker.pending += len(garbage).to_bytes(8, "little") + garbage
    worker._unpack(done)
    assert done == {4: ["x"]} and not worker.pending


@pytest.fixture
def catalogue(tmp_path):
    """One file of many tools, large enough for its tools to be linted by several processes."""
    tools = [json.loads(BAD.format(n=n)) for n in range(2 * parallel.MIN_TOOLS_PER_JOB + 50)]
    for n, tool in enumerate(tools):
        if n % 3 == 0:
            tool["function"]["parameters"]["properties"]["c"] = {"type": "tuple", "default": 1}
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(tools, indent=2), encoding="utf-8")
    assert os.path.getsize(path) >= 1 << 16
    return path


@pytest.fixture
def spread(monkeypatch):
    """The job counts run_chunks is called with."""
    calls = []
    real = parallel.run_chunks

    def counting(chunks, jobs, check):
        calls.append(jobs)
        return real(chunks, jobs, check)

    monkeypatch.setattr(parallel, "run_chunks", counting)
    return calls


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "full"])
def test_the_tools_of_one_large_file_are_linted_as_one_process_would(catalogue, spread, fmt):
    one = run("check", "--jobs", "1", "--output-format", fmt, str(catalogue))
    assert spread == []
    two = run("check", "--jobs", "2", "--output-format", fmt, str(catalogue))
    assert spread == [2]
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and "FCS109" in two.stdout
    if fmt in ("json", "sarif"):  # with each fix's edits, made where the tools were linted
        assert ('"content"' if fmt == "json" else '"insertedContent"') in two.stdout


def test_fixing_one_large_file_is_the_same_with_workers(catalogue, tmp_path, spread):
    copy = tmp_path / "copy.json"
    shutil.copyfile(catalogue, copy)
    one = run("check", "--fix", "--unsafe-fixes", "--jobs", "1", "--output-format", "concise", str(catalogue))
    assert spread == []
    two = run("check", "--fix", "--unsafe-fixes", "--jobs", "2", "--output-format", "concise", str(copy))
    assert spread == [2, 2]  # the first lint, then the fixing of the tools (entryfix)
    assert one.stdout.replace(str(catalogue), "X") == two.stdout.replace(str(copy), "X")
    assert catalogue.read_text(encoding="utf-8") == copy.read_text(encoding="utf-8")


class _RecordingMemo:
    """A RoundMemo that knows nothing and keeps what it is given."""

    def __init__(self):
        self.kept = []

    def get(self, site, document):
        return None

    def put(self, site, document, found):
        self.kept.extend(found)


@pytest.mark.parametrize("shape", ["list", "request"])
def test_findings_about_one_tool_from_the_whole_file_are_placed_with_that_tool(shape):
    """A duplicate tool name (FCS605: a document rule, but about one tool) goes along with
    that tool's findings when the tools are linted apart, and comes back placed there; all
    findings, in the same order, are those of one process, and a tool's own findings
    (what the memo keeps) hold none of them. Findings about the whole list stay behind."""
    from fcschema.diagnostics import Position
    from fcschema.engine import Engine

    tools = [json.loads(BAD.format(n=n % 70)) for n in range(140)]  # every name twice
    data = tools if shape == "list" else {"model": "m", "tools": tools}
    engine = Engine()
    alone, _ = engine.lint_document(data)

    def spread(sites, lint_site):  # as workers do: copies come back, placed
        out = []
        for site in sites:
            found = pickle.loads(pickle.dumps(lint_site(site)))
            for diagnostic in found:
                diagnostic.location = Position(7, 7)
            out.append(found)
        return out

    memo = _RecordingMemo()
    apart, _ = engine.lint_document(data, memo=memo, spread=spread)

    def key(d):
        return d.code, d.pointer, d.message

    assert [key(d) for d in apart] == [key(d) for d in alone]
    duplicates = [d for d in apart if d.code == "FCS605"]
    assert len(duplicates) == 70 and all(d.location == Position(7, 7) for d in duplicates)
    # FCS604 (over 128 tools) and FCS703 (over 20) are about the list: placed later
    assert sorted(d.code for d in apart if d.location is None) == ["FCS604", "FCS703"]
    assert memo.kept and not any(d.code in ("FCS604", "FCS605", "FCS703") for d in memo.kept)


def test_duplicate_names_in_one_large_file_are_shown_as_one_process_shows_them(tmp_path, spread):
    tools = [json.loads(BAD.format(n=n % 200)) for n in range(2 * parallel.MIN_TOOLS_PER_JOB + 50)]
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(tools, indent=2), encoding="utf-8")
    one = run("check", "--jobs", "1", "--output-format", "concise", str(path))
    two = run("check", "--jobs", "2", "--output-format", "concise", str(path))
    assert spread == [2]
    assert one.stdout == two.stdout and two.stdout.count("FCS605") == 250


@pytest.mark.parametrize("count, jobs", [(1, 2), (7, 2), (400, 2), (3526, 2), (100_000, 2), (10_000_000, 1024)])
def test_chunks_cover_every_item_once_and_shrink_towards_the_end(count, jobs):
    chunks = parallel._chunks(count, jobs)
    assert chunks[0][0] == 0 and chunks[-1][1] == count
    assert all(end == next_start for (_, end), (next_start, _) in zip(chunks, chunks[1:]))
    sizes = [end - start for start, end in chunks]
    assert all(size > 0 for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert len(chunks) <= parallel.MAX_CHUNKS + 1  # their numbers fit in the work pipe at once
    if count >= 1000 and jobs == 2:  # the last chunks are a small part of what one process does
        assert sizes[-1] <= max(parallel.MIN_CHUNK, count // 100)
