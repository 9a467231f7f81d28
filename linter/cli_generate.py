"""``fcschema generate``: strict tool definitions from pydantic models and typed functions.

A thin click layer over :mod:`fcschema.authoring`; pydantic is imported only
when the command runs, never when the CLI starts.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from typing import Any, List, Tuple

import click


@click.command("generate")
@click.argument("targets", nargs=-1, required=True, metavar="MODULE[:NAME]...")
@click.option(
    "--to",
    "shape",
    type=click.Choice(["responses", "chat"]),
    default="responses",
    show_default=True,
    help="Tool shape: Responses API or Chat Completions.",
)
@click.option("--yaml", "as_yaml", is_flag=True, help="Write YAML instead of JSON.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE (replaced atomically) instead of standard output.",
)
def generate_command(targets: Tuple[str, ...], shape: str, as_yaml: bool, output: str) -> None:
    """Generate strict tool definitions from pydantic models and typed functions.

    \b
    MODULE:NAME   a model, a function, or a list of them, in MODULE
    MODULE        every object in MODULE marked with @fcschema.tool
    FILE.py:NAME  the same, loading the module from a Python file

    IMPORTING A MODULE RUNS ITS CODE, exactly as `python -c "import MODULE"`
    would: generate only from code you trust. The current directory is put
    on the import path.

    One MODULE:NAME naming one model or function prints one tool; anything
    more prints a list. Problems strict mode cannot express (dict fields,
    Any, tuples, extra="allow") are errors naming the field and the ways
    out; the exit code is then 1 and nothing is written. Constraints strict
    mode ignores move into the description, with a warning on stderr.
    """
    from fcschema.authoring.build import generate_tool
    from fcschema.authoring.errors import AuthoringError, StrictSchemaError
    from fcschema.authoring.targets import TargetImportError, TargetNotFound, resolve_targets

    tools: List[Any] = []
    collection = len(targets) > 1
    failed = False
    for spec in targets:
        try:
            found, is_collection = resolve_targets(spec)
        except TargetNotFound as exc:
            raise click.UsageError(str(exc)) from None
        except TargetImportError as exc:
            _error(str(exc))
            failed = True
            continue
        collection = collection or is_collection
        for target in found:
            try:
                generated = generate_tool(target.obj, shape=shape)
            except StrictSchemaError as exc:
                for problem in exc.problems:
                    _error(f"{target.label}: {problem}")
                failed = True
                continue
            except AuthoringError as exc:
                _error(f"{target.label}: {exc}")
                failed = True
                continue
            for message in generated.warnings:
                click.echo(f"warning: {target.label}: {message}", err=True)
            tools.append(generated.tool)
    if failed:
        raise click.exceptions.Exit(1)
    _warn_duplicates(tools)
    data = tools if collection else tools[0]
    text = _yaml_text(data) if as_yaml else json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output:
        _write_atomically(output, text)
    else:
        click.echo(text, nl=False)


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _warn_duplicates(tools: List[Any]) -> None:
    names = [tool.get("name") or tool.get("function", {}).get("name") for tool in tools]
    for name in sorted({n for n in names if names.count(n) > 1}):
        click.echo(f"warning: the tool name {name!r} is generated more than once.", err=True)


def _yaml_text(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 4096  # long descriptions stay on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _write_atomically(path: str, text: str) -> None:
    """Write beside the target, then rename: never a half-written file."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".fcschema-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
