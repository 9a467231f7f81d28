"""fcschema benchmark: one command builds the corpora, measures, and prints the table.

    python benchmarks/run.py            # any Python 3.10+; needs the package index once
    python benchmarks/run.py --quick    # fewer repetitions, synthetic sizes up to 10,000

Everything it downloads or writes stays in ``benchmarks/.corpora/`` (git-ignored):
``bfcl-eval`` (``pip install --no-deps --target``; only its data files are read), a
virtual environment with ``check-jsonschema`` (the reference) and this checkout of
fcschema installed as users get it (not editable, reinstalled on every run), whose Python
also runs the ``python -c pass`` and ``import click`` references; the corpora, fresh
copies for ``--fix``, and the bytecode cache of every measured run (runs are measured
warm, as after an install, even where PYTHONDONTWRITEBYTECODE is set).

Every command runs as a subprocess, several times, in rounds: each round runs every
command once, and the commands that are compared run back to back. The table shows each
command's median time, and each ratio is the median of its per-round ratios: the speed of
a shared machine drifts from one minute to the next (the same command can take half as
long again), and two commands run back to back meet the same speed, where the medians of
two commands measured minutes apart need not. Peak memory is the child's maximum resident
set size (``os.wait4``, which also gives the user and system CPU time and page faults that
the growth rows compare). POSIX only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, NamedTuple, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, ".corpora")
sys.path.insert(0, HERE)

import corpora  # noqa: E402  (benchmarks/corpora.py)

BFCL_EVAL = "bfcl-eval==2026.3.23"
CHECK_JSONSCHEMA = "check-jsonschema==0.39.0"
META_SCHEMA = os.path.join(HERE, "strict-tools.schema.json")
SIZES = (10, 100, 1_000, 10_000, 100_000)
BIG = str(10 ** 10)   # --max-file-size for the synthetic files (the largest is ~150 MB)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# Environment


def _bin(venv: str, name: str) -> str:
    return os.path.join(venv, "Scripts" if os.name == "nt" else "bin", name)


def ensure_reference() -> str:
    """check-jsonschema in a benchmark-only virtual environment; returns its command."""
    venv = os.path.join(WORK, "venv")
    command = _bin(venv, "check-jsonschema")
    stamp = os.path.join(venv, "fcschema-benchmark.txt")
    if os.path.exists(command) and _read(stamp) == CHECK_JSONSCHEMA:
        return command
    log(f"installing {CHECK_JSONSCHEMA} into {os.path.relpath(venv)} ...")
    subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
    subprocess.run([_bin(venv, "python"), "-m", "pip", "install", "--quiet", CHECK_JSONSCHEMA], check=True)
    _write(stamp, CHECK_JSONSCHEMA)
    return command


def ensure_bfcl_package() -> str:
    """bfcl-eval's files (no dependencies: only its data is read)."""
    target = os.path.join(WORK, "bfcl-eval")
    stamp = os.path.join(target, "fcschema-benchmark.txt")
    if _read(stamp) == BFCL_EVAL:
        return target
    log(f"downloading {BFCL_EVAL} into {os.path.relpath(target)} ...")
    shutil.rmtree(target, ignore_errors=True)
    python = _bin(os.path.join(WORK, "venv"), "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", target,
                    BFCL_EVAL], check=True)
    _write(stamp, BFCL_EVAL)
    return target


def ensure_corpora(sizes) -> Dict[str, str]:
    out = os.path.join(WORK, "corpora")
    stamp = os.path.join(out, "fcschema-benchmark.txt")
    expected = f"{corpora.CORPUS_VERSION} {BFCL_EVAL}"
    bfcl_dir = os.path.join(out, "bfcl")
    if _read(stamp) != expected:
        log("extracting the BFCL function definitions and writing the corpora ...")
        shutil.rmtree(out, ignore_errors=True)
        functions = corpora.bfcl_functions(ensure_bfcl_package())
        corpora.write_bfcl(functions, bfcl_dir)
        _write(os.path.join(bfcl_dir, "count.txt"), str(len(functions)))
        _write(stamp, expected)
    paths = {
        "chat.json": os.path.join(bfcl_dir, "chat.json"),
        "responses.json": os.path.join(bfcl_dir, "responses.json"),
        "chat-tree": os.path.join(bfcl_dir, "chat-tree"),
        "yaml-tree": os.path.join(bfcl_dir, "yaml-tree"),
        "bfcl-count": _read(os.path.join(bfcl_dir, "count.txt")),
    }
    # The start-up file: the first tool of BFCL's simple_python set, as its own file.
    simple = os.path.join(paths["chat-tree"], "BFCL_v4_simple_python")
    paths["small.json"] = os.path.join(simple, sorted(os.listdir(simple))[0])
    log("writing the synthetic corpora (seeded) ...") if not os.path.isdir(os.path.join(out, "synthetic")) else None
    paths.update(corpora.write_synthetic(os.path.join(out, "synthetic"), list(sizes)))
    return paths


