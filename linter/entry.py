"""The `fcschema` program (and `python -m fcschema`).

A plain `fcschema check` command line (check_argv) runs without importing click: that
is the command pre-commit and CI run on every commit, and click's import is a third of
checking a small file. Every other command line, and any the reader is not sure of, goes
to click (cli.main), which also reports the mistakes in it.
"""

from __future__ import annotations

import errno
import os
import sys


def main() -> None:
    from .check_argv import read_check_argv

    params = read_check_argv(sys.argv[1:], os.environ)
    if params is not None:
        _plain_check(params)  # returns only when click is to say what is wrong
    from .cli import main as click_main

    click_main()


def _plain_check(params: dict) -> None:
    """Run the check and end the process as click's one-shot run ends it (cli._Commands):
    flush the output, skip the interpreter's teardown. Ctrl-C and a closed output pipe
    end it as click ends them (exit code 1; "Aborted!" after Ctrl-C)."""
    from .check_command import UsageProblem, run_check

    try:
        code = run_check(params, one_shot=True)
    except UsageProblem:
        return  # click says it, with the command's usage (it has read nothing yet)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\nAborted!\n")
        code = 1
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        os._exit(1)  # whoever read the output has gone: nothing more to write
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)
    os._exit(code)
