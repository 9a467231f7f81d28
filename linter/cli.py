"""Command-line interface: parse options, call the application, nothing else.

Only click is imported at start-up; everything else is imported inside the command
that needs it. (The program's entry point, ``entry.main``, runs a plain `fcschema check`
command line without importing even click: see check_argv.)
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .check_command import COLORS, OUTPUT_FORMATS, TARGET_NAMES


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
@click.option("--color", type=click.Choice(COLORS), default="auto", show_default=True)
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
def check(**params):
    """Check tool definitions in PATHS (files, folders, or - for standard input).

    With --fix, fixes are written in place, atomically, changing only the text they must
    (comments and formatting are kept). Reading from - with --fix prints the fixed text.
    """
    from .check_command import UsageProblem, run_check

    try:
        code = run_check(params, one_shot=bool((click.get_current_context().obj or {}).get("one_shot")))
    except UsageProblem as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(code)


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
