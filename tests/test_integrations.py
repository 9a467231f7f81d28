"""The ready-mades users copy: the pre-commit hook (run with the real pre-commit program),
the GitHub Action and the CI examples."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "rules" / "FCS102-optional-property" / "good.json"
BAD = ROOT / "examples" / "rules" / "FCS102-optional-property" / "bad.yaml"


def _yaml(path: Path):
    return YAML(typ="safe").load(path.read_text())


def test_hook_definition_filters_json_and_yaml():
    hooks = _yaml(ROOT / ".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["fcschema"]
    hook = hooks[0]
    assert hook["entry"].startswith("fcschema check")
    assert hook["language"] == "python"
    assert sorted(hook["types_or"]) == ["json", "yaml"]
    assert "--force-exclude" in hook["entry"]


def test_example_precommit_config_uses_the_hook():
    config = _yaml(ROOT / "examples" / "ci" / "pre-commit-config.yaml")
    hook_ids = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert hook_ids == ["fcschema"]


def test_example_workflow_runs_fcschema_with_github_annotations():
    workflow = _yaml(ROOT / "examples" / "ci" / "github-workflow.yaml")
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("pip install fcschema" in run for run in runs)
    command = next(run for run in runs if run.startswith("fcschema check"))
    assert "--output-format github" in command
    # The command it runs works on a real tool folder and prints workflow commands.
    result = subprocess.run([sys.executable, "-m", "fcschema", "check", "--output-format", "github", str(BAD)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=")


def test_action_installs_and_runs_fcschema():
    action = _yaml(ROOT / "action.yml")
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step["run"] for step in action["runs"]["steps"])
    assert "pip install" in scripts
    assert "fcschema check --output-format github" in scripts
    assert set(action["inputs"]) >= {"paths", "args"}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A copy of fcschema as a git repository, the way pre-commit fetches a hook repo."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook") / "fcschema"
    ignore = shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info", ".pytest_cache",
                                    ".hypothesis", ".corpora", "build")
    shutil.copytree(ROOT, repo, ignore=ignore)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "hook")
    return repo


def _pre_commit(hook_repo: Path, work: Path, *files: str, args=()):
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "cache")}
    command = [pre_commit, "try-repo", str(hook_repo), "fcschema", "--verbose", "--files", *files]
    if args:
        # try-repo has no --args: write a config that passes them instead.
        config = work / ".pre-commit-config.yaml"
        config.write_text(json.dumps({"repos": [{"repo": str(hook_repo), "rev": _head(hook_repo),
                                                 "hooks": [{"id": "fcschema", "args": list(args)}]}]}))
        command = [pre_commit, "run", "--config", str(config), "--files", *files]
    return subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=900)


def _head(repo: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def work(tmp_path):
    _git(tmp_path, "init", "-q")
    shutil.copy(GOOD, tmp_path / "good.json")
    shutil.copy(BAD, tmp_path / "bad.yaml")
    (tmp_path / "package.json").write_text('{"name": "not-a-tool", "version": "1.0.0"}\n')
    _git(tmp_path, "add", "-A")
    return tmp_path


def test_precommit_hook_passes_good_files_and_skips_other_json(hook_repo, work):
    result = _pre_commit(hook_repo, work, "good.json", "package.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_precommit_hook_fails_on_bad_files(hook_repo, work):
    result = _pre_commit(hook_repo, work, "good.json", "bad.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "FCS102" in result.stdout


def test_precommit_hook_fixes_with_args_fix(hook_repo, work):
    result = _pre_commit(hook_repo, work, "bad.yaml", args=["--fix"])
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    original = BAD.read_text()
    assert 'type: [integer, "null"]' not in original
    assert 'type: [integer, "null"]' in (work / "bad.yaml").read_text()
    again = _pre_commit(hook_repo, work, "bad.yaml", args=["--fix"])
    assert again.returncode == 0, again.stdout + again.stderr
