"""Rule modules, one per file; see the registry in this module."""
