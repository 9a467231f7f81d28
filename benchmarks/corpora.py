"""The benchmark's inputs: the BFCL function definitions, and a seeded synthetic generator.

BFCL (the Berkeley Function Calling Leaderboard) ships its test data in the ``bfcl-eval``
package as JSON-lines files: a test case's ``function`` holds a list of function
definitions (``{name, description, parameters}``), and ``multi_turn_func_doc/*.json`` hold
one definition a line. They are extracted as they are (BFCL's own types such as "dict",
"float", "tuple" and "any" included: that is what users feed a linter), de-duplicated by
content, and written as

* one large JSON file of Chat Completions tools (``{"type": "function", "function": {...}}``)
  and one of Responses tools (``{"type": "function", "name", ...}``), without ``strict``;
* one file per tool in a folder tree (``<dataset>/<nnnn>-<name>.json``), in JSON and in YAML.

The synthetic generator makes mixed Chat/Responses tool sets from 10 to 100,000 tools with
a seeded random generator (so every run measures the same files), plus a deep schema and
a wide one.
"""

from __future__ import annotations

import glob
import json
import os
import random
import re
import shutil
from typing import Any, Dict, Iterator, List, Tuple

CORPUS_VERSION = "2"   # bump to rebuild the corpora after changing this module

# ---------------------------------------------------------------------------------------
# BFCL


def bfcl_functions(package_dir: str) -> List[Tuple[str, dict]]:
    """(dataset, function definition) for every distinct definition in bfcl-eval's data.

    ``dataset`` is the data file's path below ``bfcl_eval/data`` without its suffix (the
    first file a definition appears in). Lines that are not JSON (one file is a plain JSON
    document, not JSON lines) and entries that are not definitions are skipped.
    """
    data_dir = os.path.join(package_dir, "bfcl_eval", "data")
    if not os.path.isdir(data_dir):
        raise FileNotFoundError(f"no bfcl_eval/data folder in {package_dir}")
    seen: Dict[str, Tuple[str, dict]] = {}
    for path in sorted(glob.glob(os.path.join(data_dir, "**", "*.json"), recursive=True)):
        dataset = os.path.splitext(os.path.relpath(path, data_dir))[0].replace(os.sep, "/")
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                for function in _definitions(line):
                    key = json.dumps(function, sort_keys=True, ensure_ascii=False)
                    seen.setdefault(key, (dataset, function))
    return list(seen.values())


def _definitions(line: str) -> Iterator[dict]:
    line = line.strip()
    if not line:
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return
    if _is_definition(record):                       # multi_turn_func_doc: one a line
        yield record
    elif isinstance(record, dict) and isinstance(record.get("function"), list):
        yield from (f for f in record["function"] if _is_definition(f))


def _is_definition(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("name"), str) and "parameters" in value


def chat_tool(function: dict) -> dict:
    """Chat Completions tool: name, description (when the definition has one), parameters."""
    inner = {"name": function["name"]}
    if "description" in function:
        inner["description"] = function["description"]
    inner["parameters"] = function["parameters"]
    return {"type": "function", "function": inner}


def responses_tool(function: dict) -> dict:
    """Responses tool: the same fields, flat."""
    return {"type": "function", **chat_tool(function)["function"]}


def write_bfcl(functions: List[Tuple[str, dict]], out_dir: str) -> Dict[str, str]:
    """Every BFCL form the benchmark reads; returns their paths by name."""
    paths = {
        "chat.json": os.path.join(out_dir, "chat.json"),
        "responses.json": os.path.join(out_dir, "responses.json"),
        "chat-tree": os.path.join(out_dir, "chat-tree"),
        "yaml-tree": os.path.join(out_dir, "yaml-tree"),
    }
    _write_json(paths["chat.json"], [chat_tool(f) for _, f in functions])
    _write_json(paths["responses.json"], [responses_tool(f) for _, f in functions])
    for key in ("chat-tree", "yaml-tree"):
        shutil.rmtree(paths[key], ignore_errors=True)
    for number, (dataset, function) in enumerate(functions, 1):
        stem = os.path.join(*dataset.split("/"), f"{number:04d}-{_safe(function['name'])}")
        tool = chat_tool(function)
        _write_text(os.path.join(paths["chat-tree"], stem + ".json"), json.dumps(tool, indent=2, ensure_ascii=False) + "\n")
        _write_text(os.path.join(paths["yaml-tree"], stem + ".yaml"), to_yaml(tool))
    return paths


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:80]


def _write_json(path: str, value: Any) -> None:
    _write_text(path, json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _write_text(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


# ---------------------------------------------------------------------------------------
# YAML, written the way people write it by hand: block style, plain scalars where YAML
# reads them back as the same string, JSON-style double quotes otherwise.

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_ .()/-]*[A-Za-z0-9_.)]|[A-Za-z_]")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def to_yaml(value: Any) -> str:
    return "".join(_yaml_lines(value, 0)) or _scalar(value) + "\n"


def _yaml_lines(value: Any, indent: int) -> Iterator[str]:
    pad = " " * indent
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _yaml_entry(f"{pad}{_scalar(key)}:", child, indent)
    elif isinstance(value, list):
        for child in value:
            if isinstance(child, dict) and child:
                lines = list(_yaml_lines(child, indent + 2))
                yield f"{pad}- {lines[0][indent + 2:]}"
                yield from lines[1:]
            else:
                yield from _yaml_entry(f"{pad}-", child, indent)


