"""Fuzz targets and input generators for fcschema (used by run.py and the test suite).

Each target takes the bytes of one file and runs a part of fcschema on them, raising
(an AssertionError or whatever escaped) when it finds a bug:

* ``loaders``: decode, parse as JSON and as YAML, source-map every pointer, the converter's
  reader; a document comes back or diagnostics with a place, never an exception;
* ``rules``: ``fcschema check`` on the file under every target, fix edits attached, every
  output format written and encodable as UTF-8;
* ``fixer``: ``--fix`` (safe, then unsafe) writes a file that still parses, never reports
  "a bug in fcschema" (FCS007), and running it again changes nothing;
* ``converter``: ``convert`` both ways; what it writes loads again and holds no NaN.

``documents()`` is a hypothesis strategy of file contents: generated tool definitions,
requests and arbitrary JSON values, written as JSON or YAML in various styles and
encodings, sometimes damaged (truncated, bytes inserted or removed).
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from typing import Any, Callable, Dict, List

from hypothesis import strategies as st

KINDS = ("t.json", "t.yaml")

# ---------------------------------------------------------------------------------------
# Generators

KEYWORDS = ["type", "function", "name", "description", "parameters", "strict", "properties",
            "required", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "$ref", "$defs",
            "definitions", "enum", "const", "default", "pattern", "format", "nullable", "tools",
            "minimum", "maxLength", "prefixItems", "not", "examples", "json_schema", "schema",
            "response_format", "text", "messages", "input", "tool_calls", "role", "content",
            "functions", "tool_choice", "custom", "namespace", "inputSchema", "input_schema"]
WORDS = ["string", "object", "array", "integer", "number", "boolean", "null", "function", "custom",
         "#", "#/$defs/a", "#/definitions/a", "#/properties/a", "http://example.com/s.json",
         "^(?=a)b+$", "email", "date-time", "get_weather", "a b", "", "true", "~", "NaN", "1e400",
         "\u00e9t\u00e9", "\ud800", "\x1b[31m", "a\nb", "*a", "&a", "!!python/object"]


def _scalars():
    return st.one_of(
        st.none(), st.booleans(), st.integers(-(2 ** 70), 2 ** 70), st.floats(),
        st.sampled_from(WORDS), st.text(max_size=12))


def json_values(max_leaves: int = 25):
    keys = st.sampled_from(KEYWORDS) | st.text(max_size=6)
    return st.recursive(_scalars(), lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=6)), max_leaves=max_leaves)


def _schemas():
    leaf = st.one_of(
        st.fixed_dictionaries({"type": st.sampled_from(WORDS[:7])},
                              optional={"description": st.text(max_size=8), "default": _scalars(),
                                        "enum": st.lists(_scalars(), max_size=3), "nullable": st.booleans(),
                                        "format": st.sampled_from(WORDS), "const": _scalars()}),
        st.fixed_dictionaries({"$ref": st.sampled_from(WORDS[7:12])}),
        json_values(6))

    def extend(children):
        return st.one_of(
            st.fixed_dictionaries(
                {"type": st.just("object"), "properties": st.dictionaries(st.sampled_from(["a", "b", "c", "$ref"]),
                                                                          children, max_size=3)},
                optional={"required": st.lists(st.sampled_from(["a", "b", "c", "x"]), max_size=3),
                          "additionalProperties": st.one_of(st.booleans(), children),
                          "$defs": st.dictionaries(st.sampled_from(["a", "b"]), children, max_size=2)}),
            st.fixed_dictionaries({"type": st.just("array"), "items": children}),
            st.fixed_dictionaries({"anyOf": st.lists(children, max_size=3)}))

    return st.recursive(leaf, extend, max_leaves=10)


def _tools():
    schema = _schemas()
    name = st.sampled_from(["get_weather", "f", "a" * 70, "bad name", ""]) | st.text(max_size=5)
    strict = st.sampled_from([True, False, None, "yes"])

    def chat(n, s, p):
        function = {"name": n, "parameters": p}
        if s is not None:
            function["strict"] = s
        return {"type": "function", "function": function}

    def responses(n, s, p):
        tool = {"type": "function", "name": n, "parameters": p}
        if s is not None:
            tool["strict"] = s
        return tool

    return st.one_of(
        st.builds(chat, name, strict, schema),
        st.builds(responses, name, strict, schema),
        st.builds(lambda n, p: {"name": n, "inputSchema": p}, name, schema),
        st.builds(lambda n, p: {"type": "json_schema", "json_schema": {"name": n, "strict": True, "schema": p}},
                  name, schema),
        st.builds(lambda n: {"type": "custom", "name": n, "format": {"type": "text"}}, name),
        st.builds(lambda n, p: {"type": "namespace", "name": n, "tools": [responses(n, None, p)]}, name, schema))


def tool_documents():
    """Tools, lists, requests, conversations and arbitrary values."""
    tools = _tools()
    return st.one_of(
        tools,
        st.lists(tools, max_size=3),
        st.builds(lambda t: {"tools": t}, st.lists(tools, max_size=3)),
        st.builds(lambda t, c: {"model": "m", "tools": t, "tool_choice": c,
                                "messages": [{"role": "user", "content": "hi"}]},
                  st.lists(tools, max_size=2), st.sampled_from(["auto", "none", {"type": "function", "name": "f"}])),
        st.builds(lambda fs: {"functions": fs}, st.lists(tools.map(lambda t: t.get("function", t)), max_size=2)),
        json_values())


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_ ]*[A-Za-z0-9_]|[A-Za-z_]")


def yaml_text(value: Any, indent: int = 2) -> str:
    """Block-style YAML for a JSON value (strings quoted as JSON when not plain)."""

    def scalar(v):
        if isinstance(v, str):
            return v if _PLAIN.fullmatch(v) and v.lower() not in ("null", "true", "false", "yes", "no", "on",
                                                                     "off", "y", "n") else json.dumps(v)
        if isinstance(v, float) and v != v:
            return ".nan"
        if isinstance(v, float) and v in (float("inf"), float("-inf")):
            return ".inf" if v > 0 else "-.inf"
        return json.dumps(v)

    lines: List[str] = []

    def emit(v, column, prefix):
        """``prefix`` starts the first line; the other lines start at ``column``."""
        pad = " " * column
        if isinstance(v, dict) and v:
            for index, (k, child) in enumerate(v.items()):
                head = prefix if index == 0 else pad
                if isinstance(child, (dict, list)) and child:
                    lines.append(f"{head}{scalar(str(k))}:")
                    emit(child, column + indent, " " * (column + indent))
                else:
                    lines.append(f"{head}{scalar(str(k))}: {flow(child)}")
        elif isinstance(v, list) and v:
            for index, child in enumerate(v):
                head = prefix if index == 0 else pad
                if isinstance(child, (dict, list)) and child:
                    emit(child, column + 2, head + "- ")
                else:
                    lines.append(f"{head}- {flow(child)}")
        else:
            lines.append(f"{prefix}{flow(v)}")

    def flow(v):
        if isinstance(v, dict):
            return "{" + ", ".join(f"{scalar(str(k))}: {flow(c)}" for k, c in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(flow(c) for c in v) + "]"
        return scalar(v)

    emit(value, 0, "")
    return "\n".join(lines) + "\n"


@st.composite
def documents(draw, values=None) -> bytes:
    """The bytes of a file holding a generated document (the first byte of the name
    decides the kind: see ``split``)."""
    value = draw(values if values is not None else tool_documents())
    as_yaml = draw(st.booleans())
    if as_yaml:
        text = yaml_text(value, draw(st.sampled_from([2, 4]))) if draw(st.booleans()) else json.dumps(value)
    else:
        text = json.dumps(value, indent=draw(st.sampled_from([None, 2, "\t"])),
                          ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"]))
    data = text.encode(encoding, errors="surrogatepass")
    damage = draw(st.sampled_from(["none", "none", "none", "truncate", "insert", "delete"]))
    if damage != "none" and data:
        at = draw(st.integers(0, len(data)))
        if damage == "truncate":
            data = data[:at]
        elif damage == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
        else:
            data = data[:at] + data[at + draw(st.integers(1, 8)):]
    return bytes([1 if as_yaml else 0]) + data


def split(data: bytes):
    """(file name, content) of a fuzz input: the first byte picks JSON or YAML."""
    if not data:
        return "t.json", b""
    return KINDS[data[0] % 2], data[1:]


# ---------------------------------------------------------------------------------------
# Targets


def _pointers(value: Any, limit: int = 200):
    """Pointers of (up to ``limit``) nodes of a value, iteratively."""
    found = []
    stack = [((), value)]
    while stack and len(found) < limit:
        pointer, node = stack.pop()
        found.append(pointer)
        if isinstance(node, dict):
            stack.extend((pointer + (k,), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((pointer + (i,), v) for i, v in enumerate(node))
    return found


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def target_loaders(data: bytes) -> None:
    from fcschema.convert_io import InputError, load
    from fcschema.document import decode, parse
    from fcschema.fixops import get

    name, content = split(data)
    for filename in (name, KINDS[1 - KINDS.index(name)]):
        source, problem = decode(content, filename, None)
        if source is None:
            assert problem.code == "FCS002" and problem.location.row >= 1 and problem.location.column >= 1
            continue
        document, problems = parse(source)
        if document is None:
            assert problems and all(p.code == "FCS001" and p.location.row >= 1 for p in problems)
            continue
        text = source.text
        exact = (document.kind == "json" and not document.problems)  # no NaN, no duplicate key
        for pointer in _pointers(document.data):
            (start, end), _found = document.sourcemap.span(pointer)
            assert 0 <= start <= end <= len(text), (pointer, start, end)
            if exact:
                assert _same(json.loads(text[start:end]), get(document.data, pointer)), pointer
    text = content.decode("utf-8", errors="replace")
    for kind in ("json", "yaml"):
        try:
            load(text, name, kind)
        except InputError:
            pass


def _check(paths: List[str], **options):
    from fcschema.app import CheckOptions, check_paths

    return check_paths(CheckOptions(paths=paths, **options))


def _emit_all(result) -> None:
    from fcschema.app import attach_edits
    from fcschema.emitters import FORMATS, EmitContext, emit
    from fcschema.registry import by_code

    attach_edits(result)
    context = EmitContext(sources=result.sources, rules=by_code(), files_checked=result.files_checked,
                          version="0", fixed=result.applied)
    for fmt in FORMATS:
        out = io.StringIO()
        emit(fmt, result.diagnostics, out, context)
        out.getvalue().encode("utf-8")  # strict: what is printed must be printable


def _in_folder(data: bytes, fn: Callable[[str, str], None]) -> None:
    name, content = split(data)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as handle:
            handle.write(content)
        fn(folder, path)


def target_rules(data: bytes) -> None:
    from fcschema.engine import Settings
    from fcschema.targets import TARGETS

    def run(folder, path):
        for target in TARGETS.values():
            result = _check([path], settings=Settings(target=target))
            assert result.files and all(d.location is not None and d.location.row >= 1 for d in result.diagnostics)
            _emit_all(result)
        _check([folder])  # walked, not named

    _in_folder(data, run)


def target_fixer(data: bytes) -> None:
    from fcschema.document import decode, parse

    def run(folder, path):
        with open(path, "rb") as handle:
            before = handle.read()
        source, _ = decode(before, path, path)
        parsed = source is not None and parse(source)[0] is not None
        for unsafe in (False, True):
            result = _check([path], fix="apply", unsafe_fixes=unsafe)
            assert not any(d.code == "FCS007" for d in result.diagnostics), \
                [d.message for d in result.diagnostics if d.code == "FCS007"]
            with open(path, "rb") as handle:
                after = handle.read()
            if after != before:
                assert parsed, "a file that did not parse was changed"
                fixed, problem = decode(after, path, path)
                assert fixed is not None, problem.message
                assert fixed.encoding == source.encoding and fixed.bom == source.bom
                document, problems = parse(fixed)
                assert document is not None, problems[0].message
            again = _check([path], fix="apply", unsafe_fixes=unsafe)
            with open(path, "rb") as handle:
                assert handle.read() == after, "--fix is not idempotent"
            assert not again.applied
            before = after
        assert sorted(os.listdir(folder)) == [os.path.basename(path)]  # no temporary file left

    _in_folder(data, run)


def target_converter(data: bytes) -> None:
    from fcschema.convert import convert
    from fcschema.convert_io import InputError, dump, load

    name, content = split(data)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    for kind in ("json", "yaml"):
        try:
            document = load(text, name, kind)
        except InputError:
            continue
        for to in ("responses", "chat"):
            try:
                result = convert(document.data, to=to)
            except RecursionError:
                continue  # reported by the command as "nested too deeply to convert"
            if not result.ok:
                continue
            try:
                written = dump(document, result.data)
            except RecursionError:
                continue
            written.encode("utf-8")
            reread = load(written, name, kind)
            if kind == "json":
                json.loads(written, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(c)))
            assert reread.data is not None


TARGETS: Dict[str, Callable[[bytes], None]] = {
    "loaders": target_loaders,
    "rules": target_rules,
    "fixer": target_fixer,
    "converter": target_converter,
}


def seed_corpus(root: str) -> List[bytes]:
    """The bundled examples as fuzz inputs (both kinds)."""
    seeds = []
    for folder, _dirs, names in os.walk(os.path.join(root, "examples")):
        for file_name in sorted(names):
            if file_name.endswith((".json", ".yaml", ".yml")):
                with open(os.path.join(folder, file_name), "rb") as handle:
                    content = handle.read()
                seeds.append(bytes([0 if file_name.endswith(".json") else 1]) + content)
    return seeds
