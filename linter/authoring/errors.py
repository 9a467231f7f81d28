"""What authoring reports: a problem names the field and offers the ways out.

A schema that strict mode cannot express is not silently weakened: every such
place becomes a :class:`Problem`, and :class:`StrictSchemaError` carries all of
them at once so the author can fix the model in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Tuple


class AuthoringError(ValueError):
    """A model, function or ``MODULE:NAME`` target cannot become a tool definition."""


class AuthoringWarning(UserWarning):
    """The generated tool differs from the Python type (a constraint moved to the description)."""


@dataclass(frozen=True)
class Problem:
    """One construct strict mode cannot express.

    ``field`` is a dotted path such as ``Order.items[].meta``; ``pointer`` is the
    RFC 6901 pointer into the generated ``parameters`` schema.
    """

    field: str
    pointer: str
    message: str
    choices: Tuple[str, ...] = ()

    def __str__(self) -> str:
        text = f"{self.field}: {self.message}"
        if self.choices:
            text += " Choices: " + "; ".join(self.choices) + "."
        return text


class StrictSchemaError(AuthoringError):
    """Every :class:`Problem` found in one tool, reported together."""

    def __init__(self, tool: str, problems: Sequence[Problem]):
        self.tool = tool
        self.problems = list(problems)
        lines = [f"{tool}: cannot be expressed as a strict tool:"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))
