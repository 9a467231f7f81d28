"""Fuzz fcschema for a set time: ``python tests/fuzz/run.py --minutes 10 --target all``.

Targets (see fuzz_targets.py): ``loaders``, ``rules``, ``fixer``, ``converter`` or ``all``
(the time is shared between them, one process at a time). Engines:

* ``atheris`` (coverage-guided, libFuzzer): ``pip install atheris`` first. It starts from
  the bundled examples and mutates bytes; a crash stops the run and its input is written
  to ``--artifacts`` (a new temporary folder by default, printed at the end).
* ``hypothesis``: generated tool definitions and requests, written as JSON or YAML in
  several styles and encodings, sometimes damaged; a failure prints the shrunk input.
* ``auto`` (default): atheris when it is installed, else hypothesis.

Exit status 0 when nothing was found, 1 when a target failed. Turn every input it finds
into a regression test in tests/test_hostile_input.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

NAMES = ("loaders", "rules", "fixer", "converter")
# Tokens for libFuzzer's mutations: what tool files and their damage are made of.
DICTIONARY = [token.encode("utf-8", "surrogatepass") for token in (
    '"type"', '"function"', '"name"', '"parameters"', '"strict"', '"properties"', '"required"',
    '"additionalProperties"', '"items"', '"anyOf"', '"$ref"', '"$defs"', '"#/$defs/a"', '"enum"',
    '"const"', '"default"', '"tools"', '"object"', '"string"', '"null"', "true", "false", "null",
    "NaN", "-Infinity", "1e400", '"\\ud800"', "&a ", "*a", "<<: ", "!!python/object", "---", "\r\n",
    "\ufeff", "- ", ": ", "{", "}", "[", "]", "# ", "\t",
)] + [b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\x00"]


def _atheris_available() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def run_atheris(target: str, seconds: int, artifacts: str) -> int:
    """libFuzzer in a child process (a crash ends that process, not this one)."""
    corpus = os.path.join(artifacts, f"corpus-{target}")
    os.makedirs(corpus, exist_ok=True)
    dictionary = os.path.join(artifacts, "tokens.dict")
    with open(dictionary, "w", encoding="utf-8") as handle:
        for token in DICTIONARY:  # libFuzzer's syntax: "..." with \\, \" and \xNN escapes
            handle.write('"' + "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\x{c:02x}"
                                       for c in token) + '"\n')
    command = [sys.executable, os.path.abspath(__file__), "--child", target,
               f"-max_total_time={seconds}", f"-artifact_prefix={artifacts}{os.sep}{target}-",
               f"-dict={dictionary}", "-rss_limit_mb=3072", "-timeout=30", "-max_len=8192", "-print_final_stats=1", corpus]
    print(f"[{target}] atheris for {seconds}s: {' '.join(command[1:])}", flush=True)
    return subprocess.call(command)


def child(target: str, argv) -> None:
    """The libFuzzer process: instrument fcschema (and ruamel.yaml), seed, fuzz."""
    import atheris

    with atheris.instrument_imports(include=["fcschema", "ruamel"]):
        import importlib
        import pkgutil

        import fcschema
        for package in ("fcschema", "fcschema.rules", "fcschema.emitters", "fcschema.formats"):
            module = importlib.import_module(package)
            for info in pkgutil.iter_modules(module.__path__, package + "."):
                if not info.name.startswith(("fcschema.authoring", "fcschema.cli", "fcschema.__main__")):
                    importlib.import_module(info.name)
        import ruamel.yaml  # noqa: F401
        del fcschema
    import fuzz_targets

    corpus = argv[-1]
    if not os.listdir(corpus):
        for index, seed in enumerate(fuzz_targets.seed_corpus(ROOT)):
            with open(os.path.join(corpus, f"seed-{index}"), "wb") as handle:
                handle.write(seed)
    function = fuzz_targets.TARGETS[target]
    atheris.Setup([sys.argv[0], *argv], function)
    atheris.Fuzz()


def run_hypothesis(target: str, seconds: int) -> int:
    """Generated documents until the time is up; the first failure is shrunk and shown."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import fuzz_targets

    function = fuzz_targets.TARGETS[target]
    inputs = st.one_of(fuzz_targets.documents(), st.binary(max_size=300).map(lambda b: b"\x00" + b),
                       st.sampled_from(fuzz_targets.seed_corpus(ROOT)))

    @settings(max_examples=200, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data):
        function(data)

    deadline = time.monotonic() + seconds
    batches = 0
    print(f"[{target}] hypothesis for {seconds}s", flush=True)
    while time.monotonic() < deadline:
        try:
            fuzz()
        except Exception:  # noqa: BLE001 - report whatever the target raised
            traceback.print_exc()
            print(f"[{target}] FAILED after {batches} batches of 200 inputs", flush=True)
            return 1
        batches += 1
    print(f"[{target}] ok: {batches} batches of 200 inputs", flush=True)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="total time (shared by the targets)")
    parser.add_argument("--target", choices=(*NAMES, "all"), default="all")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--artifacts", help="folder for atheris corpora and crash inputs")
    options = parser.parse_args(argv)
    engine = options.engine
    if engine == "auto":
        engine = "atheris" if _atheris_available() else "hypothesis"
    if engine == "atheris" and not _atheris_available():
        parser.error("atheris is not installed (pip install atheris), or use --engine hypothesis")
    targets = NAMES if options.target == "all" else (options.target,)
    seconds = max(1, int(options.minutes * 60 / len(targets)))
    artifacts = options.artifacts or tempfile.mkdtemp(prefix="fcschema-fuzz-")
    os.makedirs(artifacts, exist_ok=True)
    failed = []
    for target in targets:
        started = time.monotonic()
        code = run_atheris(target, seconds, artifacts) if engine == "atheris" else run_hypothesis(target, seconds)
        print(f"[{target}] exit {code} after {time.monotonic() - started:.0f}s", flush=True)
        if code != 0:
            failed.append(target)
    if engine == "atheris":
        print(f"artifacts and corpora: {artifacts}")
    print("FAILED: " + ", ".join(failed) if failed else "no failures")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(main())
