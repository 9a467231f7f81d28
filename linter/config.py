"""Configuration: ``[tool.fcschema]`` in pyproject.toml, or ``.fcschema.toml`` /
``fcschema.toml`` (top-level keys), the closest to each checked file winning.

Validated with pydantic: an unknown key, rule code or target is a ``ConfigError`` (exit
code 2). pydantic costs several times a bare start-up, so a validated configuration is
remembered in the user's cache folder: by the file's identity (size, modification time),
so an unchanged file is not even parsed again, and by the hash of its table. Command-line
options override the file.
"""

from __future__ import annotations

import json
import os
import time
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from .record import Record

CONFIG_NAMES = (".fcschema.toml", "fcschema.toml", "pyproject.toml")
CACHE_VERSION = "1"


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


class FileConfig(Record):
    """A validated configuration: keys in snake_case, only those the file set."""

    __slots__ = ("path", "root", "values")

    def __init__(self, path: Optional[str], root: str, values: Optional[Dict[str, Any]] = None):
        self.path = path    # the file it came from (None: defaults)
        self.root = root    # the folder it applies to (globs are relative to it)
        self.values = values if values is not None else {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def _model():
    """The pydantic model, built on first use (pydantic is imported only here)."""
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, field_validator

    def kebab(name: str) -> str:
        return name.replace("_", "-")

    class Strictness(BaseModel):
        model_config = ConfigDict(extra="forbid", alias_generator=kebab, populate_by_name=True)

    class SchemaFiles(Strictness):
        """Files that hold one bare JSON Schema, and what the schema is for."""
        path: str
        kind: Literal["parameters", "response_format"] = "parameters"
        api: Literal["chat", "responses"] = "chat"
        strict: bool = True

    class PointerIgnore(Strictness):
        """Ignores for JSON files, which have no comments: a file glob and a JSON pointer."""
        path: str
        pointer: str = ""
        codes: List[str] = Field(default_factory=lambda: ["ALL"])

        @field_validator("pointer")
        @classmethod
        def _pointer(cls, value: str) -> str:
            if value and not value.startswith("/"):
                raise ValueError("a JSON pointer starts with '/' (or is '' for the whole file)")
            return value

    class Config(Strictness):
        target: Optional[Literal["openai", "openai-2024", "azure", "openai-finetuned"]] = None
        select: Optional[List[str]] = None
        extend_select: Optional[List[str]] = None
        ignore: Optional[List[str]] = None
        per_file_ignores: Optional[Dict[str, List[str]]] = None
        include: Optional[List[str]] = None
        exclude: Optional[List[str]] = None
        extend_exclude: Optional[List[str]] = None
        schemas: Optional[List[SchemaFiles]] = None
        python_targets: Optional[List[str]] = None
        warnings_as_errors: Optional[bool] = None
        output_format: Optional[Literal["full", "concise", "grouped", "json", "json-lines", "github",
                                        "gitlab", "sarif", "junit", "pylint"]] = None
        max_file_size: Optional[int] = Field(default=None, gt=0)
        ignores: Optional[List[PointerIgnore]] = None

    return Config


def check_codes(codes: List[str], where: str) -> None:
    from .registry import all_rules

    known = [info.code for info in all_rules()]
    for code in codes:
        if code != "ALL" and not any(k.startswith(code.upper()) for k in known):
            raise ConfigError(f"{where}: unknown rule code or prefix {code!r}")


def _validate(table: Dict[str, Any], origin: str) -> Dict[str, Any]:
    from pydantic import ValidationError

    try:
        model = _model().model_validate(table)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
            problems.append(f"{where}: {message}")
        raise ConfigError(f"{origin}: " + "; ".join(problems)) from None
    values = model.model_dump(exclude_none=True, mode="json")
    for key in ("select", "extend_select", "ignore"):
        check_codes(values.get(key, []), f"{origin}: {key.replace('_', '-')}")
    for glob, codes in values.get("per_file_ignores", {}).items():
        check_codes(codes, f"{origin}: per-file-ignores[{glob!r}]")
    for entry in values.get("ignores", []):
        check_codes(entry["codes"], f"{origin}: ignores")
    return values


def _cache_file(name: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "fcschema", name)


def _cache_path(digest: str) -> Optional[str]:
    return _cache_file(f"config-{CACHE_VERSION}-{digest}.json")


def _caching() -> bool:
    return os.environ.get("FCSCHEMA_NO_CACHE") is None


def _write_cache(path: str, value: Any) -> None:
    """Write a cache file whole or not at all (a failure only costs the next run time)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(value, handle)
        os.replace(temporary, path)
    except OSError:
        pass


def validated(table: Dict[str, Any], origin: str) -> Dict[str, Any]:
    """Validate a config table, skipping pydantic when this exact table passed before."""
    from . import __version__

    import hashlib  # (only with a configuration file: OpenSSL takes a while to load)

    digest = hashlib.sha256(json.dumps([__version__, table], sort_keys=True, default=str).encode()).hexdigest()[:32]
    cache = _cache_path(digest)
    if _caching():
        try:
            with open(cache, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            pass
    values = _validate(table, origin)
    if _caching():
        _write_cache(cache, values)
    return values


def _may_configure_fcschema(raw: bytes) -> bool:
    """Whether a pyproject.toml can hold a ``[tool.fcschema]`` table. Its key is spelled
    out in the text, unless written with escapes in a quoted key (then parse and see):
    most projects' pyproject.toml is skipped without importing or running the TOML parser,
    which costs as much as checking a small file."""
    return b"fcschema" in raw or b"\\u" in raw or b"\\U" in raw


def _read_config_file(path: str) -> Tuple[bytes, List[int]]:
    """A config file's bytes, and what identifies this version of it (size, modification
    time, inode and device, read from the open file)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
            st = os.fstat(handle.fileno())
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return raw, [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev]