def _read(path: str) -> Optional[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return None


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


ROOT = os.path.dirname(HERE)


def ensure_fcschema() -> str:
    """This checkout installed as users get it (``pip install``, not editable: an editable
    install's import hook alone costs a tenth of start-up) into the benchmark environment,
    afresh on every run, with what its dependencies are now (one added since the
    environment was made is installed too); returns that environment's Python."""
    venv = os.path.join(WORK, "venv")
    python = _bin(venv, "python")
    log("installing this checkout of fcschema into the benchmark environment ...")
    subprocess.run([python, "-m", "pip", "install", "--quiet", ROOT], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ROOT], check=True)
    return python


def fcschema_command(python: str) -> List[str]:
    found = shutil.which("fcschema", path=os.path.dirname(python))
    return [found] if found else [python, "-m", "fcschema"]


def run_environment() -> Dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "FCSCHEMA_OUTPUT_FORMAT", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(WORK, "pycache")
    env["NO_COLOR"] = "1"
    return env


# ---------------------------------------------------------------------------------------
# Measuring


@dataclass
class Case:
    key: str
    argv: List[str]
    prepare: Optional[Callable[[], None]] = None   # untimed, before every run
    located: bool = False     # an fcschema check printing concise output: verify positions
    ok_codes: tuple = (0, 1)
    repeat: Optional[int] = None                   # fewer runs for the slowest commands
    warm_up: bool = True                           # one untimed run first (bytecode, checks)
    times: List[float] = field(default_factory=list)
    rss: List[int] = field(default_factory=list)   # KiB
    user: List[float] = field(default_factory=list)    # CPU seconds in user mode (workers too)
    system: List[float] = field(default_factory=list)  # CPU seconds in the kernel
    faults: List[int] = field(default_factory=list)    # minor page faults
    note: str = ""
    failed: Optional[str] = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak_kib(self) -> int:
        return max(self.rss)


# Runs through a small launcher, so that the peak memory measured is the command's own:
# a child forked from this (larger) process would count this process's pages as its own.
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_pid, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} "
              f"{usage.ru_utime} {usage.ru_stime} {usage.ru_minflt}")
