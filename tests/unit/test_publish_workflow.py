"""The GitHub Pages workflow: what runs when, with which permissions, zizmor's security audit of it, and the one
set-up path that it, the README's commands and .ci/run share (so what CI proves is what GitHub runs)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT


WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PUSH_ONLY = "github.event_name == 'push'"
NOT_WEEKLY = "github.event_name != 'schedule'"
WEEKLY_ONLY = "github.event_name == 'schedule'"
# The only job conditions the workflow may use, and the events each lets through.
CONDITIONS = {PUSH_ONLY: {"push"}, NOT_WEEKLY: {"push", "pull_request"}, WEEKLY_ONLY: {"schedule"}}
INSTALL_SCRIPT = "scripts/install-system-packages"
PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})\s+#\s*v\d+(?:\.\d+)*\s*$")


def load_workflow() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return load_workflow()


@pytest.fixture(scope="module")
def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return workflow["jobs"]


def steps_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def all_steps(jobs: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in jobs.items() for step in steps_of(job)]


def normalised_condition(condition: str) -> str:
    condition = condition.strip()
    if condition.startswith("${{") and condition.endswith("}}"):
        condition = condition[3:-2].strip()
    return " ".join(condition.replace('"', "'").split())


def jobs_run_for(event: str, jobs: dict[str, dict[str, Any]]) -> set[str]:
    """The jobs a run triggered by `event` executes, following `needs` and the only `if`s the workflow may use."""
    ran: set[str] = set()
    pending = dict(jobs)
    while pending:
        ready = [name for name, job in pending.items() if set(needs_of(job)) <= set(jobs) - set(pending)]
        assert ready, f"jobs with circular or unknown needs: {sorted(pending)}"
        for name in ready:
            job = pending.pop(name)
            condition = job.get("if")
            if condition is None:
                allowed = True
            else:
                condition = normalised_condition(str(condition))
                assert condition in CONDITIONS, f"job {name}: unexpected if: {condition!r}"
                allowed = event in CONDITIONS[condition]
            if allowed and set(needs_of(job)) <= ran:
                ran.add(name)
    return ran


def needs_of(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    assert ZIZMOR.exists(), f"{ZIZMOR} is missing: install the test tools with pip install -e '.[test]'"
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--min-severity", "medium", "--format", "json", "--no-progress",
         str(WORKFLOW.relative_to(ROOT))],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    report = f"exit code {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, report
    findings = json.loads(result.stdout)
    assert isinstance(findings, list), report
    serious = [f for f in findings if f["determinations"]["severity"].lower() in {"medium", "high"}]
    assert serious == [], report
    assert findings == [], report


def test_push_to_main_pull_requests_and_a_weekly_schedule_are_the_only_triggers(workflow: dict[str, Any]) -> None:
    triggers = workflow["on"]
    assert set(triggers) == {"push", "pull_request", "schedule"}
    assert triggers["push"] == {"branches": ["main"]}
    assert triggers["pull_request"] == {"branches": ["main"]}
    [schedule] = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit(), f"not weekly: {schedule['cron']}"
    assert minute.isdigit() and hour.isdigit()


def test_push_tests_builds_and_deploys(jobs: dict[str, dict[str, Any]]) -> None:
    assert jobs_run_for("push", jobs) == {"test", "build", "deploy"}
    assert needs_of(jobs["build"]) == ["test"]
    assert needs_of(jobs["deploy"]) == ["build"]


def test_the_weekly_run_checks_review_dates_and_neither_builds_nor_deploys(jobs: dict[str, dict[str, Any]]) -> None:
    assert jobs_run_for("schedule", jobs) == {"review"}
    review = jobs["review"]
    assert "permissions" not in review and "environment" not in review
    assert [step["run"].strip() for step in steps_of(review) if "run" in step][-1] == "make review-due"
    assert not any(step.get("uses", "").startswith(("actions/upload-pages-artifact@", "actions/deploy-pages@"))
                   for step in steps_of(review))
    # A waiting push to main must never be cancelled by the weekly run taking its place in the queue.
    assert "github.event_name" in load_workflow()["concurrency"]["group"]


def test_the_review_check_warns_sixty_days_ahead() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^review-due:.*\n\t(?P<command>.*)$", makefile, re.MULTILINE)
    assert recipe and recipe["command"].endswith("-m build_tools review-due --days 60"), "make review-due"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "60 days" in readme and "every week" in readme.lower(), "the README tells the maintainer about it"


def test_pull_request_only_tests(jobs: dict[str, dict[str, Any]]) -> None:
    assert jobs_run_for("pull_request", jobs) == {"test"}
    for name in ("build", "deploy"):
        assert normalised_condition(jobs[name]["if"]) == PUSH_ONLY


def test_workflow_token_can_only_read_contents(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}


def test_only_deploy_can_write_pages_and_mint_id_tokens(jobs: dict[str, dict[str, Any]]) -> None:
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in jobs.items():
        if name == "deploy":
            continue
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"job {name}: permissions must be listed, not {permissions!r}"
        assert set(permissions) <= {"contents"}, f"job {name} asks for {permissions}"
        assert permissions.get("contents", "read") in {"read", "none"}, f"job {name} asks for {permissions}"


def test_every_action_is_pinned_to_a_commit_with_its_version(jobs: dict[str, dict[str, Any]]) -> None:
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    unpinned = [line for line in lines if not PINNED_USES.match(line)]
    assert unpinned == [], "pin each action to a full commit SHA followed by '# vX.Y.Z'"
    # Every `uses:` the parser sees has been checked line by line above.
    assert len(lines) == sum(1 for _, step in all_steps(jobs) if "uses" in step)
    assert lines, "the workflow uses no actions?"


def test_checkouts_do_not_keep_the_token(jobs: dict[str, dict[str, Any]]) -> None:
    checkouts = [(name, step) for name, step in all_steps(jobs) if step.get("uses", "").startswith("actions/checkout@")]
    assert {name for name, _ in checkouts} == {"test", "build", "review"}
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"job {name}: checkout keeps credentials"


def test_no_expression_is_interpolated_into_a_shell_script(jobs: dict[str, dict[str, Any]]) -> None:
    scripts = [(name, step["run"]) for name, step in all_steps(jobs) if "run" in step]
    assert scripts
    for name, script in scripts:
        assert "${{" not in script, f"job {name}: pass expressions through env:, not into run: {script!r}"
    text = WORKFLOW.read_text(encoding="utf-8")
    for untrusted in ("github.event.", "head_ref", "github.head_ref"):
        assert untrusted not in text, f"the workflow reads untrusted input {untrusted}"


def test_site_is_built_strictly_for_its_pages_address(jobs: dict[str, dict[str, Any]]) -> None:
    steps = steps_of(jobs["build"])
    configure = [i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages@")]
    build = [i for i, step in enumerate(steps) if step.get("run", "").strip() == "make site"]
    upload = [i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(configure) == len(build) == len(upload) == 1
    assert configure[0] < build[0] < upload[0]
    pages_id = steps[configure[0]]["id"]
    assert steps[build[0]]["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}/"
    assert steps[upload[0]]["with"]["path"].rstrip("/") == "site"
    # `make site` runs `mkdocs build --strict`, which refuses overdue content: nothing may build around it.
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "--no-strict" not in text and "mkdocs build" not in text and "mkdocs gh-deploy" not in text


def test_deploy_publishes_the_uploaded_site(jobs: dict[str, dict[str, Any]]) -> None:
    deploy = jobs["deploy"]
    (step,) = steps_of(deploy)
    assert step["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"] == {"name": "github-pages", "url": f"${{{{ steps.{step['id']}.outputs.page_url }}}}"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_workflow_runs_the_readme_test_command(jobs: dict[str, dict[str, Any]]) -> None:
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert [step["run"].strip() for step in steps_of(jobs["test"]) if "run" in step][-1] == "make test"


def test_every_job_has_a_timeout(jobs: dict[str, dict[str, Any]]) -> None:
    for name, job in jobs.items():
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, name


def test_header_says_what_it_does_and_how_to_set_up_pages() -> None:
    header = []
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    text = " ".join(header)
    assert "GitHub Pages" in text and '"GitHub Actions"' in text and "Source" in text


def install_steps(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in steps_of(job) if INSTALL_SCRIPT in step.get("run", "")]


def test_every_job_that_runs_commands_installs_with_the_one_script(jobs: dict[str, dict[str, Any]]) -> None:
    # The set-up paths drifted apart once (the workflow installed no npm, which `make test` needs): one script now.
    wanted = {"test": "test", "build": "build", "review": "build"}
    for name, job in jobs.items():
        runs = [step for step in steps_of(job) if "run" in step]
        if not runs:
            continue
        assert install_steps(job) == [f"bash {INSTALL_SCRIPT} {wanted[name]}"], f"job {name}"
        assert INSTALL_SCRIPT in runs[0]["run"], f"job {name}: install the Debian packages before anything else"
        checkout = next(i for i, step in enumerate(steps_of(job)) if step.get("uses", "").startswith("actions/checkout@"))
        assert steps_of(job).index(runs[0]) > checkout, f"job {name}: the script comes with the checkout"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "apt-get" not in text, "no package list of the workflow's own: the script has the one list"


def test_ci_and_make_use_the_same_script() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{INSTALL_SCRIPT} test" in ci and "apt-get" not in ci
    assert ci.rstrip().splitlines()[-1] == "make test"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"SYSTEM_PACKAGES := {INSTALL_SCRIPT}" in makefile and "apt-get" not in makefile
    for target, kind in (("site", "build"), ("test", "test")):
        prerequisites = re.search(rf"^{target}:(.*)$", makefile, re.MULTILINE)
        assert prerequisites and f"system-{kind}" in prerequisites[1].split(), f"make {target}"
        assert re.search(rf"^system-{kind}:\n\t@\$\(SYSTEM_PACKAGES\) {kind}$", makefile, re.MULTILINE)


@pytest.mark.parametrize(("kind", "must_have"), [
    ("build", {"python3", "python3-venv", "make", "git", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"}),
    ("test", {"chromium", "nodejs", "npm"}),
])
def test_the_script_installs_what_building_and_testing_need(kind: str, must_have: set[str]) -> None:
    listed = subprocess.run(["bash", str(ROOT / INSTALL_SCRIPT), "--list", kind], capture_output=True, text=True,
                            check=True).stdout.split()
    assert must_have <= set(listed), f"{kind} lacks {must_have - set(listed)}"
    if kind == "test":
        build = subprocess.run(["bash", str(ROOT / INSTALL_SCRIPT), "--list", "build"], capture_output=True,
                               text=True, check=True).stdout.split()
        assert set(build) <= set(listed), "testing needs everything building does"


def test_the_script_touches_nothing_when_everything_is_there(tmp_path: Path) -> None:
    # A stand-in dpkg-query that says every package is installed, and an apt-get that must not be called.
    for tool, body in (("dpkg-query", "echo installed"), ("apt-get", "echo apt-get was called; exit 1")):
        (tmp_path / tool).write_text(f"#!/bin/sh\n{body}\n")
        (tmp_path / tool).chmod(0o755)
    result = subprocess.run(["bash", str(ROOT / INSTALL_SCRIPT), "test"], capture_output=True, text=True,
                            env={"PATH": f"{tmp_path}:/usr/bin:/bin"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_script_tells_someone_not_root_what_to_install(tmp_path: Path) -> None:
    for tool, body in (("dpkg-query", "echo not-installed"), ("apt-get", "exit 1"), ("id", "echo 1000"),
                       ("python3", "exit 1")):
        (tmp_path / tool).write_text(f"#!/bin/sh\n{body}\n")
        (tmp_path / tool).chmod(0o755)
    result = subprocess.run(["/bin/bash", str(ROOT / INSTALL_SCRIPT), "build"], capture_output=True, text=True,
                            env={"PATH": str(tmp_path)})
    assert result.returncode == 1
    # python3 is there (a program of that name), the rest is not.
    assert "Missing Debian packages: python3-venv make git ca-certificates libpango-1.0-0" in result.stderr
    assert "sudo apt-get install python3-venv make git" in result.stderr


def test_the_debian_runner_reads_this_workflow() -> None:
    runner = (ROOT / "scripts" / "run-workflow-debian").read_text(encoding="utf-8")
    assert '".github" / "workflows" / "pages.yml"' in runner
    for fact in ("--variant=minbase", "/__w/repo/repo", "/github/home", '"CI": "true"', "bash -e"):
        assert fact in runner, fact
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^workflow-debian:.*\n\t.*scripts/run-workflow-debian", makefile, re.MULTILINE)
    assert "/.cache/debian" in (ROOT / ".gitignore").read_text(encoding="utf-8") or \
        ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
