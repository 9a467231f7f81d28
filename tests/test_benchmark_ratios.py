"""The benchmark's ratios pair the runs of one round (benchmarks/run.py): a machine whose
speed drifts between rounds must not move them."""

import importlib.util
import os
import sys

import pytest

_RUN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks", "run.py")


@pytest.fixture(scope="module")
def run_module():
    spec = importlib.util.spec_from_file_location("fcschema_benchmark_run", _RUN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def test_ratio_is_the_median_of_the_rounds(run_module):
    # Round 2 ran at half speed for the reference and had slowed down by the time the
    # other command ran: the ratio of the medians would say 5, the rounds say 10.
    fcschema = [0.5, 1.0, 1.0]
    reference = [5.0, 5.0, 10.0]
    assert run_module.paired_ratio(reference, fcschema) == pytest.approx(10.0)


def test_ratio_of_a_command_with_fewer_runs_uses_the_rounds_it_ran(run_module):
    # The reference ran in the first three rounds only; the later, slower rounds of the
    # other command (had they been counted, its median would be 1.0) are left out.
    fast = [0.5, 0.6, 0.5, 1.0, 1.0]
    reference = [5.0, 6.0, 5.0]
    assert run_module.paired_ratio(reference, fast) == pytest.approx(10.0)


def test_one_slow_round_does_not_move_the_ratio(run_module):
    assert run_module.paired_ratio([2.0, 2.0, 9.0], [1.0, 1.0, 1.0]) == pytest.approx(2.0)


def test_growth_split_pairs_the_rounds(run_module):
    def case(user, system, faults):
        return run_module.Case("k", [], user=user, system=system, faults=faults)

    smaller = case([1.0, 2.0, 1.0], [0.1, 0.1, 0.2], [1000, 1000, 1000])
    larger = case([10.0, 20.0, 11.0], [2.0, 2.0, 4.0], [9000, 10000, 9500])
    assert run_module.cpu_growth(larger, smaller) == "user CPU 10.0x, system 20.0x, page faults 9.5x"


def test_a_run_reports_its_cpu_time_and_page_faults(run_module, tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "WORK", str(tmp_path))
    # Touching 64 MiB of new memory costs page faults and CPU time, and shows in the peak.
    run = run_module.run_once([sys.executable, "-c", "b = bytearray(64 << 20)"], dict(os.environ))
    assert run.code == 0
    assert run.peak_kib > 60 << 10
    assert run.faults > (32 << 20) // 4096
    assert run.user + run.system > 0
