"""Converted output passes `fcschema check` with no new errors: every example file (the
bundled tool sets and every rule's examples) is converted both ways and linted before
and after."""

from __future__ import annotations

from pathlib import Path

import pytest

from fcschema.convert import convert
from fcschema.document import parse, read_source
from fcschema.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for folder in ("examples/tools", "examples/convert", "examples/rules")
               for p in (ROOT / folder).rglob("*") if p.suffix in (".json", ".yaml", ".yml"))


def _errors(data):
    return {(d.code) for d in Engine().lint_data(data) if d.severity == "error"}


def _load(path: Path):
    source, problem = read_source(str(path), path.name)
    if source is None:
        return None
    document, _ = parse(source)
    return None if document is None else document.data


@pytest.mark.parametrize("to", ["responses", "chat"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_conversion_adds_no_error(path, to):
    data = _load(path)
    if data is None:
        pytest.skip("not parseable (a syntax example)")
    try:
        result = convert(data, to=to, drop_unsupported=True)
    except ValueError:
        pytest.skip("already in the target format")
    if not result.ok:
        assert result.errors  # refused with a reason rather than converted wrongly
        return
    before, after = _errors(data), _errors(result.data)
    assert after <= before, f"new errors after converting to {to}: {sorted(after - before)}"
