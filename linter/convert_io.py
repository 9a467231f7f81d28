"""Read a document for conversion and write the converted one back in the input's own style.

JSON goes through the stdlib parser and is written with the input's indentation, separators,
line endings and key order. YAML is loaded with ruamel.yaml round-trip, and the converted data
is grafted onto the loaded tree, so comments survive wherever the structure allows (including
keys that move one level up or down, such as Chat ``function.name`` <-> Responses ``name``).
ruamel.yaml is imported only when a YAML document is involved. ``PointerPositions`` turns the
converter's JSON pointers back into line:col in the input, for the messages.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, Union

if TYPE_CHECKING:
    from .diagnostics import Position

JSON = "json"
YAML = "yaml"
_YAML_SUFFIXES = (".yaml", ".yml")


class InputError(Exception):
    """The input cannot be read or parsed; the message names the file and the place."""


@dataclass
class JsonStyle:
    indent: Union[int, str, None]
    separators: Tuple[str, str]
    ensure_ascii: bool


@dataclass
class YamlStyle:
    mapping: int
    sequence: int
    offset: int


@dataclass
class Document:
    """A parsed input plus everything needed to write a converted version the same way."""

    filename: str
    kind: str  # JSON or YAML
    data: Any
    style: Union[JsonStyle, YamlStyle]
    newline: str = "\n"
    final_newline: bool = True
    bom: bool = False


def decode(raw: bytes, filename: str) -> Tuple[str, bool]:
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8-sig"), bom
    except UnicodeDecodeError as exc:
        raise InputError(f"{filename}: not UTF-8 text (byte {exc.start})") from None


def read_path(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def sniff_kind(text: str, filename: str, hint: str = "auto") -> str:
    """JSON or YAML: the explicit hint, else the file suffix, else the first character."""
    if hint in (JSON, YAML):
        return hint
    lower = filename.lower()
    if lower.endswith(".json"):
        return JSON
    if lower.endswith(_YAML_SUFFIXES):
        return YAML
    return JSON if text.lstrip()[:1] in ("{", "[") else YAML


def load(text: str, filename: str, kind: str, bom: bool = False) -> Document:
    newline = "\r\n" if "\r\n" in text else "\n"
    final_newline = text.endswith(("\n", "\r"))
    if kind == JSON:
        constants: list = []
        try:
            data = json.loads(text, parse_constant=lambda name: constants.append(name) or float(name))
            style: Union[JsonStyle, YamlStyle] = _json_style(text, data)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{filename}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}"
            ) from None
        except RecursionError:
            raise InputError(f"{filename}: invalid JSON: nested too deeply") from None
        except ValueError as exc:  # an integer of more than 4300 digits
            raise InputError(f"{filename}: invalid JSON: {exc}") from None
        if constants:  # NaN and Infinity are not JSON: the output would not be either
            from .document import non_finite_problems
            from .source import Source

            problem = non_finite_problems(Source(filename, text))[0]
            raise InputError(f"{filename}:{problem.location.row}:{problem.location.column}: "
                             f"invalid JSON: {problem.message}")
    else:
        data, style = _load_yaml(text, filename)
    if data is None:
        raise InputError(f"{filename}: the document is empty")
    return Document(filename, kind, data, style, newline, final_newline, bom)


def dump(doc: Document, data: Any) -> str:
    """The converted ``data`` as text in the style of ``doc``."""
    if doc.kind == JSON:
        style = doc.style
        assert isinstance(style, JsonStyle)
        text = json.dumps(
            data, indent=style.indent, separators=style.separators,
            ensure_ascii=style.ensure_ascii,
        )
        if _SURROGATE.search(text):  # a lone surrogate (from a \ud800 escape) stays an escape
            text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        text = text + "\n" if doc.final_newline else text
    else:
        text = _dump_yaml(doc, data)
        if not doc.final_newline:
            text = text.rstrip("\n")
    if doc.newline != "\n":
        text = text.replace("\n", doc.newline)
    return text


def write_atomic(path: str, text: str, bom: bool = False) -> None:
    """Write through a temporary file in the same folder, so a failure leaves no half file.
    A symbolic link stays a link: the file it points to is replaced."""
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(prefix=".fcschema-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(text)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class PointerPositions:
    """Line and column of JSON pointers in an input text, for the notes shown to people.

    The round-trip loaders keep no positions, so the text is parsed again with
    ``fcschema.document``, on the first lookup only: a conversion without notes to show
    never pays for it.
    """

    def __init__(self, text: str, filename: str, kind: str):
        self.text = text
        self.filename = filename
        self.kind = kind
        self._parsed = False
        self._document: Any = None

    def position(self, pointer: str) -> Optional["Position"]:
        """Where the value at ``pointer`` starts (or its closest existing ancestor); None
        when the text cannot be parsed with positions."""
        from .diagnostics import parse_pointer

        document = self._parse()
        if document is None:
            return None
        (start, _end), _found = document.sourcemap.span(parse_pointer(pointer))
        return document.source.position(start)

    def _parse(self) -> Any:
        if not self._parsed:
            from .document import parse
            from .source import Source

            self._parsed = True
            self._document, _problems = parse(Source(self.filename, self.text), self.kind)
        return self._document


# -- JSON style ----------------------------------------------------------------------------

_INDENT = re.compile(r"\n([ \t]+)\S")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_style(text: str, data: Any) -> JsonStyle:
    ensure_ascii = all(ord(ch) < 128 for ch in text)
    body = text.strip()
    if "\n" not in body:
        compact = (",", ":")
        if json.dumps(data, separators=compact, ensure_ascii=ensure_ascii) == body:
            return JsonStyle(None, compact, ensure_ascii)
        return JsonStyle(None, (", ", ": "), ensure_ascii)
    match = _INDENT.search(body)
    indent: Union[int, str] = 2
    if match:
        unit = match.group(1)
        indent = len(unit) if set(unit) == {" "} else unit
    return JsonStyle(indent, (",", ": "), ensure_ascii)


# -- YAML ----------------------------------------------------------------------------------

_BLOCK_KEY = re.compile(r"""^\s*(?:-\s+)*[^\s#'"-][^#]*:\s*(?:#.*)?$""")


def _guess_yaml_style(text: str) -> YamlStyle:
    """Mapping indent, and the indent and dash offset of block sequences, as the input has them."""
    mapping: Optional[int] = None
    sequence: Optional[int] = None
    offset: Optional[int] = None
    parent: Optional[int] = None  # indent of the content of the last line that opens a block
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if parent is not None and indent > parent:
            if stripped.startswith("- "):
                if offset is None:
                    after_dash = stripped[1:]
                    offset = indent - parent
                    sequence = offset + 1 + (len(after_dash) - len(after_dash.lstrip(" ")))
            elif mapping is None:
                mapping = indent - parent
        if mapping is not None and offset is not None:
            break
        parent = None
        if _BLOCK_KEY.match(line):
            # Content column of the key: after any leading "- " markers.
            parent = len(line) - len(line.lstrip(" -"))
    mapping = mapping or 2
    if offset is None:
        offset, sequence = 0, mapping
    return YamlStyle(mapping, max(sequence or mapping, offset + 2), offset)


def _yaml(style: Optional[YamlStyle] = None):
    from ruamel.yaml import YAML as RuamelYAML
    from ruamel.yaml.scalarfloat import ScalarFloat

    yaml = RuamelYAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long descriptions
    if style is not None:
        yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    yaml.representer.add_representer(ScalarFloat, _represent_float_exactly)
    return yaml


def _represent_float_exactly(representer, value):
    """ruamel.yaml keeps a float's original spelling but can drop a digit doing it
    (``1.717303746752948e+58`` comes back as ``...947e+58``); the value must survive a
    conversion unchanged, so such a float is written as Python's shortest exact form."""
    node = representer.represent_scalar_float(value)
    try:
        exact = float(node.value.replace("_", "")) == float(value)
    except ValueError:
        exact = True  # .nan, .inf: spelled as YAML names, not digits
    if exact:
        return node
    return representer.represent_scalar("tag:yaml.org,2002:float", repr(float(value)))


def _load_yaml(text: str, filename: str) -> Tuple[Any, YamlStyle]:
    from ruamel.yaml.error import YAMLError

    from .yaml_loader import YamlLoadError, depth_limited_composer

    yaml = _yaml()
    yaml.Composer = depth_limited_composer()
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise InputError(f"{filename}: invalid YAML: {detail}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # ruamel.yaml's round-trip constructor lets builtins fail on odd values: a mapping
        # as a key (unhashable), `2001-13-45`, `!!int abc`, `!!bool maybe`.
        raise InputError(f"{filename}: invalid YAML: a value cannot be read ({type(exc).__name__}: {exc})") from None
    except YamlLoadError as exc:
        row = text.count("\n", 0, exc.offset) + 1
        column = exc.offset - (text.rfind("\n", 0, exc.offset) + 1) + 1
        raise InputError(f"{filename}:{row}:{column}: {exc.message}") from None
    except RecursionError:
        raise InputError(f"{filename}: invalid YAML: nested too deeply") from None
    return data, _guess_yaml_style(text)


def _dump_yaml(doc: Document, data: Any) -> str:
    import io

    style = doc.style
    assert isinstance(style, YamlStyle)
    tree = graft(doc.data, data)
    out = io.StringIO()
    _yaml(style).dump(tree, out)
    return out.getvalue()


def graft(old: Any, new: Any, moved: Optional[Dict[Any, Any]] = None) -> Any:
    """Reshape the round-trip tree ``old`` into ``new`` in place, keeping its comments.

    Containers ``new`` took over from the input (ruamel containers) already carry their
    comments and are used as they are. Plain containers built by the converter are written
    into the old container at the same place, so the comments on surviving keys stay. The
    comment of a key that moved one level (``function.name`` -> ``name`` and back) follows
    it through ``moved``; a key renamed in place (``messages`` -> ``input``) keeps its own.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, (CommentedMap, CommentedSeq)) or not isinstance(new, (Mapping, list)):
        return new
    if isinstance(new, list):
        if isinstance(old, CommentedSeq) and len(old) == len(new):
            for i, value in enumerate(new):
                old[i] = graft(old[i], value)
            return old
        return CommentedSeq(graft(None, value) for value in new)

    target = old if isinstance(old, CommentedMap) else CommentedMap()
    comments = target.ca.items
    pool: Dict[Any, Any] = dict(moved or {})
    old_keys = list(target)
    removed = {}
    for key in old_keys:
        if key not in new:
            removed[key] = target[key]
            if key in comments:
                pool.setdefault(key, comments[key])
            child = target[key]
            if isinstance(child, CommentedMap):
                for sub, comment in child.ca.items.items():
                    pool.setdefault(sub, comment)
    values = []
    for index, (key, value) in enumerate(new.items()):
        if key in target:
            values.append((key, graft(target[key], value)))
            continue
        renamed = old_keys[index] if index < len(old_keys) else None
        if renamed in removed and _same_kind(removed[renamed], value):
            if renamed in comments:
                comments[key] = comments.pop(renamed)
                pool.pop(renamed, None)
            values.append((key, graft(removed.pop(renamed), value, pool)))
            continue
        if key in pool:
            comments[key] = pool.pop(key)
        values.append((key, graft(None, value, pool)))
    kept = {key: comments[key] for key in comments if key in new}
    for key in list(target):
        del target[key]
    comments.clear()
    for key, value in values:
        target[key] = value
    comments.update(kept)
    return target


def _same_kind(a: Any, b: Any) -> bool:
    """Whether a key renamed in place holds the same sort of value (so it is one thing)."""
    def kind(value: Any) -> str:
        if isinstance(value, Mapping):
            return "mapping"
        return "list" if isinstance(value, list) else "scalar"

    return kind(a) == kind(b)
