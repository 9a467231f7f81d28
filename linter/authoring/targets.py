"""``MODULE[:NAME]`` targets: import user code and find the tools in it.

Importing a module runs its code, exactly as ``python -c "import MODULE"``
would. The current directory goes on ``sys.path`` first (as with
``python -m``), so ``mytools:Search`` works from a project's root; MODULE may
also be a path to a ``.py`` file. NAME may be a model, a function, a list or
tuple of them, or be left out (``MODULE`` or ``MODULE:``) to take every object
in the module marked with ``@fcschema.tool``.

This module imports pydantic only when a target is actually loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Dict, List, Tuple

from .decorator import is_tool
from .errors import AuthoringError

_SPEC = re.compile(r"^(?P<module>.+?\.py|[^:]+)(?::(?P<name>[^:]*))?$")
_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


class TargetNotFound(AuthoringError):
    """The module or the name does not exist, or names something that is not a tool."""


class TargetImportError(AuthoringError):
    """Importing the user's module raised an exception."""


@dataclass
class Target:
    """One tool source found by a spec; ``label`` is ``module:name`` for messages."""

    label: str
    obj: Any


def looks_like_target(arg: str) -> bool:
    """Whether a command-line argument is ``MODULE:NAME`` rather than a file to read."""
    if os.path.exists(arg) or ":" not in arg:
        return False
    match = _SPEC.match(arg)
    if not match or match.group("name") is None:
        return False
    module, name = match.group("module"), match.group("name")
    if name and not _DOTTED.match(name):
        return False
    return bool(_DOTTED.match(module)) or (module.endswith(".py") and os.path.isfile(module))


def resolve_targets(spec: str) -> Tuple[List[Target], bool]:
    """The tool sources ``spec`` names, and whether it names a collection (module or list)."""
    match = _SPEC.match(spec.strip())
    if not match or not (match.group("module") or "").strip():
        raise TargetNotFound(f"{spec!r} is not MODULE, MODULE:NAME or FILE.py:NAME.")
    module_name, name = match.group("module"), match.group("name")
    module = import_target_module(module_name)
    label = module.__name__
    if not name:
        return _marked_tools(module, label), True
    obj: Any = module
    for part in name.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise TargetNotFound(f"{label}: has no attribute {name!r}.") from None
    where = f"{label}:{name}"
    if isinstance(obj, ModuleType):
        return _marked_tools(obj, obj.__name__), True
    if isinstance(obj, (list, tuple)):
        found = [Target(f"{where}[{i}]", item) for i, item in enumerate(obj)]
        for target in found:
            _check_source(target)
        return found, True
    target = Target(where, obj)
    _check_source(target)
    return [target], False


def import_target_module(module: str) -> ModuleType:
    """Import (and so run) the user's module, by dotted name or by file path."""
    if module.endswith(".py"):
        return _import_file(module)
    if not _DOTTED.match(module):
        raise TargetNotFound(f"{module!r} is not a module name (dotted identifiers) or a .py file.")
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise TargetNotFound(f"no module named {module!r} (searched the current directory and sys.path).") from None
        raise TargetImportError(f"importing {module} failed: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # the user's module raised while running
        raise TargetImportError(f"importing {module} failed: {type(exc).__name__}: {exc}") from exc


def _import_file(path: str) -> ModuleType:
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise TargetNotFound(f"no such file: {path!r}.")
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # so the file's own sibling imports work
    name = os.path.splitext(os.path.basename(path))[0]
    loaded = sys.modules.get(name)
    if loaded is not None and os.path.abspath(getattr(loaded, "__file__", "") or "") == path:
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise TargetNotFound(f"cannot import {path!r} as a module.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise TargetImportError(f"importing {path} failed: {type(exc).__name__}: {exc}") from exc
    return module


def _marked_tools(module: ModuleType, label: str) -> List[Target]:
    """Every public object in the module marked with ``@tool``, in definition order."""
    found: List[Target] = []
    seen = set()
    for attr, value in vars(module).items():
        if attr.startswith("_") or id(value) in seen or not is_tool(value):
            continue
        seen.add(id(value))
        found.append(Target(f"{label}:{attr}", value))
    if not found:
        raise TargetNotFound(f"{label}: no object is marked with @fcschema.tool; name one as {label}:NAME.")
    return found


def _check_source(target: Target) -> None:
    from .functions import is_function
    from .models import is_model

    if not (is_model(target.obj) or is_function(target.obj)):
        raise TargetNotFound(
            f"{target.label}: {type(target.obj).__name__} is not a pydantic model, a function, or a list of them."
        )


def load_tool_targets(spec: str, *, shape: str = "responses") -> List[Tuple[str, Dict[str, Any]]]:
    """``(label, tool)`` for each tool ``spec`` names, for ``fcschema check`` to lint.

    The tools are generated leniently: what strict mode cannot express (a dict
    field, ``Any``, a tuple) is left as pydantic wrote it, so the linter reports
    it like any other schema. Raises :class:`TargetNotFound` or
    :class:`TargetImportError` when the spec cannot be loaded.
    """
    from .build import generate_tool

    targets, _ = resolve_targets(spec)
    loaded = []
    for target in targets:
        try:
            generated = generate_tool(target.obj, shape=shape, lenient=True)
        except AuthoringError as exc:
            raise AuthoringError(f"{target.label}: {exc}") from exc
        loaded.append((target.label, generated.tool))
    return loaded
