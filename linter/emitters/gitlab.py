"""``gitlab``: a Code Climate JSON array, GitLab's code quality report format.

GitLab shows each issue in the merge request widget and diff, and decides which are new by
comparing fingerprints with the base branch; see :mod:`.fingerprints` for why they ignore
line numbers.
"""

from __future__ import annotations

from typing import Any, Dict, Sequence, TextIO

from ..diagnostics import Diagnostic
from ..json_encoding import indented_encoder
from .base import EmitContext, end_of, severity_of, start_of
from .fingerprints import fingerprints
from .uris import relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issue(d: Diagnostic, fingerprint: str, context: EmitContext) -> Dict[str, Any]:
    start, end = start_of(d), end_of(d)
    description = d.message + (f" (at {d.pointer_text})" if d.pointer else "")
    return {
        "description": f"{d.code}: {description}",
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[severity_of(d, context)],
        "location": {
            "path": relative_path(d.filename),
            "positions": {
                "begin": {"line": start.row, "column": start.column},
                "end": {"line": end.row, "column": end.column},
            },
        },
    }


def emit(diagnostics: Sequence[Diagnostic], stream: TextIO, context: EmitContext) -> None:
    issues = [issue(d, fp, context) for d, fp in zip(diagnostics, fingerprints(diagnostics))]
    stream.write(indented_encoder(2, ensure_ascii=True)(issues) + "\n")