"""


class Run(NamedTuple):
    """One run of a command. The CPU times and page faults are the command's and those of
    the worker processes it waited for; they tell whether a wall-clock ratio comes from
    the work (user time) or from the kernel (system time: mostly giving the process new
    memory, a page at a time)."""

    seconds: float
    peak_kib: int
    code: int
    user: float
    system: float
    faults: int


def run_once(argv: List[str], env, stdout=subprocess.DEVNULL) -> Run:
    report = os.path.join(WORK, "out", "run.txt")
    os.makedirs(os.path.dirname(report), exist_ok=True)
    subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, report, *argv], stdout=stdout,
                   stderr=subprocess.DEVNULL, env=env, cwd=WORK, check=True)
    elapsed, rss, code, user, system, faults = _read(report).split()
    return Run(float(elapsed), int(rss) // (1024 if sys.platform == "darwin" else 1), int(code),
               float(user), float(system), int(faults))


def verify(case: Case, env) -> None:
    """Untimed runs first: the exit code is as expected, and for a check every diagnostic
    has a position. Checks are timed with concise output (``file:row:col: CODE ...``,
    a position for every diagnostic); the verification reruns them with JSON output and
    counts the diagnostics that have a location."""
    if case.prepare:
        case.prepare()
    code = run_once(case.argv, env).code
    if code not in case.ok_codes:
        case.failed = f"exit code {code}"
        return
    if not case.located:
        return
    if case.prepare:
        case.prepare()
    out_path = os.path.join(WORK, "out", "verify.json")
    with open(out_path, "wb") as out:
        run_once([("json" if arg == "concise" else arg) for arg in case.argv], env, stdout=out)
    with open(out_path, encoding="utf-8") as handle:
        diagnostics = json.load(handle)
    located = sum(1 for d in diagnostics if d["location"]["row"] >= 1 and d["location"]["column"] >= 1
                  and d["end_location"]["row"] >= 1)
    if located != len(diagnostics):
        case.failed = f"{len(diagnostics) - located} diagnostics without a position"
    case.note = f"{len(diagnostics):,} diagnostics"


def measure(cases: List[Case], repeat: int, env) -> None:
    for case in cases:
        if case.warm_up:
            log(f"  warm-up and check: {case.key}")
            verify(case, env)
    active = [c for c in cases if not c.failed]
    for round_number in range(repeat):
        log(f"  round {round_number + 1}/{repeat}")
        for case in active:
            if case.repeat is not None and round_number >= case.repeat:
                continue
            if case.prepare:
                case.prepare()
            run = run_once(case.argv, env)
            if run.code not in case.ok_codes:
                case.failed = f"exit code {run.code}"
            case.times.append(run.seconds)
            case.rss.append(run.peak_kib)
            case.user.append(run.user)
            case.system.append(run.system)
            case.faults.append(run.faults)


def paired_ratio(times: List[float], reference: List[float]) -> float:
    """The median of ``times[i] / reference[i]`` over the rounds both ran (a command with
    fewer runs ran in the first rounds): each pair ran back to back, at the same speed of
    the machine."""
    return statistics.median([t / r for t, r in zip(times, reference)])


def cpu_growth(larger: Case, smaller: Case) -> str:
    """How the user time, system time and page faults grew from ``smaller`` to ``larger``
    (paired by round, as the wall-clock ratios): where a growth in wall time comes from."""
    user = paired_ratio(larger.user, smaller.user)
    system = paired_ratio(larger.system, smaller.system) if all(smaller.system) else float("nan")
    faults = paired_ratio(larger.faults, smaller.faults)
    return f"user CPU {user:.1f}x, system {system:.1f}x, page faults {faults:.1f}x"


def fresh_copy(source: str, target: str) -> Callable[[], None]:
    def prepare():
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
    return prepare


def has_subcommand(fcschema: List[str], words: List[str], env) -> bool:
    result = subprocess.run(fcschema + words + ["--help"], capture_output=True, text=True, env=env, cwd=WORK)
    return result.returncode == 0


# ---------------------------------------------------------------------------------------
# The table


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def file_size(path: str) -> int:
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(root, name)) for root, _dirs, names in os.walk(path) for name in names)
    return os.path.getsize(path)


class Table:
    def __init__(self):
        self.rows: List[List[str]] = []
        self.misses: List[str] = []

    def row(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def target(self, met: bool, text: str, label: str) -> str:
        if not met:
            self.misses.append(f"{label}: {text}")
        return f"{text} {'ok' if met else 'MISSED'}"

    def render(self) -> str:
        header = ["workload", "fcschema", "reference", "ratio", "target", "peak RSS", "notes"]
        widths = [max(len(r[i]) for r in [header] + self.rows) for i in range(len(header))]
        lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
                 "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in self.rows]
        return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs, synthetic sizes up to 10,000")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    sizes = [s for s in SIZES if not args.quick or s <= 10_000]

    os.makedirs(os.path.join(WORK, "out"), exist_ok=True)
    env = run_environment()
    reference = ensure_reference()
    python = ensure_fcschema()
    fcs = fcschema_command(python)
    if subprocess.run(fcs + ["--version"], capture_output=True, env=env, cwd=WORK).returncode != 0:
        log("fcschema does not run in the benchmark environment (see the install output above)")
        return 2
    paths = ensure_corpora(sizes)
    rel = {key: os.path.relpath(path, WORK) for key, path in paths.items() if key != "bfcl-count"}
    fix_dir = os.path.join(WORK, "fix")
    cj = [reference, "--schemafile", META_SCHEMA]
    tree_files = {key: sorted(os.path.relpath(os.path.join(root, name), WORK)
                              for root, _dirs, names in os.walk(paths[key]) for name in names)
                  for key in ("chat-tree", "yaml-tree")}
    slow = min(repeat, 3)   # runs of the slowest commands (the YAML tree and its reference, 100,000 tools)

    cases: Dict[str, Case] = {}

    def add(key, argv, **options):
        cases[key] = Case(key, argv, **options)

    def check(*arguments, **options):
        add(options.pop("key"), fcs + ["check", "--output-format", "concise", *arguments], located=True, **options)

    # In the order of a round: what a ratio compares runs back to back (the small file
    # between click and check-jsonschema; the BFCL check between check-jsonschema and
    # its --fix and convert; each synthetic size after the one before).
    add("python", [python, "-c", "pass"], ok_codes=(0,))
    add("click", [python, "-c", "import click"], ok_codes=(0,))
    add("small", fcs + ["check", rel["small.json"]])
    add("small-cj", cj + [rel["small.json"]])
    check(rel["small.json"], key="small-concise")
    add("chat-cj", cj + [rel["chat.json"]], warm_up=False)
    check(rel["chat.json"], key="chat")
    check("--fix", "fix/chat.json", key="fix-chat",
          prepare=fresh_copy(paths["chat.json"], os.path.join(fix_dir, "chat.json")))
    if has_subcommand(fcs, ["convert"], env):
        add("convert", fcs + ["convert", "--to", "responses", "--quiet", rel["chat.json"], "-o", "out/converted.json"])
    add("chat-json", fcs + ["check", "--output-format", "json", rel["chat.json"]])
    add("tree-cj", cj + tree_files["chat-tree"], warm_up=False)
    check(rel["chat-tree"], key="tree")
    check("--jobs", "1", rel["chat-tree"], key="tree-serial")
    add("yaml-cj", cj + tree_files["yaml-tree"], warm_up=False, repeat=slow)
    check(rel["yaml-tree"], key="yaml", repeat=slow)
    add("responses-cj", cj + [rel["responses.json"]], warm_up=False)
    check(rel["responses.json"], key="responses")
    check("--fix", "--unsafe-fixes", "fix/responses.json", key="fix-responses",
          prepare=fresh_copy(paths["responses.json"], os.path.join(fix_dir, "responses.json")))
    for size in sizes:
        check("--max-file-size", BIG, rel[f"tools-{size}"], key=f"tools-{size}",
              repeat=slow if size >= 100_000 else None)
    middle = f"tools-{min(10_000, sizes[-1])}"
    check("--fix", "--max-file-size", BIG, "fix/synthetic.json", key="fix-synthetic",
          prepare=fresh_copy(paths[middle], os.path.join(fix_dir, "synthetic.json")))
    check(rel["deep"], key="deep")
    check(rel["wide"], key="wide")

    log(f"measuring {len(cases)} commands, {repeat} runs each ...")
    started = time.perf_counter()
    measure(list(cases.values()), repeat, env)

    table = Table()
    c = cases

    def t(key):
        return ms(c[key].median) if not c[key].failed else f"failed ({c[key].failed})"

    def ratio(a, b):
        return paired_ratio(c[a].times, c[b].times)

    def ok(*keys):
        return all(key in c and not c[key].failed for key in keys)

    def rss(key):
        return mib(c[key].peak_kib) if ok(key) else ""

    table.row("`python -c pass`", "", t("python"), "", "", rss("python"), "bare interpreter start")
    table.row("`python -c \"import click\"`", "", t("click"), "", "", rss("click"), "same interpreter")
    if ok("small", "small-cj", "click"):
        faster = ratio("small-cj", "small")
        table.row("check 1 small JSON file", t("small"), t("small-cj"), f"{faster:.1f}x faster",
                  table.target(faster >= 4, ">= 4x", "small file vs check-jsonschema"), rss("small"),
                  "default output (full)")
        slower = ratio("small", "click")
        table.row("  the same, against `import click`", "", t("click"), f"{slower:.2f}x",
                  table.target(slower <= 1.5, "<= 1.5x", "small file vs import click"), "", "")
    if ok("small-concise", "click"):
        table.row("  the same, concise output", t("small-concise"), "", f"{ratio('small-concise', 'click'):.2f}x click",
                  "", rss("small-concise"), "")
    bfcl = f"BFCL ({paths['bfcl-count']} tools)"
    for key, label, size_key in (("chat", f"check {bfcl}, 1 JSON file (Chat)", "chat.json"),
                                 ("tree", f"check {bfcl}, 1 JSON file per tool", "chat-tree"),
                                 ("yaml", f"check {bfcl}, 1 YAML file per tool", "yaml-tree"),
                                 ("responses", f"check {bfcl}, 1 JSON file (Responses)", "responses.json")):
        notes = f"{c[key].note}, {file_size(paths[size_key]) / 2 ** 20:.1f} MiB input"
        if not ok(key, key + "-cj"):
            table.row(label, t(key), t(key + "-cj"), "", "", rss(key), notes)
            continue
        faster = ratio(key + "-cj", key)
        target = table.target(faster >= 10, ">= 10x", label) if key in ("chat", "tree") else ""
        table.row(label, t(key), t(key + "-cj"), f"{faster:.1f}x faster", target, rss(key), notes)
        if key == "tree" and ok("tree-serial"):
            table.row("  the same, one process (`--jobs 1`)", t("tree-serial"), t("tree-cj"),
                      f"{ratio('tree-cj', 'tree-serial'):.1f}x faster", "", rss("tree-serial"),
                      f"{ratio('tree-serial', 'tree'):.2f}x the default (one process per CPU: {cpu_count()})")
        if key == "chat" and ok("chat-json"):
            table.row("  the same, `--output-format json`", t("chat-json"), t("chat-cj"),
                      f"{ratio('chat-cj', 'chat-json'):.1f}x faster", "", rss("chat-json"), "")
    for key, label, base in (("fix-chat", f"check --fix {bfcl} (Chat, fresh copy)", "chat"),
                             ("fix-responses", f"check --fix --unsafe-fixes {bfcl} (Responses)", "responses"),
                             ("convert", f"convert --to responses {bfcl} (Chat)", "chat")):
        if key not in c:
            table.row(label, "skipped", "", "", "", "", "`fcschema convert` is not available in this checkout")
        elif not ok(key, base):
            table.row(label, t(key), "", "", "", "", "")
        else:
            r = ratio(key, base)
            table.row(label, t(key), "", f"{r:.2f}x check", table.target(r <= 2.5, "<= 2.5x check", label),
                      rss(key), c[key].note)
    previous = None
    for size in sizes:
        key = f"tools-{size}"
        label = f"check synthetic, {size:,} tools"
        if not ok(key):
            table.row(label, t(key), "", "", "", "", "")
            previous = None
            continue
        input_bytes = file_size(paths[key])
        growth, target = "", ""
        if previous is not None:
            g = ratio(key, previous)
            growth = f"{g:.1f}x the {int(previous.split('-')[1]):,}"
            if size >= 10_000:   # below that, start-up dominates and growth is trivially small
                target = table.target(g <= 11, "<= 11x", f"growth to {size:,} tools")
        notes = f"{c[key].note}, {input_bytes / 2 ** 20:.1f} MiB input"
        if size >= 10_000:
            notes += f", peak RSS {c[key].peak_kib * 1024 / input_bytes:.1f}x input"
        if size >= 10_000 and previous is not None:
            notes += f"; {cpu_growth(c[key], c[previous])}"
        table.row(label, t(key), "", growth, target, rss(key), notes)
        previous = key
    if ok("fix-synthetic", middle):
        table.row(f"check --fix synthetic, {int(middle.split('-')[1]):,} tools", t("fix-synthetic"), "",
                  f"{ratio('fix-synthetic', middle):.2f}x check", "", rss("fix-synthetic"), c["fix-synthetic"].note)
    for key, label in (("deep", "check deep schema (200 nested objects)"),
                       ("wide", "check wide schema (5,000 properties)")):
        table.row(label, t(key), "", "", "", rss(key), c[key].note)

    print()
    print(f"fcschema benchmark: median of {repeat} runs ({slow} for the slowest); ratios: median of the "
          f"per-round ratios; {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {platform.system()}; reference: {CHECK_JSONSCHEMA} with "
          f"benchmarks/strict-tools.schema.json; measured in {time.perf_counter() - started:,.0f} s")
    print()
    print(table.render())
    print()
    failed = [case for case in cases.values() if case.failed]
    for case in failed:
        print(f"FAILED: {case.key}: {case.failed} ({' '.join(case.argv)})")
    for miss in table.misses:
        print(f"target missed: {miss}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
