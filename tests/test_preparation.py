"""The framework's share of a site build: the same results whether it runs in a worker or in-process.

A worker is only forked from a process with no other thread (see `can_fork`), and the browser
tests keep Playwright's threads alive for the session, so each scenario that needs a worker runs
in a fresh Python process of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ladder.load import FrameworkNotFound
from ladder.problems import FrameworkError
from ladder.render.preparation import Job, Preparation, can_fork
from tests.conftest import BASE, CASES, ROOT, assemble_case

FORMATS = ("html", "md")


def results(preparation: Preparation) -> tuple[object, ...]:
    return (
        preparation.framework().meta,
        preparation.pages(),
        preparation.framework_json(),
        list(preparation.worksheets()),
        preparation.worksheet_paths(),
    )


def with_worker(root: Path) -> Preparation:
    preparation = Preparation(Job(root, FORMATS), background=True)
    assert preparation._worker is not None, "this scenario must exercise the worker"
    return preparation


def scenario_identical_results() -> None:
    worker = with_worker(BASE)
    try:
        in_worker = results(worker)
    finally:
        worker.close()
    assert in_worker == results(Preparation(Job(BASE, FORMATS)))
    paths = [path for path, _ in in_worker[3]]  # type: ignore[attr-defined]
    assert paths == in_worker[4]
    assert "worksheets/first/expectations.html" in paths


def scenario_invalid_framework(framework: str) -> None:
    preparation = with_worker(Path(framework))
    try:
        preparation.framework()
    except FrameworkError as error:
        assert len(error.problems) == 6
    else:
        raise AssertionError("an invalid framework must raise FrameworkError")
    finally:
        preparation.close()


def scenario_missing_folder(folder: str) -> None:
    preparation = with_worker(Path(folder))
    try:
        preparation.framework()
    except FrameworkNotFound:
        pass
    else:
        raise AssertionError("a missing folder must raise FrameworkNotFound")
    finally:
        preparation.close()


def scenario_early_worker_takes_the_job() -> None:
    from ladder.render import preparation

    preparation.fork_early()
    early = preparation._waiting
    assert early is not None
    worker = Preparation(Job(BASE, FORMATS), background=True)
    assert worker._worker is early.process and preparation._waiting is None
    try:
        assert results(worker) == results(Preparation(Job(BASE, FORMATS)))
    finally:
        worker.close()


def scenario_early_worker_dismissed() -> None:
    from ladder.render import preparation

    preparation.fork_early()
    early = preparation._waiting
    assert early is not None
    preparation.dismiss_early()
    assert not early.process.is_alive() and early.process.exitcode == 0
    assert Preparation(Job(BASE, FORMATS), background=True)._worker is not early.process


def scenario_worker_dies() -> None:
    preparation = with_worker(BASE)
    preparation._worker.kill()
    preparation._worker.join()
    assert preparation.pages() == Preparation(Job(BASE, FORMATS)).pages()
    assert preparation._worker is None


def run_alone(scenario: str, *args: str) -> None:
    call = f"from tests.test_preparation import {scenario}; {scenario}(*{args!r})"
    done = subprocess.run(
        [sys.executable, "-c", call],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"},  # worksheets carry the date they are made
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_worker_and_in_process_give_identical_results() -> None:
    run_alone("scenario_identical_results")


def test_an_invalid_framework_reports_every_error_from_the_worker(tmp_path: Path) -> None:
    run_alone("scenario_invalid_framework", str(assemble_case(CASES / "unknown-references", tmp_path)))


def test_a_missing_folder_is_reported_from_the_worker(tmp_path: Path) -> None:
    run_alone("scenario_missing_folder", str(tmp_path / "nowhere"))


def test_a_worker_forked_early_takes_the_build_s_job() -> None:
    run_alone("scenario_early_worker_takes_the_job")


def test_an_early_worker_that_is_not_needed_exits() -> None:
    run_alone("scenario_early_worker_dismissed")


def test_a_worker_that_dies_is_replaced_by_in_process_work() -> None:
    run_alone("scenario_worker_dies")


def test_no_worker_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert Preparation(Job(BASE, FORMATS), background=True)._worker is None
    finally:
        stop.set()
        thread.join()


def test_in_process_work_reports_the_same_errors(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError) as raised:
        Preparation(Job(assemble_case(CASES / "unknown-references", tmp_path), FORMATS)).framework()
    assert len(raised.value.problems) == 6
