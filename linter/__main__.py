"""`python -m fcschema` runs the command-line interface."""

from .cli import main

main()