def _yaml_entry(head: str, child: Any, indent: int) -> Iterator[str]:
    if isinstance(child, (dict, list)) and child:
        yield head + "\n"
        yield from _yaml_lines(child, indent + 2)
    elif isinstance(child, dict):
        yield head + " {}\n"
    elif isinstance(child, list):
        yield head + " []\n"
    else:
        yield f"{head} {_scalar(child)}\n"


# ---------------------------------------------------------------------------------------
# Synthetic tool sets

_WORDS = ("city", "unit", "query", "limit", "offset", "user", "account", "amount", "currency",
          "date", "start", "end", "title", "body", "tags", "status", "priority", "owner", "email",
          "url", "path", "mode", "format", "language", "region", "items", "quantity", "price",
          "note", "filter", "sort", "order", "page", "size", "color", "level", "score", "name")
_FORMATS = ("date", "date-time", "email", "uri", "uuid")


class _Generator:
    """Realistic tool definitions with a realistic share of problems: about half the
    tools are strict, some objects lack `additionalProperties: false`, some properties
    are optional, and a few use keywords strict mode rejects."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def word(self) -> str:
        return self.random.choice(_WORDS)

    def description(self) -> str:
        words = [self.word() for _ in range(self.random.randint(2, 9))]
        return " ".join(words).capitalize() + "."

    def leaf(self) -> dict:
        r = self.random.random()
        if r < 0.40:
            node = {"type": "string"}
            if self.random.random() < 0.1:
                node["format"] = self.random.choice(_FORMATS)
            if self.random.random() < 0.05:
                node["minLength"] = 1
        elif r < 0.55:
            node = {"type": "integer"}
            if self.random.random() < 0.3:
                node["minimum"] = 0
        elif r < 0.65:
            node = {"type": "number"}
        elif r < 0.75:
            node = {"type": "boolean"}
        elif r < 0.90:
            node = {"type": "string", "enum": sorted({self.word() for _ in range(self.random.randint(2, 6))})}
        else:
            node = {"type": ["string", "null"]}
        if self.random.random() < 0.8:
            node["description"] = self.description()
        if self.random.random() < 0.05:
            node["default"] = None if node["type"] != "integer" else 10
        return node

    def node(self, depth: int) -> dict:
        r = self.random.random()
        if depth < 3 and r < 0.12:
            return self.obj(depth + 1, self.random.randint(1, 5))
        if depth < 3 and r < 0.22:
            return {"type": "array", "description": self.description(), "items": self.node(depth + 1)}
        return self.leaf()

    def obj(self, depth: int, width: int) -> dict:
        names = []
        while len(names) < width:
            name = self.word()
            names.append(name if name not in names else f"{name}_{len(names)}")
        properties = {name: self.node(depth) for name in names}
        required = [n for n in names if self.random.random() < 0.85]
        node = {"type": "object", "properties": properties, "required": required}
        if self.random.random() < 0.8:
            node["additionalProperties"] = False
        return node

    def tool(self, index: int) -> dict:
        name = f"{self.word()}_{self.word()}_{index}"
        parameters = self.obj(1, self.random.randint(1, 8))
        function = {"name": name, "description": self.description(), "parameters": parameters}
        strict = self.random.random()
        if strict < 0.5:
            function["strict"] = True
        elif strict < 0.6:
            function["strict"] = False
        if self.random.random() < 0.5:
            return {"type": "function", "function": function}
        return {"type": "function", **function}


def synthetic_tools(count: int, seed: int = 2024) -> Iterator[dict]:
    generator = _Generator(seed)
    return (generator.tool(index) for index in range(count))


def _write_tool_list(path: str, count: int) -> None:
    """The same text as ``json.dumps(list(synthetic_tools(count)), indent=2)``, written one
    tool at a time (the largest list would take gigabytes as Python objects)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("[\n")
        for index, tool in enumerate(synthetic_tools(count)):
            handle.write((",\n" if index else "") + "  " + json.dumps(tool, indent=2, ensure_ascii=False).replace("\n", "\n  "))
        handle.write("\n]\n")


def deep_tool(levels: int) -> dict:
    """A strict tool whose arguments nest ``levels`` objects deep (over the API's limit of
    10, so the depth rule fires once; every level is otherwise valid)."""
    schema: dict = {"type": "string", "description": "The innermost value."}
    for level in range(levels, 0, -1):
        schema = {"type": "object", "description": f"Level {level}.", "properties": {"value": schema, "label": {"type": "string"}},
                  "required": ["value", "label"], "additionalProperties": False}
    return {"type": "function", "function": {"name": "deep", "description": "Deeply nested arguments.",
                                             "strict": True, "parameters": schema}}


def wide_tool(width: int, seed: int = 7) -> dict:
    """A strict tool with ``width`` properties at the root, a tenth of them optional."""
    generator = _Generator(seed)
    properties = {f"field_{index}": generator.leaf() for index in range(width)}
    required = [key for index, key in enumerate(properties) if index % 10]
    return {"type": "function", "function": {"name": "wide", "description": "Very many arguments.",
                                             "strict": True,
                                             "parameters": {"type": "object", "properties": properties,
                                                            "required": required, "additionalProperties": False}}}


def write_synthetic(out_dir: str, sizes: List[int]) -> Dict[str, str]:
    paths = {}
    for size in sizes:
        path = os.path.join(out_dir, f"tools-{size}.json")
        if not os.path.exists(path):
            _write_tool_list(path, size)
        paths[f"tools-{size}"] = path
    for name, make in (("deep", lambda: [deep_tool(200)]), ("wide", lambda: [wide_tool(5000)])):
        path = os.path.join(out_dir, f"{name}.json")
        if not os.path.exists(path):
            _write_json(path, make())
        paths[name] = path
    return paths
