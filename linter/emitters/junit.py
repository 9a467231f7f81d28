"""``junit``: JUnit XML, which most CI servers turn into a test report.

One testsuite ``fcschema``; one testcase per checked file, passing when the file is clean;
each diagnostic a ``<failure>``. Written by hand rather than with ``xml.etree`` because the
standard library does not drop characters XML 1.0 forbids (a control character in a tool
name would make the whole report unreadable) and escapes attributes differently across
Python versions.
"""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, TextIO

from ..diagnostics import Diagnostic
from .base import EmitContext, name_of, start_of

# Characters not allowed anywhere in an XML 1.0 document (lone surrogates included).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>\r"\n\t]')


def xml_text(text: str) -> str:
    """Character data: markup escaped, forbidden characters replaced by U+FFFD."""
    text = _ILLEGAL.sub("\ufffd", text)
    return _TEXT_SPECIAL.sub(lambda m: _TEXT[m.group()], text)


def xml_attribute(text: str) -> str:
    """A double-quoted attribute value; newlines and tabs kept as character references
    (a parser would otherwise normalise them to spaces)."""
    text = _ILLEGAL.sub("\ufffd", text)
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE[m.group()], text)


def failure(d: Diagnostic, context: EmitContext) -> List[str]:
    pos = start_of(d)
    name = name_of(d, context)
    message = f"{d.code} {name}: {d.message}" if name else f"{d.code}: {d.message}"
    body = [f"{d.filename}:{pos.row}:{pos.column}: {d.message}"]
    body.append(f"at {d.pointer_text}" if d.pointer else "at the document root")
    if d.tool is not None:
        body.append(f"tool: {d.tool}")
    if d.api_message:
        body.append(f"api: {d.api_message}")
    help_text = d.fix.message if d.fix is not None and d.fix.message else d.hint
    if help_text:
        body.append(f"help: {help_text}")
    return [
        f'      <failure message="{xml_attribute(message)}" type="{xml_attribute(d.code)}">'
        f"{xml_text(chr(10).join(body))}</failure>"
    ]


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    by_file: Dict[str, List[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.filename, []).append(d)
    for filename in context.sources:
        by_file.setdefault(filename, [])
    filenames = sorted(by_file)
    failures = len(diagnostics)
    failed_cases = sum(1 for f in filenames if by_file[f])
    suite = f'name="fcschema" tests="{len(filenames)}" failures="{failed_cases}" errors="0"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<testsuites {suite}>"]
    out.append(f'  <testsuite {suite} skipped="0">')
    out.append("    <properties>")
    out.append(f'      <property name="files_checked" value="{context.files_checked}"/>')
    out.append(f'      <property name="problems" value="{failures}"/>')
    out.append("    </properties>")
    for filename in filenames:
        quoted = xml_attribute(filename)
        attrs = f'classname="fcschema" name="{quoted}" file="{quoted}"'
        found = by_file[filename]
        if not found:
            out.append(f"    <testcase {attrs}/>")
            continue
        out.append(f"    <testcase {attrs}>")
        for d in found:
            out.extend(failure(d, context))
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    stream.write("\n".join(out) + "\n")
