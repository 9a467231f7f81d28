"""Custom tool grammars: where they are, and which features the API does not support.

A custom tool may constrain its free-form input with a grammar (spec 5): Lark, without
lookarounds or lazy quantifiers in its regular expressions, terminal priorities,
templates, `%declare` or imports other than `%import common`; or a single regular
expression in Rust `regex` syntax (no lookaround, no backreferences), one line, not
wrapped in `/.../`. The checks are textual: a grammar is never compiled or run.
"""

from __future__ import annotations

import re
from typing import List, NamedTuple, Optional, Tuple

from .diagnostics import Pointer
from .formats.model import CUSTOM
from .regex_check import (ATOMIC, BACKREFERENCE, CONDITIONAL, LAZY, LOOKAROUND, POSSESSIVE,
                          features)

LARK = "lark"
REGEX = "regex"


class Grammar(NamedTuple):
    syntax: str
    definition: str
    pointer: Pointer          # the `definition` value in the document


class GrammarProblem(NamedTuple):
    message: str
    severity: str = "error"


def grammar_of(site) -> Optional[Grammar]:
    """The grammar of a custom tool: `format` (Responses) or `custom.format.grammar` (Chat)."""
    if site.kind != CUSTOM or not isinstance(site.data, dict):
        return None
    if isinstance(site.data.get("custom"), dict):
        fmt, at = site.data["custom"].get("format"), ("custom", "format")
        holder = fmt.get("grammar") if isinstance(fmt, dict) else None
        at = at + ("grammar",)
    else:
        fmt, at = site.data.get("format"), ("format",)
        holder = fmt
    if not isinstance(fmt, dict) or fmt.get("type") != "grammar" or not isinstance(holder, dict):
        return None
    syntax, definition = holder.get("syntax"), holder.get("definition")
    if not isinstance(syntax, str) or not isinstance(definition, str):
        return None
    return Grammar(syntax.lower(), definition, tuple(site.pointer) + at + ("definition",))


# ---- Lark -------------------------------------------------------------------------------

_DECLARE = re.compile(r"^\s*%declare\b")
_IMPORT = re.compile(r"^\s*%import\s+([^\s(]+)")
_TERMINAL_PRIORITY = re.compile(r"^\s*_?[A-Z][A-Z0-9_]*\s*\.\s*-?\d+\s*:")
_TEMPLATE = re.compile(r"^\s*[?!]?_?[a-z][a-z0-9_]*\s*\{[^}]*\}\s*:")


def _lark_lines(definition: str) -> Tuple[List[str], List[Tuple[int, str]]]:
    """Each line with strings, regular expressions and comments blanked out, and the
    regular expression literals (line number, body)."""
    lines: List[str] = []
    regexes: List[Tuple[int, str]] = []
    for number, line in enumerate(definition.split("\n"), start=1):
        code, i, n = [], 0, len(line)
        while i < n:
            char = line[i]
            if char == '"':
                j = i + 1
                while j < n and line[j] != '"':
                    j += 2 if line[j] == "\\" else 1
                code.append('""')
                i = j + 1
            elif char == "/" and line[i + 1: i + 2] == "/":
                break  # comment
            elif char == "/":
                j = i + 1
                while j < n and line[j] != "/":
                    j += 2 if line[j] == "\\" else 1
                regexes.append((number, line[i + 1: j]))
                code.append("//")
                i = j + 1
            else:
                code.append(char)
                i += 1
        lines.append("".join(code))
    return lines, regexes


def lark_problems(definition: str) -> List[GrammarProblem]:
    problems: List[GrammarProblem] = []
    lines, regexes = _lark_lines(definition)
    for number, line in enumerate(lines, start=1):
        where = f"line {number}"
        if _DECLARE.match(line):
            problems.append(GrammarProblem(f"{where}: `%declare` is not supported"))
        imported = _IMPORT.match(line)
        if imported and not re.match(r"^common(\.|$)", imported.group(1)):
            problems.append(GrammarProblem(
                f"{where}: `%import {imported.group(1)}` is not supported (only `%import common...`)"))
        if _TERMINAL_PRIORITY.match(line):
            problems.append(GrammarProblem(f"{where}: terminal priorities (`NAME.2:`) are not supported"))
        if _TEMPLATE.match(line):
            problems.append(GrammarProblem(f"{where}: templates (`rule{{param}}:`) are not supported"))
    for number, body in regexes:
        for feature in features(body):
            if feature.kind in LOOKAROUND:
                problems.append(GrammarProblem(
                    f"line {number}: regular expression /{body}/ uses a {feature.kind} `{feature.text}`, "
                    "which is not supported"))
            elif feature.kind == LAZY:
                problems.append(GrammarProblem(
                    f"line {number}: regular expression /{body}/ uses a lazy quantifier "
                    f"`{feature.text}`, which is not supported"))
    return problems


# ---- regex ------------------------------------------------------------------------------

_RUST_UNSUPPORTED = LOOKAROUND + (BACKREFERENCE, ATOMIC, POSSESSIVE, CONDITIONAL)
_WRAPPED = re.compile(r"^/.*/[a-z]*$", re.DOTALL)


def regex_problems(definition: str) -> List[GrammarProblem]:
    problems: List[GrammarProblem] = []
    seen = set()
    for feature in features(definition):
        if feature.kind in _RUST_UNSUPPORTED and feature.kind not in seen:
            seen.add(feature.kind)
            problems.append(GrammarProblem(
                f"the regex uses a {feature.kind} `{feature.text}`, which Rust `regex` syntax does not "
                "support"))
    if "\n" in definition.strip("\n"):
        problems.append(GrammarProblem("the regex spans several lines; write it on one line",
                                       severity="warning"))
    if len(definition) > 1 and _WRAPPED.match(definition.strip()):
        problems.append(GrammarProblem(
            "the regex is wrapped in `/.../`: the slashes are matched literally; remove them",
            severity="warning"))
    return problems
