"""A node rule's ``NODES`` only saves calls: with or without the gates, the engine finds
exactly the same diagnostics, on every target."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz"))

import fuzz_targets  # noqa: E402

from fcschema import engine as engine_module  # noqa: E402
from fcschema.engine import Engine, Settings  # noqa: E402
from fcschema.registry import all_rules  # noqa: E402
from fcschema.targets import TARGETS  # noqa: E402


def _findings(data, target):
    found = Engine(Settings(target=TARGETS[target])).lint_data(data)
    return sorted((d.code, d.pointer, d.message, d.severity) for d in found)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(fuzz_targets.tool_documents())
def test_gates_change_nothing(data):
    for target in TARGETS:
        gated = _findings(data, target)
        real_gate = engine_module._gate
        engine_module._gate = lambda info: None
        try:
            ungated = _findings(data, target)
        finally:
            engine_module._gate = real_gate
        assert gated == ungated


@pytest.mark.parametrize("info", [r for r in all_rules() if hasattr(r.module, "check_node")], ids=lambda r: r.code)
def test_every_gate_is_well_formed(info):
    nodes = getattr(info.module, "NODES", None)
    assert nodes is None or nodes == "root" or (
        not isinstance(nodes, str) and all(isinstance(k, str) for k in nodes) and len(nodes) > 0)
