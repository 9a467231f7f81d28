"""Stable identities for findings, for GitLab code quality and SARIF partialFingerprints.

CI compares the findings of a merge request with those of its base by fingerprint. A
fingerprint built from line numbers would call every finding below an inserted tool "new",
so it is built from what names the finding in the document instead: file, code, JSON
pointer and tool, plus a counter that tells apart identical keys (same rule, same place).
"""

from __future__ import annotations

import hashlib
from typing import Dict, List, Optional, Sequence, Tuple

from ..diagnostics import Diagnostic
from .uris import relative_path


def key_of(d: Diagnostic) -> Tuple[str, str, str, Optional[str]]:
    return (relative_path(d.filename), d.code, d.pointer_text, d.tool)


def fingerprint(key: Tuple[str, str, str, Optional[str]], occurrence: int) -> str:
    """32 hex digits of SHA-256 over the key's parts and the occurrence counter."""
    filename, code, pointer, tool = key
    parts = (filename, code, pointer, "" if tool is None else "tool:" + tool, str(occurrence))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fingerprints(diagnostics: Sequence[Diagnostic]) -> List[str]:
    """One fingerprint per diagnostic, in order; the n-th of identical keys gets counter n."""
    seen: Dict[Tuple[str, str, str, Optional[str]], int] = {}
    result = []
    for d in diagnostics:
        key = key_of(d)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(fingerprint(key, occurrence))
    return result
