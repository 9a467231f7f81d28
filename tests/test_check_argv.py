"""The plain `fcschema check` command line read without click (check_argv, entry).

Whatever the reader accepts, it must read exactly as click reads it; whatever it is not
sure of, it must leave to click. The program must then behave as the click command does.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fcschema import check_argv
from fcschema.check_argv import read_check_argv
from fcschema.cli import check as click_check
from fcschema.cli import main

BAD_TOOL = {"type": "function", "function": {
    "name": "get_weather", "description": "Weather.", "strict": True,
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}


def click_params(argv, env=None):
    """What click hands to cli.check for ``argv`` (None: click refuses it), in ``env``
    (FCSCHEMA_OUTPUT_FORMAT unset unless it says)."""
    env = {"FCSCHEMA_OUTPUT_FORMAT": "", **(env or {})}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return click_check.make_context("check", list(argv[1:])).params
    except click.exceptions.Exit:
        return None
    except click.ClickException:
        return None
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_the_tables_are_the_click_commands_options():
    options = {p.name: p for p in click_check.params if isinstance(p, click.Option)}
    assert set(check_argv.DEFAULTS) == {p.name for p in click_check.params}
    for name, option in options.items():
        spellings = set(option.opts) | set(option.secondary_opts)
        if option.is_flag:
            assert {s for s, dest in check_argv.FLAGS.items() if dest == name} == spellings
        elif option.multiple:
            assert {s for s, dest in check_argv.REPEATABLE.items() if dest == name} == spellings
        else:
            assert {s for s, dest in check_argv.VALUES.items() if dest == name} == spellings
        if isinstance(option.type, click.Choice):
            assert tuple(check_argv.CHOICES[name]) == tuple(option.type.choices)
        if isinstance(option.type, click.IntRange):
            assert check_argv.AT_LEAST[name] == option.type.min and not option.type.clamp
        assert check_argv.ENVIRONMENT.get(name) == option.envvar
    assert click_params(["check"]) == dict(check_argv.DEFAULTS)  # what an option not given is
    paths = next(p for p in click_check.params if p.name == "paths")
    assert isinstance(paths.type, click.Path) and paths.nargs == -1


PLAIN = [
    ["check"],
    ["check", "tools.json"],
    ["check", "--force-exclude", "a.json", "b.yaml", "-"],
    ["check", "a.json", "--output-format", "github", "--select", "FCS1,FCS2", "--select", "FCS3", "-q"],
    ["check", "--output-format=json", "--jobs=2", "a.json", "--fix", "--unsafe-fixes", "--show-fixes"],
    ["check", "-j", "0", "--max-file-size", "100", "--color", "never", "--warnings-as-errors", "x"],
    ["check", "--target", "azure", "--ignore", "FCS7", "--exclude", "*.tmp", "--extend-select", "FCS1"],
    ["check", "--stdin-filename", "w.yaml", "-", "--exit-zero", "--isolated", "--statistics", "--diff"],
    ["check", "--stdin-filename=", "--max-file-size", "+7", "--jobs", "1_0", "--fix", "--fix"],
]
LEFT_TO_CLICK = [
    [], ["rule", "FCS101"], ["--version"], ["check", "--help"], ["check", "-h"], ["check", "--", "a.json"],
    ["check", "--output-format", "fancy"], ["check", "--output-format"], ["check", "--fix=yes"],
    ["check", "--jobs", "-1"], ["check", "--max-file-size", "0"], ["check", "-j2"], ["check", "-qj", "2"],
    ["check", "--output-form", "json"], ["check", "--target", "openai", "--target", "azure"],
    ["check", "--select", "--fix"], ["check", "--jobs", "two"], ["check", "-x"], ["check", "--color=AUTO"],
]


@pytest.mark.parametrize("argv", PLAIN)
def test_a_plain_command_line_is_read_as_click_reads_it(argv):
    params = read_check_argv(argv, {})
    assert params is not None
    assert params == click_params(argv)


@pytest.mark.parametrize("argv", LEFT_TO_CLICK)
def test_anything_else_is_left_to_click(argv):
    assert read_check_argv(argv, {}) is None


def test_the_output_format_from_the_environment(monkeypatch):
    argv = ["check", "a.json"]
    assert read_check_argv(argv, {"FCSCHEMA_OUTPUT_FORMAT": "concise"})["output_format"] == "concise"
    assert read_check_argv(argv, {"FCSCHEMA_OUTPUT_FORMAT": ""})["output_format"] is None
    given = read_check_argv(argv + ["--output-format", "json"], {"FCSCHEMA_OUTPUT_FORMAT": "x"})
    assert given["output_format"] == "json"
    assert read_check_argv(argv, {"FCSCHEMA_OUTPUT_FORMAT": "fancy"}) is None  # click's error
    assert read_check_argv(argv, {"_FCSCHEMA_COMPLETE": "bash_complete"}) is None  # shell completion
    env = {"FCSCHEMA_OUTPUT_FORMAT": "concise"}
    assert read_check_argv(argv, env) == click_params(argv, env)


def test_paths_click_would_refuse_are_left_to_it(tmp_path):
    folder = tmp_path / "config-folder"
    folder.mkdir()
    assert read_check_argv(["check", "--config", str(folder)], {}) is None  # a folder: click's error
    assert click_params(["check", "--config", str(folder)]) is None
    assert read_check_argv(["check", "a\0b.json"], {}) is None
    if os.geteuid() != 0:  # (root reads everything)
        secret = tmp_path / "secret.json"
        secret.write_text("{}")
        secret.chmod(0)
        assert read_check_argv(["check", str(secret)], {}) is None
        assert click_params(["check", str(secret)]) is None


TOKENS = st.sampled_from(
    ["a.json", "-", "--fix", "--unsafe-fixes", "-q", "--quiet", "--diff", "--warnings-as-errors", "--exit-zero",
     "--output-format", "--output-format=json", "json", "concise", "fancy", "--jobs", "-j", "2", "0", "-1",
     "--max-file-size", "5", "--select", "FCS1", "FCS1,FCS2", "--ignore", "--exclude", "*.yaml",
     "--target", "azure", "--color", "never", "--stdin-filename", "x.yaml", "--config", "--", "--help",
     "-h", "--fix=1", "--jobs=3", "--select=FCS7", "--color=always", "-jq", "--statistics", "--show-fixes"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=8))
def test_any_command_line_is_read_as_click_reads_it_or_left_to_click(tokens):
    argv = ["check", *tokens]
    params = read_check_argv(argv, {})
    if params is not None:
        assert params == click_params(argv)


# ---------------------------------------------------------------------------------------
# The program

def _program(*args, cwd, input=None):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("FCSCHEMA_OUTPUT_FORMAT", None)
    return subprocess.run([sys.executable, "-m", "fcschema", *args], cwd=cwd, capture_output=True, input=input,
                          env=env, timeout=60)


@pytest.mark.parametrize("args", [
    ["check", "bad.json"], ["check", "bad.json", "--output-format", "json", "-q"],
    ["check", "--statistics", "bad.json"], ["check", "--diff", "--show-fixes", "bad.json"],
    ["check", "--config", "missing.toml", "bad.json"], ["check", "--select", "FCS999", "bad.json"],
    ["check", "--exit-zero", "--output-format", "concise", "bad.json", "folder"],
])
def test_the_program_prints_what_the_click_command_prints(tmp_path, args):
    (tmp_path / "bad.json").write_text(json.dumps(BAD_TOOL, indent=2))
    (tmp_path / "folder").mkdir()
    program = _program(*args, cwd=tmp_path)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        clicked = CliRunner().invoke(main, args, env={"NO_COLOR": "1", "FCSCHEMA_OUTPUT_FORMAT": None},
                                   prog_name="python -m fcschema")
    finally:
        os.chdir(old)
    assert b"Traceback" not in program.stderr
    assert program.returncode == clicked.exit_code
    assert program.stdout.decode() == clicked.stdout
    assert program.stderr.decode() == clicked.stderr
    assert (tmp_path / "bad.json").read_text() == json.dumps(BAD_TOOL, indent=2)  # --diff writes nothing


def test_the_program_checks_a_json_file_without_importing_click(tmp_path):
    (tmp_path / "bad.json").write_text(json.dumps(BAD_TOOL))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "fcschema", "check", "bad.json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "FCS101" in done.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "fcschema.engine" in imported
    assert "click" not in imported and "fcschema.cli" not in imported
    helped = subprocess.run([sys.executable, "-X", "importtime", "-m", "fcschema", "check", "--help"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "Usage: " in helped.stdout and "click" in helped.stderr  # the rest is click's


def test_the_program_ends_quietly_when_its_reader_goes_away(tmp_path):
    """`fcschema check ... | head -1`: exit 1 (as click), no traceback."""
    (tmp_path / "bad.json").write_text(json.dumps([BAD_TOOL] * 3000))
    process = subprocess.Popen([sys.executable, "-m", "fcschema", "check", "bad.json", "--output-format", "concise"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in stderr and "Error" not in stderr


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="POSIX signals")
def test_the_program_says_aborted_on_ctrl_c(tmp_path):
    fifo = tmp_path / "waits.json"
    os.mkfifo(fifo)  # reading it blocks until the signal comes
    process = subprocess.Popen([sys.executable, "-m", "fcschema", "check", str(fifo)], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        import time

        time.sleep(1.0)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert err.decode().endswith("\nAborted!\n") and "Traceback" not in err.decode()

