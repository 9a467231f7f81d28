"""A plain `fcschema check` command line, read without click.

pre-commit and CI run `fcschema check` with a few options and many files, once per
commit; importing click was a third of such a run on a small file (108.8 -> 75.4 ms
without it). This reader takes the command lines it is sure of: the subcommand `check`,
paths, and the options below written out (`--jobs 2`, `--jobs=2`, `-j 2`, `-q`). It
returns what click would hand to cli.check, or None for anything else (help, an unknown,
abbreviated, repeated or combined option, a value click would refuse, `--`, shell
completion): the caller then runs click, which reads the command line as it reads every
other one and reports what is wrong with it. tests/test_check_argv.py holds these tables
to the options of the click command.
"""

from __future__ import annotations

import os
import stat
from typing import Dict, List, Mapping, Optional

from .check_command import COLORS, OUTPUT_FORMATS, TARGET_NAMES

FLAGS = {"--warnings-as-errors": "warnings_as_errors", "--exit-zero": "exit_zero",
         "--force-exclude": "force_exclude", "--quiet": "quiet", "-q": "quiet", "--fix": "fix",
         "--unsafe-fixes": "unsafe_fixes", "--diff": "diff", "--show-fixes": "show_fixes",
         "--isolated": "isolated", "--statistics": "statistics"}
VALUES = {"--output-format": "output_format", "--target": "target", "--stdin-filename": "stdin_filename",
          "--max-file-size": "max_file_size", "--color": "color", "--config": "config_file",
          "--jobs": "jobs", "-j": "jobs"}
REPEATABLE = {"--select": "select", "--extend-select": "extend_select", "--ignore": "ignore",
              "--exclude": "exclude"}
CHOICES = {"output_format": OUTPUT_FORMATS, "target": TARGET_NAMES, "color": COLORS}
AT_LEAST = {"max_file_size": 1, "jobs": 0}  # integers, with their smallest value
DEFAULTS = {"paths": (), "output_format": None, "target": None, "select": (), "extend_select": (),
            "ignore": (), "stdin_filename": "<stdin>", "warnings_as_errors": None, "exit_zero": False,
            "max_file_size": None, "exclude": (), "force_exclude": False, "color": "auto", "quiet": False,
            "fix": False, "unsafe_fixes": False, "diff": False, "show_fixes": False, "config_file": None,
            "isolated": False, "statistics": False, "jobs": 0}
ENVIRONMENT = {"output_format": "FCSCHEMA_OUTPUT_FORMAT"}  # read when the option is not given


def read_check_argv(argv: List[str], environ: Mapping[str, str]) -> Optional[Dict[str, object]]:
    """cli.check's keyword arguments for the command line ``argv`` (without the program
    name), or None: leave it to click."""
    if not argv or argv[0] != "check" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in environ):
        return None
    params = dict(DEFAULTS)
    paths: List[str] = []
    repeated: Dict[str, List[str]] = {dest: [] for dest in REPEATABLE.values()}
    given = set()
    args = iter(argv[1:])
    for arg in args:
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not equals:
            params[FLAGS[name]] = True
            continue
        dest = VALUES.get(name) or REPEATABLE.get(name)
        if dest is None or dest in given:
            return None
        if not equals:
            value = next(args, None)
            if value is None or (value.startswith("-") and value != "-"):
                return None
        if dest in repeated:
            repeated[dest].append(value)
            continue
        given.add(dest)
        params[dest] = value
    for dest, variable in ENVIRONMENT.items():
        if dest not in given and environ.get(variable):
            params[dest] = environ[variable]
    for dest, values in repeated.items():
        params[dest] = tuple(values)
    for dest, choices in CHOICES.items():
        if params[dest] is not None and params[dest] not in choices:
            return None
    for dest, smallest in AT_LEAST.items():
        if isinstance(params[dest], str):
            try:
                params[dest] = int(params[dest])
            except ValueError:
                return None
            if params[dest] < smallest:
                return None
    if not all(_readable_path(path) for path in paths):
        return None
    if params["config_file"] is not None and not _readable_path(params["config_file"], directory=False):
        return None
    params["paths"] = tuple(paths)
    return params


def _readable_path(path: str, directory: bool = True) -> bool:
    """What click.Path accepts (it need not exist; if it does, it must be readable, and a
    folder only where one may be given)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    except ValueError:  # (a NUL in the name: click's own error, not ours)
        return False
    if not directory and stat.S_ISDIR(mode):
        return False
    return os.access(path, os.R_OK)
