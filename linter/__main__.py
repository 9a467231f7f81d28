"""`python -m fcschema` runs the command-line interface."""

from .entry import main

main()
