"""--jobs: the same output, files and exit code as one process, in discovery order."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from fcschema import parallel
from fcschema.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="--jobs forks its workers")

BAD = ('{{"type": "function", "function": {{"name": "tool_{n}", "strict": true, "parameters": '
       '{{"type": "object", "properties": {{"a": {{"type": "dict"}}, "b": {{"type": "string"}}}}, '
       '"required": ["a"]}}}}}}\n')


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "tools"
    for n in range(2 * parallel.MIN_FILES_PER_JOB + 10):
        folder = root / f"group{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"tool{n:03}.json").write_text(BAD.format(n=n) if n % 5 else '{"tools": [{"type": "function"', encoding="utf-8")
    (root / "package.json").write_text('{"name": "not tools"}', encoding="utf-8")
    return root


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "full"])
def test_jobs_print_what_one_process_prints(tree, fmt):
    one = run("check", "--output-format", fmt, str(tree))
    two = run("check", "--jobs", "2", "--output-format", fmt, str(tree))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    if fmt == "json":
        records = json.loads(two.stdout)
        assert {r["code"] for r in records} >= {"FCS001", "FCS101", "FCS102", "FCS109"}
        assert any(r["fix"] and r["fix"]["edits"] for r in records)  # edits made by the workers


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
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", refuse)
    one_folder = next(p for p in tree.iterdir() if p.is_dir())
    assert run("check", "--jobs", "2", str(one_folder)).exit_code == 1
    # many files, but one of them is standard input (read once, by this process)
    piped = run("check", "--jobs", "2", "--output-format", "concise", str(tree), "-", input=BAD.format(n=999))
    assert piped.exit_code == 1 and "<stdin>:1:" in piped.stdout
    assert parallel.job_count(0, 10) == 1 and parallel.job_count(4, 4 * parallel.MIN_FILES_PER_JOB) == 4
