"""Filenames as the CI formats want them: forward slashes, no leading ``./``, and for
SARIF a URI reference (relative stays relative, so reports never hold machine paths)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def relative_path(filename: str) -> str:
    """``filename`` with ``/`` separators and without a leading ``./``."""
    path = filename.replace(os.sep, "/") if os.sep != "/" else filename
    while path.startswith("./"):
        path = path[2:]
    return path


def artifact_uri(filename: str) -> str:
    """A SARIF ``artifactLocation.uri``: a percent-encoded relative reference, or a
    ``file:`` URI for an absolute path."""
    if os.path.isabs(filename):
        return Path(filename).as_uri()
    return quote(relative_path(filename), safe="/", errors="surrogateescape")
