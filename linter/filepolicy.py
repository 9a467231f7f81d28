"""What applies to one checked file: the closest configuration merged with the command
line, per-file ignores, suppression comments and pointer ignores, and whether the
configuration declares the file a bare schema.

Engines are built once per configuration, so a tree with one pyproject.toml builds one.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .config import FileConfig, config_for_file, relative_to_root
from .diagnostics import Diagnostic
from .engine import Engine, Settings
from .record import Record
from .targets import DEFAULT_TARGET, get_target


class CommandLine(Record):
    """Options given on the command line; None or empty means "not given"."""

    __slots__ = ("target", "select", "extend_select", "ignore")

    def __init__(self, target: Optional[str] = None, select: Sequence[str] = (),
                 extend_select: Sequence[str] = (), ignore: Sequence[str] = ()):
        self.target = target
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore


def merged_settings(config: FileConfig, cli: CommandLine) -> Settings:
    return Settings(
        target=get_target(cli.target or config.get("target") or DEFAULT_TARGET),
        select=tuple(cli.select) or tuple(config.get("select") or ("ALL",)),
        extend_select=tuple(config.get("extend_select") or ()) + tuple(cli.extend_select),
        ignore=tuple(config.get("ignore") or ()) + tuple(cli.ignore),
    )


class FilePolicy(Record):
    """What applies to one file: its configuration, the engine for its settings, and the
    entries of ``per-file-ignores``, ``schemas`` and ``ignores`` that match it."""

    __slots__ = ("config", "engine", "relative", "ignored_codes", "schema_entry", "pointer_ignores")

    def __init__(self, config: FileConfig, engine: Engine, relative: str = "",
                 ignored_codes: Tuple[str, ...] = (), schema_entry: Optional[Dict[str, Any]] = None,
                 pointer_ignores: Optional[List[dict]] = None):
        self.config = config
        self.engine = engine
        self.relative = relative
        self.ignored_codes = ignored_codes    # from per-file-ignores
        self.schema_entry = schema_entry      # from `schemas`
        self.pointer_ignores = pointer_ignores if pointer_ignores is not None else []

    @property
    def settings(self) -> Settings:
        return self.engine.settings

    def suppressions(self, document) -> list:
        if not self.pointer_ignores and (document is None or document.kind != "yaml"):
            return []  # (the usual JSON file: nothing to import or look for)
        from .suppressions import config_ignores, yaml_comments

        found = []
        if document is not None and document.kind == "yaml":
            members = getattr(document.sourcemap, "members", {})
            found.extend(yaml_comments(document.source, members))
        if self.pointer_ignores:
            found.extend(config_ignores(self.pointer_ignores, self.relative, self.config.path or ""))
        return found

    def keep(self, diagnostics: List[Diagnostic], suppressions: list) -> List[Diagnostic]:
        """Diagnostics left after per-file ignores and suppressions."""
        if not self.ignored_codes and not suppressions:
            return diagnostics
        from .suppressions import apply

        if self.ignored_codes:
            diagnostics = [d for d in diagnostics
                           if not any(c == "ALL" or d.code.startswith(c.upper()) for c in self.ignored_codes)]
        return apply(diagnostics, suppressions)


class Policies:
    """FilePolicy for any path, cached per configuration file."""

    def __init__(self, cli: CommandLine, explicit: Optional[FileConfig] = None, isolated: bool = False):
        self.cli = cli
        self.explicit = explicit
        self.isolated = isolated
        self._engines: Dict[Optional[str], Engine] = {}
        self._by_folder: Dict[str, FilePolicy] = {}  # folders whose files need nothing per file

    def config_for(self, path: str) -> FileConfig:
        if self.explicit is not None:
            return self.explicit
        if self.isolated:
            return FileConfig(None, os.getcwd())
        return config_for_file(path)

    def for_path(self, path: str) -> FilePolicy:
        """Cheap for the usual tree (one configuration, no per-file entries): the folder's
        policy is shared by its files, and the file's path relative to the configuration
        is worked out only when per-file entries need matching."""
        folder = os.path.dirname(path) if path != "-" else path
        shared = self._by_folder.get(folder)
        if shared is not None:
            return shared
        config = self.config_for(path)
        engine = self._engines.get(config.path)
        if engine is None:
            engine = self._engines[config.path] = Engine(merged_settings(config, self.cli))
        if not (config.get("per_file_ignores") or config.get("schemas") or config.get("ignores")):
            policy = self._by_folder[folder] = FilePolicy(config, engine)
            return policy
        relative = relative_to_root(path, config) if path != "-" else path
        codes: Tuple[str, ...] = ()
        for pattern, listed in (config.get("per_file_ignores") or {}).items():
            if _matches(relative, pattern):
                codes += tuple(listed)
        schema_entry = next((entry for entry in config.get("schemas") or []
                             if _matches(relative, entry["path"])), None)
        ignores = [entry for entry in config.get("ignores") or [] if _matches(relative, entry["path"])]
        return FilePolicy(config, engine, relative, codes, schema_entry, ignores)


def _matches(relative: str, pattern: str) -> bool:
    """Globs are relative to the configuration's folder; a pattern without a slash also
    matches the file name anywhere (as in .gitignore)."""
    if fnmatch.fnmatch(relative, pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatch(relative.rsplit("/", 1)[-1], pattern)
