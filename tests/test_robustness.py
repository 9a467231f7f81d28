"""Schemas that must not hang or explode, no network access ever, and `--fix` that cannot
lose data (issue 8). Bad files and bytes are in test_hostile_input.py."""

from __future__ import annotations

import codecs
import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from fcschema.cli import main

FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "gitlab", "sarif", "junit", "pylint")


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def codes(*args):
    result = run("check", "--output-format", "json", *args)
    return result.exit_code, [r["code"] for r in json.loads(result.stdout)]


def strict_tool(parameters, name="f"):
    return {"type": "function", "function": {"name": name, "description": "d.", "strict": True,
                                             "parameters": parameters}}


def write_json(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------------------------------
# References


def _with_defs(defs, root_ref="#/$defs/a"):
    return strict_tool({"type": "object", "properties": {"x": {"$ref": root_ref, "description": "x."}},
                        "required": ["x"], "additionalProperties": False, "$defs": defs})


@pytest.mark.parametrize("defs, root_ref, expected", [
    ({"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "#/$defs/a", "FCS404"),
    ({"a": {"$ref": "#/$defs/a"}}, "#/$defs/a", "FCS404"),
    ({f"d{i}": {"$ref": f"#/$defs/d{i + 1}"} for i in range(2000)} | {"d2000": {"$ref": "#/$defs/d0"}},
     "#/$defs/d0", "FCS404"),
    ({"a": {"type": "string"}}, "#/$defs/missing", "FCS401"),
    ({"a": {"type": "string"}}, "#/$defs/a/properties/x/items", "FCS401"),
    ({"a": {"type": "string"}}, "#/$defs/a~2", "FCS401"),
    ({"a": {"type": "string"}}, "other.json#/a", "FCS402"),
    ({"a": {"type": "string"}}, "https://example.com/schema.json#/a", "FCS402"),
    ({"a": {"type": "string"}}, "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "FCS402"),
])
def test_reference_problems_are_reported_not_followed(tmp_path, defs, root_ref, expected):
    path = write_json(tmp_path, "refs.json", _with_defs(defs, root_ref))
    exit_code, found = codes(path)
    assert exit_code == 1 and expected in found
    for args in (("--fix", "--unsafe-fixes"), ("--output-format", "sarif")):
        assert run("check", *args, path).exit_code in (0, 1)
    assert run("convert", path, "--to", "responses").exit_code in (0, 1)


def _exponential(levels):
    """Each definition refers to the previous one twice: 2**levels paths if expanded."""
    defs = {"d0": {"type": "string", "description": "leaf."}}
    for i in range(1, levels + 1):
        ref = {"$ref": f"#/$defs/d{i - 1}"}
        defs[f"d{i}"] = {"type": "object", "description": f"level {i}.", "properties": {"l": ref, "r": dict(ref)},
                         "required": ["l", "r"], "additionalProperties": False}
    return defs


def test_references_whose_expansion_is_exponential(tmp_path, monkeypatch):
    """Counted, not timed: references are resolved a number of times that grows with the
    definitions (60 here), where expanding them would take 2**60 steps."""
    from fcschema.refs import Resolver

    resolved = []
    real = Resolver.resolve

    def counting(self, ref):
        resolved.append(ref)
        return real(self, ref)

    monkeypatch.setattr(Resolver, "resolve", counting)
    path = write_json(tmp_path, "exp.json", _with_defs(_exponential(60), "#/$defs/d60"))
    exit_code, found = codes(path)
    assert "FCS502" in found  # nested deeper than the API allows, through the references
    yaml_path = tmp_path / "exp.yaml"
    yaml_path.write_text(json.dumps(json.loads(open(path).read())), encoding="utf-8")  # JSON is YAML
    for target in (path, str(yaml_path)):
        run("check", "--fix", "--unsafe-fixes", target)
        run("check", "--output-format", "sarif", target)
        run("convert", target, "--to", "responses")
    assert 0 < len(resolved) < 20_000  # about 4,000 across the seven commands; expanding: 2**60


def test_remote_and_missing_references_with_their_places(tmp_path):
    data = strict_tool({"type": "object", "properties": {
        "a": {"$ref": "https://example.com/a.json"}, "b": {"$ref": "#/$defs/nope"}},
        "required": ["a", "b"], "additionalProperties": False})
    result = run("check", "--output-format", "json", write_json(tmp_path, "r.json", data))
    found = {(r["code"], r["pointer"]) for r in json.loads(result.stdout)}
    assert ("FCS402", "/function/parameters/properties/a/$ref") in found
    assert ("FCS401", "/function/parameters/properties/b/$ref") in found


def test_no_network_access_in_any_command(tmp_path, monkeypatch):
    """Remote `$ref`, `$schema` and `$id` are never fetched: any attempt to open a socket
    or a URL during check (every format), fix, diff, convert and rule fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.com/tool.json",
              "type": "object", "properties": {
                  "a": {"$ref": "https://example.com/defs.json#/a"},
                  "b": {"$ref": "http://127.0.0.1:9/b.json"},
                  "c": {"$ref": "//example.com/c"}, "d": {"type": "string", "format": "uri"}}}
    paths = [write_json(tmp_path, "remote.json", [strict_tool(schema), {"type": "function", "name": "g",
                                                                         "parameters": schema}])]
    yaml_path = tmp_path / "remote.yaml"
    yaml_path.write_text("tools:\n  - type: function\n    name: h\n    parameters: " + json.dumps(schema) + "\n")
    paths.append(str(yaml_path))
    for fmt in FORMATS:
        run("check", "--output-format", fmt, *paths)
    run("check", "--diff", "--unsafe-fixes", *paths)
    run("check", "--fix", "--unsafe-fixes", *paths)
    for path in paths:
        run("convert", path, "--to", "chat")
        run("convert", path, "--to", "responses")
    run("rule", "--all", "--output-format", "json")
    assert attempts == []


# ---------------------------------------------------------------------------------------
# Size


def test_an_enum_of_100000_values(tmp_path):
    values = [f"value-{i}" for i in range(100_000)]
    data = strict_tool({"type": "object", "properties": {"kind": {"type": "string", "enum": values},
                                                         "other": {"type": "integer"}},
                        "required": ["kind"], "additionalProperties": False})
    path = write_json(tmp_path, "enum.json", data)
    # (Not timed: a pass over the values once per value would not finish at all.)
    exit_code, found = codes(path)
    assert exit_code == 1 and {"FCS504", "FCS102"} <= set(found)
    for fmt in ("full", "sarif", "github"):
        run("check", "--output-format", fmt, path)
    run("check", "--fix", path)
    fixed = json.load(open(path))["function"]["parameters"]
    assert fixed["required"] == ["kind", "other"] and fixed["properties"]["kind"]["enum"] == values
    assert run("convert", path, "--to", "responses").exit_code == 0


# ---------------------------------------------------------------------------------------
# --fix cannot lose data

BROKEN = {"type": "function", "function": {"name": "f", "strict": True, "parameters": {
    "type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer", "default": 3}},
    "required": ["a"]}}}


def _assert_strict_clean(path):
    exit_code, found = codes(path)
    assert not {"FCS101", "FCS102", "FCS001", "FCS002", "FCS007"} & set(found), found


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)])
@pytest.mark.parametrize("kind", ["json", "yaml"])
def test_fix_keeps_encoding_bom_and_crlf(tmp_path, encoding, bom, kind):
    text = json.dumps(BROKEN, indent=2) + "\n" if kind == "json" else (
        "# a comment\ntype: function\nfunction:\n  name: f\n  strict: true\n  parameters:\n    type: object\n"
        "    properties:\n      a: {type: string}\n      b:\n        type: integer\n        default: 3\n"
        "    required: [a]\n")
    path = tmp_path / f"t.{kind}"
    path.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    run("check", "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(bom)
    if not bom and encoding == "utf-8":
        assert not data.startswith(codecs.BOM_UTF8)
    fixed = data[len(bom):].decode(encoding)
    assert fixed != text.replace("\n", "\r\n")
    assert "\n" not in fixed.replace("\r\n", "")  # every line still ends in CRLF
    assert fixed.endswith("\r\n")
    _assert_strict_clean(str(path))


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_fix_keeps_permissions(tmp_path, mode):
    path = write_json(tmp_path, "t.json", BROKEN)
    os.chmod(path, mode)
    run("check", "--fix", path)
    assert stat.S_IMODE(os.stat(path).st_mode) == mode
    _assert_strict_clean(path)
    assert os.listdir(tmp_path) == ["t.json"]


def test_fix_through_a_symlink_keeps_the_link(tmp_path):
    """Regression: the rename replaced the link by a regular file and left its target
    unfixed."""
    target = write_json(tmp_path, "real.json", BROKEN)
    link = tmp_path / "link.json"
    os.symlink("real.json", link)
    run("check", "--fix", str(link))
    assert os.path.islink(link) and os.readlink(link) == "real.json"
    _assert_strict_clean(target)
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real.json"]
    convert_link = tmp_path / "convert.json"
    os.symlink("real.json", convert_link)
    run("convert", str(convert_link), "--to", "responses", "--in-place")
    assert os.path.islink(convert_link)
    assert json.load(open(target))["name"] == "f"


def test_read_only_files_are_not_fixed(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: every file is writable (os.access says so)")
    path = write_json(tmp_path, "t.json", BROKEN)
    before = open(path).read()
    os.chmod(path, 0o444)
    result = run("check", "--fix", "--output-format", "concise", path)
    assert "FCS007" in result.output and "read-only" in result.output
    assert open(path).read() == before


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from fcschema import fixes

    path = write_json(tmp_path, "t.json", BROKEN)
    before = open(path).read()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "fsync", disk_full)
    result = run("check", "--fix", "--output-format", "concise", path)
    assert "FCS007" in result.output and "No space left" in result.output
    assert open(path).read() == before
    assert os.listdir(tmp_path) == ["t.json"]


def test_a_file_changed_during_the_run_is_not_overwritten(tmp_path, monkeypatch):
    from fcschema import fixes

    path = write_json(tmp_path, "t.json", BROKEN)
    real = fixes.write_atomic

    def edited_meanwhile(source, text):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n")  # the user saved the file in an editor
        return real(source, text)

    monkeypatch.setattr(fixes, "write_atomic", edited_meanwhile)
    result = run("check", "--fix", "--output-format", "concise", path)
    assert "changed since it was read" in result.output
    assert open(path).read() == json.dumps(BROKEN, indent=2) + "\n"


def test_killed_fix_leaves_the_old_or_the_new_file(tmp_path):
    """SIGKILL at random moments of `fcschema check --fix` on a large file: the file is
    always the whole old text or the whole fixed text, never a mix or a truncation."""
    tools = [dict(BROKEN, function=dict(BROKEN["function"], name=f"t{i}")) for i in range(3000)]
    original = json.dumps(tools, indent=2)
    path = tmp_path / "big.json"
    path.write_text(original, encoding="utf-8")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "fcschema", "check", "--fix", str(path)], capture_output=True)
    duration = time.monotonic() - started  # killed between 20% and 110% of it below
    fixed = path.read_text(encoding="utf-8")
    assert fixed != original
    rng = random.Random(8)
    for _ in range(8):
        path.write_text(original, encoding="utf-8")
        process = subprocess.Popen([sys.executable, "-m", "fcschema", "check", "--fix", str(path)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.1) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert path.read_text(encoding="utf-8") in (original, fixed)
    # a temporary file may be left by SIGKILL (nothing can remove it), never a partial target
    leftovers = [name for name in os.listdir(tmp_path) if name != "big.json"]
    assert all(name.startswith(".fcschema-") and name.endswith(".tmp") for name in leftovers)


def _counting_reads(monkeypatch):
    import fcschema.document as document

    calls = []
    real_read = os.read

    def read(handle, size):
        data = real_read(handle, size)
        calls.append(len(data))
        return data

    monkeypatch.setattr(document.os, "read", read)
    return document, calls


@pytest.mark.parametrize("size", [0, 1, 5_000, 200_000])
def test_a_regular_file_is_read_whole_in_one_read(tmp_path, monkeypatch, size):
    text = ('{"description": "' + "x" * size + '"}\n')
    path = tmp_path / "t.json"
    path.write_text(text)
    document, calls = _counting_reads(monkeypatch)
    source, problem = document.read_source(str(path), "t.json")
    assert problem is None and source.text == text
    assert calls == [len(text)]  # fewer bytes than asked: the end, no read more to confirm it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_read_to_its_end(tmp_path, monkeypatch):
    # A pipe gives what has been written so far: a short read is not its end.
    path = tmp_path / "t.json"
    os.mkfifo(path)
    parts = [b'{"type": "function", ', b'"name": "a"}']

    def write():
        with open(path, "wb", buffering=0) as pipe:
            for part in parts:
                pipe.write(part)
                time.sleep(0.05)

    import threading

    writer = threading.Thread(target=write)
    writer.start()
    document, calls = _counting_reads(monkeypatch)
    source, problem = document.read_source(str(path), "t.json")
    writer.join()
    assert problem is None and source.text == b"".join(parts).decode()
    assert calls[-1] == 0