def _parse_table(path: str, raw: bytes) -> Optional[Dict[str, Any]]:
    """The fcschema table of a config file's bytes (None: a pyproject.toml without one)."""
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    if is_pyproject and not _may_configure_fcschema(raw):
        return None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}): TOML files are UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if is_pyproject:
        table = document.get("tool", {}).get("fcschema")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.fcschema] must be a table")
        return table
    return document


def _read_table(path: str) -> Optional[Dict[str, Any]]:
    return _parse_table(path, _read_config_file(path)[0])


KNOWN_FILES = f"config-files-{CACHE_VERSION}.json"
KNOWN_FILES_MAX = 256
# A file changed less than this long ago is not remembered: on a file system whose clock
# ticks coarsely, it could change again without its modification time changing.
SETTLED_SECONDS = 2.0


@lru_cache(maxsize=4)
def _known_files(cache: str) -> Dict[str, Any]:
    """Configuration files read before: {path: {"identity": [...], "values": ...}}."""
    try:
        with open(cache, encoding="utf-8") as handle:
            known = json.load(handle)
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def settings_in(path: str) -> Optional[Dict[str, Any]]:
    """The validated settings of a config file (None: a pyproject.toml without a table).

    An unchanged file (same size, modification time, inode, device and fcschema version)
    is not parsed or validated again: its settings come from the user's cache, so a
    configured project's run does not pay for the TOML parser, hashing and pydantic."""
    from . import __version__

    raw, identity = _read_config_file(path)
    if os.path.basename(path) == "pyproject.toml" and not _may_configure_fcschema(raw):
        return None
    identity = [__version__] + identity
    cache = _cache_file(KNOWN_FILES)
    known = _known_files(cache) if _caching() else {}
    entry = known.get(path)
    if isinstance(entry, dict) and entry.get("identity") == identity and isinstance(entry.get("values"), (dict, type(None))):
        return entry["values"]
    table = _parse_table(path, raw)
    values = None if table is None else validated(table, path)
    if _caching() and time.time() - identity[2] / 1e9 > SETTLED_SECONDS:
        known.pop(path, None)
        known[path] = {"identity": identity, "values": values}
        while len(known) > KNOWN_FILES_MAX:
            known.pop(next(iter(known)))
        _write_cache(cache, known)
    return values


@lru_cache(maxsize=None)
def config_in(folder: str) -> Optional[FileConfig]:
    """The configuration defined in ``folder`` itself, if any."""
    for name in CONFIG_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            values = settings_in(path)
            if values is None:
                continue
            return FileConfig(path, folder, values)
    return None


@lru_cache(maxsize=None)
def config_for_folder(folder: str) -> FileConfig:
    """The closest configuration at or above ``folder`` (defaults when there is none)."""
    current = os.path.abspath(folder)
    while True:
        found = config_in(current)
        if found is not None:
            return found
        parent = os.path.dirname(current)
        if parent == current:
            return FileConfig(None, os.path.abspath(folder))
        current = parent


def config_for_file(path: str) -> FileConfig:
    folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
    return config_for_folder(folder)


def explicit_config(path: str) -> FileConfig:
    """``--config FILE``: this file for every checked file."""
    table = _read_table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.fcschema] table")
    return FileConfig(path, os.path.dirname(os.path.abspath(path)), validated(table, path))


def relative_to_root(path: str, config: FileConfig) -> str:
    """A checked file's path relative to its configuration's folder, with / separators."""
    try:
        relative = os.path.relpath(os.path.abspath(path), config.root)
    except ValueError:
        relative = path
    return relative.replace(os.sep, "/")


def sources_of(config: FileConfig, cli: Dict[str, Any]) -> List[Tuple[str, Any, str]]:
    """(key, value, where it came from) for ``fcschema config``."""
    from .targets import DEFAULT_TARGET

    defaults = {"target": DEFAULT_TARGET, "select": ["ALL"], "ignore": [], "extend_select": [],
                "per_file_ignores": {}, "include": ["*.json", "*.yaml", "*.yml"], "exclude": [],
                "extend_exclude": [], "schemas": [], "python_targets": [], "warnings_as_errors": False,
                "output_format": "full", "max_file_size": 20 * 1024 * 1024, "ignores": []}
    rows = []
    for key, default in defaults.items():
        if key in cli and cli[key] not in (None, (), []):
            rows.append((key, cli[key], "command line"))
        elif key in config.values:
            rows.append((key, config.values[key], config.path))
        else:
            rows.append((key, default, "default"))
    return rows
