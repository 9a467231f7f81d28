"""What `fcschema check` does with its options, apart from reading them.

The options come from click (cli.check) or, for a plain command line, from check_argv
without importing click at all: this module must not import it either. It returns the
exit code instead of exiting, and raises UsageProblem before doing anything else when
the options name an unknown rule (the caller says so as a usage error).
"""

from __future__ import annotations

import os
import sys

from . import __version__

OUTPUT_FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "gitlab", "sarif",
                  "junit", "pylint")
TARGET_NAMES = ("openai", "openai-2024", "azure", "openai-finetuned")
COLORS = ("auto", "always", "never")
# Formats that print a fix's text edits, which are computed only for them.
EDIT_FORMATS = ("json", "json-lines", "sarif")
# Formats that read the checked files' text when printing (source lines, the rows and
# columns of edits, the list of files): the others let --jobs workers send back less.
SOURCE_FORMATS = ("full", "junit") + EDIT_FORMATS


class UsageProblem(Exception):
    """Options that cannot be used (exit code 2, with the command's usage)."""


def run_check(params: dict, one_shot: bool) -> int:
    """Check (and fix) what ``params`` say, the keyword arguments of cli.check; print the
    result; return the exit code. ``one_shot``: the process ends after this run."""
    from .app import CheckOptions, check_paths, leave_for_exit
    from .config import ConfigError, config_for_folder, explicit_config
    from .emitters import PRINTED_PER_FILE, emit, emit_printed
    from .emitters.base import EmitContext
    from .filepolicy import CommandLine, Policies
    from .registry import by_code

    paths, output_format, quiet = params["paths"], params["output_format"], params["quiet"]
    exit_zero, statistics, warnings_as_errors = params["exit_zero"], params["statistics"], params["warnings_as_errors"]
    cli = CommandLine(target=params["target"], select=_codes(params["select"]),
                      extend_select=_codes(params["extend_select"]), ignore=_codes(params["ignore"]))
    unknown = [c for c in (*cli.select, *cli.ignore, *cli.extend_select)
               if c != "ALL" and not any(code.startswith(c.upper()) for code in by_code())]
    if unknown:
        raise UsageProblem(f"unknown rule code or prefix: {', '.join(unknown)}")
    try:
        explicit = explicit_config(params["config_file"]) if params["config_file"] else None
        here = explicit or (config_for_folder(os.getcwd()) if not params["isolated"] else None)
        policies = Policies(cli, explicit, params["isolated"])
        files, python_targets = _split_targets(paths)
        if not paths:
            files = (".",)
        if here is not None and not python_targets:
            python_targets = tuple(here.get("python_targets") or ())
        global_value = (lambda key, default: here.get(key, default)) if here else (lambda key, default: default)
        fix_mode = "diff" if params["diff"] else ("apply" if params["fix"] else None)
        output_format = output_format or global_value("output_format", "full")
        # How findings are printed. --jobs workers print those of the files they check
        # with it (parallel.py); the output below adds what the whole run knows.
        shown = EmitContext(rules=by_code(), color=_use_color(params["color"]), show_fixes=params["show_fixes"],
                            version=__version__, quiet=quiet)
        printed = None
        if output_format in PRINTED_PER_FILE and fix_mode is None and not statistics and not python_targets:
            printed = (output_format, shown)
        options = CheckOptions(
            paths=files, stdin_filename=params["stdin_filename"],
            max_bytes=params["max_file_size"] or global_value("max_file_size", 20 * 1024 * 1024),
            exclude=(tuple(params["exclude"]) + tuple(global_value("exclude", ()))
                     + tuple(global_value("extend_exclude", ()))),
            include=tuple(global_value("include", ())), force_exclude=params["force_exclude"],
            fix=fix_mode, unsafe_fixes=params["unsafe_fixes"], policies=policies, python_targets=python_targets,
            one_shot=one_shot, jobs=params["jobs"], edits=output_format in EDIT_FORMATS and not statistics,
            sources=fix_mode is not None or (output_format in SOURCE_FORMATS and not statistics and printed is None),
            printed=printed)
        result = check_paths(options)
        if one_shot:
            leave_for_exit(result)
    except ConfigError as exc:
        _say(f"fcschema: configuration error: {exc}", err=True)
        return 2
    if warnings_as_errors is None:
        warnings_as_errors = bool(global_value("warnings_as_errors", False))
    context = shown.replace(sources=result.sources, files_checked=result.files_checked, fixed=result.applied)
    if statistics:
        _print_statistics(result.diagnostics)
        return 0 if exit_zero else result.exit_code(warnings_as_errors)
    if output_format in EDIT_FORMATS:
        from .app import attach_edits

        attach_edits(result)
    if fix_mode == "diff":
        from .app import unified_diff

        for changed in result.changed:
            sys.stdout.write(unified_diff(changed))
        if params["show_fixes"]:
            for filename, code, message in result.applied:
                _say(f"{filename}: {code} {message}", err=True)
        count = len(result.applied)
        _say(f"Would fix {count} problem{'s' if count != 1 else ''}"
             f" in {len(result.changed)} file{'s' if len(result.changed) != 1 else ''}.", err=True)
        return 0 if exit_zero or not result.changed else 1
    stdin_fixed = [f for f in result.changed if f.source is not None and f.source.path is None]
    if fix_mode == "apply" and stdin_fixed:
        # `fcschema check --fix -`: the fixed text goes to stdout, diagnostics to stderr.
        sys.stdout.write(stdin_fixed[0].source.text)
        emit(output_format, result.diagnostics, sys.stderr, context)
    elif any(file_result.printed is not None for file_result in result.files):
        emit_printed(output_format, result.files, sys.stdout, context)
    else:
        emit(output_format, result.diagnostics, sys.stdout, context)
    return 0 if exit_zero else result.exit_code(warnings_as_errors)


def _say(text: str, err: bool = False) -> None:
    """A line to stdout or stderr, flushed (as click.echo writes it)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def _codes(values):
    """`--select A,B --select C` -> ("A", "B", "C")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _split_targets(paths):
    """Command-line arguments that name Python tools (``MODULE:NAME``) rather than files."""
    files, targets = [], []
    for path in paths:
        if ":" in path and not os.path.exists(path) and path != "-":
            from .authoring.targets import looks_like_target

            if looks_like_target(path):
                targets.append(path)
                continue
        files.append(path)
    return tuple(files), tuple(targets)


def _print_statistics(diagnostics):
    from collections import Counter

    counts = Counter((d.code, d.name, d.severity) for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fix is not None and d.fix.applicability == "safe")
    for (code, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        marker = " [*]" if fixable[code] else ""
        _say(f"{count:>6}  {code}  {name:<36} {severity}{marker}")
    if fixable:
        _say("[*] fixable with --fix")
