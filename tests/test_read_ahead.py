"""Files are read a few at a time before they are checked (app.read_ahead)."""

from __future__ import annotations

from fcschema import app
from fcschema.discovery import Candidate


def _files(tmp_path, count, size=10):
    paths = []
    for n in range(count):
        path = tmp_path / f"f{n:03}.json"
        path.write_text('{"a": "' + "x" * size + '"}', encoding="utf-8")
        paths.append(Candidate(str(path), str(path), True))
    return paths


def _reads_before_each_yield(monkeypatch, candidates):
    """How many files had been read when each candidate came out."""
    reads = []
    real = app.read_candidate

    def reading(candidate, max_bytes):
        reads.append(candidate)
        return real(candidate, max_bytes)

    monkeypatch.setattr(app, "read_candidate", reading)
    seen = []
    out = []
    for candidate, read in app.read_ahead(candidates, 1 << 30):
        seen.append(len(reads))
        out.append((candidate, read))
    assert reads == candidates  # each file read once, in order
    return seen, out


def test_files_come_out_in_order_with_what_reading_them_gives(tmp_path, monkeypatch):
    candidates = _files(tmp_path, 70)
    missing = Candidate(str(tmp_path / "gone.json"), "gone.json", True)
    candidates.insert(40, missing)
    _seen, out = _reads_before_each_yield(monkeypatch, candidates)
    assert [candidate for candidate, _read in out] == candidates
    for candidate, (source, problem) in out:
        if candidate is missing:
            assert source is None and problem.code == "FCS002"
        else:
            assert problem is None and source.text == open(candidate.path, encoding="utf-8").read()


def test_small_files_are_read_a_batch_ahead(tmp_path, monkeypatch):
    batch = app.READ_AHEAD_FILES
    seen, _out = _reads_before_each_yield(monkeypatch, _files(tmp_path, 2 * batch + 5))
    assert seen == [batch] * batch + [2 * batch] * batch + [2 * batch + 5] * 5


def test_large_files_are_read_fewer_at_a_time(tmp_path, monkeypatch):
    size = app.READ_AHEAD_CHARS // 2 + 1  # two of them pass the limit
    seen, _out = _reads_before_each_yield(monkeypatch, _files(tmp_path, 5, size))
    assert seen == [2, 2, 4, 4, 5]
