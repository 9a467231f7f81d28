"""Command-line interface: parse options, call the application, nothing else.

Only click is imported at start-up; everything else is imported inside the command
that needs it, so `fcschema check tools.json` starts fast.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__

OUTPUT_FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "gitlab", "sarif",
                  "junit", "pylint")
TARGET_NAMES = ("openai", "openai-2024", "azure", "openai-finetuned")
# Formats that print a fix's text edits, which are computed only for them.
EDIT_FORMATS = ("json", "json-lines", "sarif")
# Formats that read the checked files' text when printing (source lines, the rows and
# columns of edits, the list of files): the others let --jobs workers send back less.
SOURCE_FORMATS = ("full", "junit") + EDIT_FORMATS


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


class _Commands(click.Group):
    """The command group. Commands that live in their own modules (convert, generate) are
    imported only when they run or help lists them, so `fcschema check` never pays for
    their imports; a module that cannot be imported leaves its command out."""

    OWN_MODULES = {"convert": ("cli_convert", "convert_command"), "generate": ("cli_generate", "generate_command")}

    def _load(self, name):
        import importlib

        module_name, attribute = self.OWN_MODULES[name]
        try:
            module = importlib.import_module(f"fcschema.{module_name}")
        except ImportError:
            return None
        return getattr(module, attribute)

    def list_commands(self, ctx):
        names = set(super().list_commands(ctx))
        names.update(name for name in self.OWN_MODULES if self._load(name) is not None)
        return sorted(names)

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name in self.OWN_MODULES:
            command = self._load(name)
        return command

    def main(self, args=None, *more, **options):
        if args is None:  # run as the program (not called from Python): a one-shot process
            options.setdefault("obj", {})["one_shot"] = True
        try:
            return super().main(args, *more, **options)
        except SystemExit as done:
            if args is not None or not isinstance(done.code, (int, type(None))):
                raise  # called from Python (tests, CliRunner): a normal SystemExit
            # Run as the program: once the output is flushed nothing is left to do, and
            # skipping the interpreter's teardown (freeing every module and object) saves
            # more time than checking a small file takes.
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except OSError:
                raise done from None
            os._exit(done.code or 0)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fcschema")
def main():
    """Lint, fix and convert OpenAI function-calling tool definitions for strict mode."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), envvar="FCSCHEMA_OUTPUT_FORMAT",
              default=None, help="How to print diagnostics (default: full).")
@click.option("--target", type=click.Choice(TARGET_NAMES), default=None,
              help="Which API platform and era to predict the verdict for (default: openai).")
@click.option("--select", multiple=True, help="Rule codes or prefixes to enable (default ALL).")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to enable on top of --select.")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to disable.")
@click.option("--stdin-filename", default="<stdin>", help="Name (and type) of the file read from '-'.")
@click.option("--warnings-as-errors", is_flag=True, default=None, help="Exit 1 on warnings too.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=None,
              help="Refuse files larger than this many bytes (default: 20 MiB).")
