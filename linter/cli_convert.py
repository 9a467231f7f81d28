"""``fcschema convert``: the command-line face of :mod:`fcschema.convert`.

Only click is imported here at import time; the converter and file handling are imported
when the command runs, and ruamel.yaml only when a YAML document is involved.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, List, Optional, Tuple

import click

if TYPE_CHECKING:
    from .convert_io import PointerPositions

_FORMATS = ("responses", "chat")
_STDIN = "-"
_STDIN_NAME = "<stdin>"


@click.command("convert")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--to", "to", type=click.Choice(_FORMATS), required=True,
              help="API format to convert to.")
@click.option("--from", "from_", type=click.Choice(_FORMATS), default=None,
              help="API format of the input (detected when omitted).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the result to this file instead of stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite each input file with its conversion.")
@click.option("--drop-unsupported", is_flag=True,
              help="Drop what the target API cannot express, with a warning, instead of failing.")
@click.option("--input-format", type=click.Choice(("auto", "json", "yaml")), default="auto",
              show_default=True, help="How to parse the input (auto: by suffix, then content).")
@click.option("-q", "--quiet", is_flag=True, help="Report only warnings and errors.")
def convert_command(
    paths: Tuple[str, ...],
    to: str,
    from_: Optional[str],
    output: Optional[str],
    in_place: bool,
    drop_unsupported: bool,
    input_format: str,
    quiet: bool,
) -> None:
    """Convert tool definitions between the Responses and Chat Completions formats.

    PATH may be a tool, a list of tools, {"tools": [...]}, or a whole request body
    (tools, tool_choice, functions, response_format / text.format, messages / input).
    With no PATH, or "-", the input is read from stdin. Decisions, warnings and errors go to
    stderr as FILE:LINE:COL: POINTER: LEVEL: MESSAGE (no LINE:COL for stdin), POINTER being a
    JSON pointer into the input. Exit status: 0 converted, 1 conversion or input errors
    (nothing is written for that input), 2 usage errors.
    """
    if from_ is not None and from_ == to:
        raise click.UsageError(f"--from and --to are both '{to}': nothing to convert")
    if in_place and output is not None:
        raise click.UsageError("--in-place and --output cannot be used together")
    sources = list(paths) or [_STDIN]
    if in_place and _STDIN in sources:
        raise click.UsageError("--in-place needs file paths, not stdin")
    if len(sources) > 1 and not in_place:
        raise click.UsageError("several inputs can only be converted with --in-place")
    if sources.count(_STDIN) > 1:
        raise click.UsageError("stdin ('-') can be given only once")

    failed = False
    for source in sources:
        if not _convert_one(source, to, from_, output, in_place, drop_unsupported,
                            input_format, quiet):
            failed = True
    click.get_current_context().exit(1 if failed else 0)


def _convert_one(
    source: str,
    to: str,
    from_: Optional[str],
    output: Optional[str],
    in_place: bool,
    drop_unsupported: bool,
    input_format: str,
    quiet: bool,
) -> bool:
    """Convert one input and write it; report to stderr. False when nothing was written."""
    from . import convert_io
    from .convert import convert

    name = _STDIN_NAME if source == _STDIN else source
    try:
        if source == _STDIN:
            stdin = sys.stdin
            raw = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        else:
            raw = convert_io.read_path(source)
        text, bom = convert_io.decode(raw, name)
        kind = convert_io.sniff_kind(text, "" if source == _STDIN else source, input_format)
        doc = convert_io.load(text, name, kind, bom)
    except convert_io.InputError as exc:
        _say(f"{exc}", err=True)
        return False

    try:
        result = convert(doc.data, to=to, from_=from_, drop_unsupported=drop_unsupported)
        text_out = convert_io.dump(doc, result.data) if result.ok else ""
    except RecursionError:
        _say(f"{name}: the document is nested too deeply to convert", err=True)
        return False
    # Notes name their place as line:col in a file; stdin is read once, so pointers only.
    positions = None if source == _STDIN else convert_io.PointerPositions(text, name, kind)
    _report(name, "error", result.errors, positions)
    _report(name, "warning", result.warnings, positions)
    if not quiet:
        _report(name, "decision", result.decisions, positions)
        _report(name, "info", result.info, positions)
    if result.errors:
        count = len(result.errors)
        _say(f"{name}: not converted ({count} error{'s' if count != 1 else ''})", err=True)
        return False

    try:
        if in_place:
            convert_io.write_atomic(source, text_out, bom=doc.bom)
        elif output is not None and output != _STDIN:
            convert_io.write_atomic(output, text_out)
        else:
            click.echo(text_out, nl=False)
    except OSError as exc:
        target = source if in_place else output
        _say(f"{target}: cannot write: {exc.strerror or exc}", err=True)
        return False
    return True


def _report(name: str, level: str, notes: List,
            positions: Optional[PointerPositions] = None) -> None:
    for note in notes:
        _say(f"{_where(name, note.pointer, positions)}: {level}: {note.message}", err=True)


def _where(name: str, pointer: str, positions: Optional[PointerPositions]) -> str:
    """``file:line:col: /pointer`` when the place is known, else ``file:/pointer``."""
    position = positions.position(pointer) if positions is not None else None
    if position is None:
        return f"{name}:{pointer}" if pointer else name
    place = f"{name}:{position.row}:{position.column}"
    return f"{place}: {pointer}" if pointer else place


def _say(message: str, err: bool) -> None:
    click.echo(message, err=err)
