"""Importing this module fails, as user code sometimes does."""

raise RuntimeError("boom while importing")