@click.option("--exclude", multiple=True, help="Glob of paths to skip when walking folders.")
@click.option("--force-exclude", is_flag=True, help="Apply --exclude to files named explicitly too.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied (or that --diff would apply).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this configuration file for every checked file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of the diagnostics.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes checking files (0: one per CPU, for 128 files or more; 1: no workers).")
def check(paths, output_format, target, select, extend_select, ignore, stdin_filename,
          warnings_as_errors, exit_zero, max_file_size, exclude, force_exclude, color, quiet,
          fix, unsafe_fixes, diff, show_fixes, config_file, isolated, statistics, jobs):
    """Check tool definitions in PATHS (files, folders, or - for standard input).

    With --fix, fixes are written in place, atomically, changing only the text they must
    (comments and formatting are kept). Reading from - with --fix prints the fixed text.
    """
    from .app import CheckOptions, check_paths
    from .config import ConfigError, config_for_folder, explicit_config
    from .emitters import emit
    from .emitters.base import EmitContext
    from .filepolicy import CommandLine, Policies
    from .registry import by_code

    cli = CommandLine(target=target, select=_codes(select), extend_select=_codes(extend_select),
                      ignore=_codes(ignore))
    unknown = [c for c in (*cli.select, *cli.ignore, *cli.extend_select)
               if c != "ALL" and not any(code.startswith(c.upper()) for code in by_code())]
    if unknown:
        raise click.UsageError(f"unknown rule code or prefix: {', '.join(unknown)}")
    try:
        explicit = explicit_config(config_file) if config_file else None
        here = explicit or (config_for_folder(os.getcwd()) if not isolated else None)
        policies = Policies(cli, explicit, isolated)
        files, python_targets = _split_targets(paths)
        if not paths:
            files = (".",)
        if here is not None and not python_targets:
            python_targets = tuple(here.get("python_targets") or ())
        global_value = (lambda key, default: here.get(key, default)) if here else (lambda key, default: default)
        fix_mode = "diff" if diff else ("apply" if fix else None)
        output_format = output_format or global_value("output_format", "full")
        options = CheckOptions(
            paths=files, stdin_filename=stdin_filename,
            max_bytes=max_file_size or global_value("max_file_size", 20 * 1024 * 1024),
            exclude=tuple(exclude) + tuple(global_value("exclude", ())) + tuple(global_value("extend_exclude", ())),
            include=tuple(global_value("include", ())), force_exclude=force_exclude,
            fix=fix_mode, unsafe_fixes=unsafe_fixes, policies=policies, python_targets=python_targets,
            one_shot=bool((click.get_current_context().obj or {}).get("one_shot")),
            jobs=jobs, edits=output_format in EDIT_FORMATS and not statistics,
            sources=fix_mode is not None or (output_format in SOURCE_FORMATS and not statistics))
        result = check_paths(options)
    except ConfigError as exc:
        click.echo(f"fcschema: configuration error: {exc}", err=True)
        sys.exit(2)
    if warnings_as_errors is None:
        warnings_as_errors = bool(global_value("warnings_as_errors", False))
    context = EmitContext(sources=result.sources, rules=by_code(), color=_use_color(color),
                          show_fixes=show_fixes, files_checked=result.files_checked, version=__version__,
                          fixed=result.applied, quiet=quiet)
    if statistics:
        _print_statistics(result.diagnostics)
        sys.exit(0 if exit_zero else result.exit_code(warnings_as_errors))
    if output_format in EDIT_FORMATS:
        from .app import attach_edits

        attach_edits(result)
    if fix_mode == "diff":
        from .app import unified_diff

        for changed in result.changed:
            sys.stdout.write(unified_diff(changed))
        if show_fixes:
            for filename, code, message in result.applied:
                click.echo(f"{filename}: {code} {message}", err=True)
        count = len(result.applied)
        click.echo(f"Would fix {count} problem{'s' if count != 1 else ''}"
                   f" in {len(result.changed)} file{'s' if len(result.changed) != 1 else ''}.", err=True)
        sys.exit(0 if exit_zero or not result.changed else 1)
    stdin_fixed = [f for f in result.changed if f.source is not None and f.source.path is None]
    if fix_mode == "apply" and stdin_fixed:
        # `fcschema check --fix -`: the fixed text goes to stdout, diagnostics to stderr.
        sys.stdout.write(stdin_fixed[0].source.text)
        emit(output_format, result.diagnostics, sys.stderr, context)
    else:
        emit(output_format, result.diagnostics, sys.stdout, context)
    code = result.exit_code(warnings_as_errors)
    sys.exit(0 if exit_zero else code)


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
        click.echo(f"{count:>6}  {code}  {name:<36} {severity}{marker}")
    if fixable:
        click.echo("[*] fixable with --fix")


@main.command()
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="Every rule.")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
def rule(code, show_all, output_format):
    """Explain a rule (by code or name), or list every rule with --all."""
    from .rule_docs import render_json, render_text
    from .registry import all_rules, find

    if show_all:
        rules = all_rules()
    elif code:
        info = find(code)
        if info is None:
            raise click.UsageError(f"unknown rule: {code}")
        rules = [info]
    else:
        raise click.UsageError("give a rule code (e.g. FCS101) or --all")
    if output_format == "json":
        click.echo(render_json(rules, single=not show_all))
    else:
        click.echo("\n\n".join(render_text(info) for info in rules))


@main.command("config")
@click.argument("path", required=False, default=".")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Show this file's settings.")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
def show_config(path, config_file, output_format):
    """Show the settings that apply to PATH (a file or folder) and where each came from."""
    import json

    from .config import ConfigError, config_for_file, config_for_folder, explicit_config, sources_of

    try:
        if config_file:
            config = explicit_config(config_file)
        elif os.path.isdir(path):
            config = config_for_folder(path)
        else:
            config = config_for_file(path)
    except ConfigError as exc:
        click.echo(f"fcschema: configuration error: {exc}", err=True)
        sys.exit(2)
    rows = sources_of(config, {})
    if output_format == "json":
        click.echo(json.dumps({"config_file": config.path, "settings": [
            {"key": key.replace("_", "-"), "value": value, "source": source} for key, value, source in rows]},
            indent=2))
        return
    click.echo(f"# configuration: {config.path or '(none found: defaults)'}")
    for key, value, source in rows:
        click.echo(f"{key.replace('_', '-'):<20} = {json.dumps(value):<40} # {source}")


@main.command("schema")
@click.argument("kind", type=click.Choice(("tools", "config")), default="tools")
def print_schema(kind):
    """Print a JSON Schema for tool-definition files or for the configuration (for editors)."""
    import json

    from .editor_schemas import config_schema, tools_schema

    click.echo(json.dumps(tools_schema() if kind == "tools" else config_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
