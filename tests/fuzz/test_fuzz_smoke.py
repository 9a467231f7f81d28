"""A few seconds of the fuzzing harness inside the suite: every target on a sample of the
seed corpus and of damaged inputs, and the runner's command line. The long runs are
``python tests/fuzz/run.py --minutes N`` (see run.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import fuzz_targets  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SMALL_SEEDS = sorted((seed for seed in fuzz_targets.seed_corpus(ROOT) if len(seed) < 1500), key=len)[::12]
DAMAGED = [b"\x00" + b'{"type": "function", "function": {"name": "f", "strict": true, "parameters": {"type"',
           b"\x01type: function\nname: f\nparameters: {type: object, properties: {a: &a [*a]}}\n",
           b"\x00\xff\xfe{\x00}\x00", b"\x01\xef\xbb\xbf- - - [", b"\x00[NaN, -Infinity, 1e400]"]


@pytest.mark.parametrize("target", sorted(fuzz_targets.TARGETS))
def test_targets_accept_seeds_and_damaged_inputs(target):
    assert len(SMALL_SEEDS) >= 5
    for data in SMALL_SEEDS[:6] + DAMAGED:
        fuzz_targets.TARGETS[target](data)


def test_targets_detect_a_crash(monkeypatch):
    """The harness reports what escapes: a loader that raises is a failure."""
    from fcschema import document

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(document, "parse", broken)
    with pytest.raises(RuntimeError):
        fuzz_targets.target_loaders(DAMAGED[0])


def test_runner_command_line():
    done = subprocess.run([sys.executable, os.path.join(HERE, "run.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--minutes" in done.stdout and "--target" in done.stdout
    done = subprocess.run([sys.executable, os.path.join(HERE, "run.py"), "--target", "nope"],
                          capture_output=True, text=True)
    assert done.returncode == 2
