"""The framework's share of a site build, done once, and on a `mkdocs build` beside MkDocs.

MkDocs builds on one core. What the handbook needs from the framework (checking the YAML,
rendering its pages, making the blank worksheets) depends on nothing MkDocs does, so on a
`mkdocs build` it runs in a forked worker process on another core: forked when MkDocs
loads Ladder's hook (so it loads JSON Schema and the templates while MkDocs loads its
plugins), given its job at `on_config`, working while MkDocs loads its theme and builds
pages; each result is collected when MkDocs first needs it. Once MkDocs has its list of
files, the worker also converts the generated pages to HTML, sharing that work with MkDocs
(see `Shares` and ladder.render.conversion). Under `mkdocs serve` (which
runs threads, and forking a threaded process is unsafe), where fork is unavailable, or if
the worker fails, the same functions run in-process.
"""

from __future__ import annotations

import mmap
import multiprocessing
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ladder import export
from ladder.load import FrameworkNotFound
from ladder.model import Framework, build
from ladder.problems import FrameworkError, Problem


@dataclass(frozen=True)
class Job:
    root: Path  # the framework folder
    worksheet_formats: tuple[str, ...]  # the blank worksheets to publish


@dataclass(frozen=True)
class Checked:
    """The outcome of checking the framework, in a form that crosses a process boundary."""

    data: dict[str, Any] | None = None
    errors: list[Problem] = field(default_factory=list)
    missing: str | None = None  # FrameworkNotFound's message


# Each stage yields (key, value) results, which a worker sends one by one as they are made:
# MkDocs can turn the first generated page into HTML while the worker renders the next.


def _checked(preparation: Preparation) -> Iterator[tuple[str, Any]]:
    from ladder.validate import validate  # jsonschema loads in the worker, not in MkDocs' process

    try:
        report = validate(preparation.job.root)
    except FrameworkNotFound as error:
        yield "checked", Checked(missing=str(error))
        return
    yield "checked", Checked(report.data, [problem for problem in report.problems if problem.is_error])


def _pages(preparation: Preparation) -> Iterator[tuple[str, Any]]:
    """The worksheets' and pages' paths and the redirects first, then each page: `page:<source>`
    (and, when MkDocs sends a converter, the pages' HTML: `html:<source>`)."""
    from ladder.history import recent
    from ladder.lock import published, read_lock
    from ladder.render.pages import iter_pages, page_sources
    from ladder.render.redirects import moved_anchors, old_addresses
    from ladder.worksheet.site import paths

    framework = preparation.framework()
    worksheets = list(paths(framework, preparation.job.worksheet_formats))
    sources = page_sources(framework)
    record = published(read_lock(preparation.job.root)[0])  # checked with the framework
    old = old_addresses(framework, record, sources)
    yield "worksheet_paths", worksheets
    yield "sources", sources
    yield "redirects", old.redirects
    history = recent(preparation.job.root, framework, versions=preparation.versions())
    convert = preparation.site_converter()
    made = []
    for source, markdown in iter_pages(framework, worksheets=frozenset(worksheets), history=history):
        if source in old.moved:
            markdown = markdown.rstrip("\n") + "\n\n" + moved_anchors(source, old.moved[source]) + "\n"
        yield f"page:{source}", markdown
        made.append((source, markdown))
    if convert is not None:
        # MkDocs converts the pages in their order, each one the worker has not taken (see
        # `converted`); the worker takes them from the last, so the two meet in the middle.
        for index in reversed(range(len(made))):
            if preparation.shares is None or preparation.shares.take(index):
                source, markdown = made[index]
                yield f"html:{source}", convert(source, markdown)


def _framework_json(preparation: Preparation) -> Iterator[tuple[str, Any]]:
    yield "framework_json", export.to_json(preparation.framework())


def _worksheets(preparation: Preparation) -> Iterator[tuple[str, Any]]:
    from ladder.worksheet.site import blank_worksheets

    for path, content in blank_worksheets(preparation.framework(), preparation.job.worksheet_formats):
        yield f"worksheet:{path}", content  # one by one: MkDocs' process writes each as it comes


# In the order MkDocs needs them: the framework at on_files, then its pages as it reads them,
# then the worksheets, written last (on_post_build), so the slowest work overlaps the most.
STAGES: dict[str, Callable[[Preparation], Iterator[tuple[str, Any]]]] = {
    "checked": _checked,
    "pages": _pages,
    "framework_json": _framework_json,
    "worksheets": _worksheets,
}
# The results a worker sends before it waits for the site's converter (see `convert_with`).
SENT_BEFORE_CONVERTING = ("checked", "worksheet_paths", "sources", "redirects")
STAGE_OF = {
    "checked": "checked",
    "worksheet_paths": "pages",
    "sources": "pages",
    "redirects": "pages",
    "page": "pages",
    "framework_json": "framework_json",
    "worksheet": "worksheets",
}


def can_fork() -> bool:
    """Forking is safe here: a platform where fork is the norm, and no other thread running."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Shares:
    """Which pages the worker or MkDocs' process has taken to convert: a byte a page, in memory
    made before the fork, so both processes see it. Taking is not atomic: now and then both
    take the same page and both convert it, which is harmless (one result is not used)."""

    SIZE = 1 << 20  # pages; memory is only committed for the part that is used

    def __init__(self) -> None:
        self._taken = mmap.mmap(-1, self.SIZE)  # anonymous and shared with the forked worker

    def take(self, index: int) -> bool:
        """Take page `index`, unless the other process has; beyond the table, everyone takes it."""
        if index >= self.SIZE:
            return True
        if self._taken[index]:
            return False
        self._taken[index] = 1
        return True


class Preparation:
    def __init__(self, job: Job, *, background: bool = False):
        self.job = job
        self.shares: Shares | None = None  # with a worker, the pages it and MkDocs' process have taken
        self._results: dict[str, Any] = {}
        self._framework: Framework | None = None
        self._worker: Any = None
        self._connection: Connection | None = None
        self._arrived = threading.Condition()
        self._listening = False  # a thread is taking the worker's results as they come
        self._versions: Any = None  # None, the reading thread, or the list of versions
        self._versions_read: list[Any] = []
        # The site's page converter (see `convert_with`): MkDocs' end, and the worker's.
        self._to_worker: Connection | None = None
        self._converting = False  # the worker was sent a converter
        self._from_site: Connection | None = None
        self._page_index: dict[str, int] | None = None
        self.pages_converted = 0  # pages whose HTML the worker made and MkDocs' process was given
        if background and can_fork():
            self._start()

    # What the site asks for ------------------------------------------------------------------

    def framework(self) -> Framework:
        """The validated framework; FrameworkNotFound or FrameworkError when there is none."""
        if self._framework is None:
            checked: Checked = self._result("checked")
            if checked.missing is not None:
                raise FrameworkNotFound(checked.missing)
            if checked.data is None:
                raise FrameworkError(checked.errors)
            self._framework = build(checked.data)
        return self._framework

    def worksheet_paths(self) -> list[str]:
        """The site path of every blank worksheet, in the order they are made."""
        return self._result("worksheet_paths")

    def page_sources(self) -> list[str]:
        """The source path of every generated page, in the order they are made."""
        return self._result("sources")

    def page(self, source: str) -> str:
        """One generated page's Markdown (waiting for the worker to make it, if need be)."""
        return self._result(f"page:{source}")

    def pages(self) -> dict[str, str]:
        return {source: self.page(source) for source in self.page_sources()}

    def redirects(self) -> dict[str, str]:
        """Old page source -> current page source, for every page address the framework left behind."""
        return self._result("redirects")

    @property
    def awaits_converter(self) -> bool:
        """A worker is making the pages, and can convert them too (see `convert_with`)."""
        return self._to_worker is not None

    def convert_with(self, converter: Callable[[str, str], Any] | None) -> None:
        """Have the worker also convert each page it writes, with `converter(source, markdown)`
        (see ladder.render.conversion); None: it won't. Only the first call counts. The worker
        waits for it after sending the page sources, so everything that needs a page calls it too."""
        if self._to_worker is None:
            return
        connection, self._to_worker = self._to_worker, None
        try:
            try:
                connection.send(converter)
            except (pickle.PicklingError, TypeError, AttributeError):  # it won't cross: go on without
                converter = None
                connection.send(None)
            self._converting = converter is not None
        except OSError:  # the worker is gone: the pages are made here
            pass
        finally:
            connection.close()

    def converted(self, source: str) -> Any:
        """The converter's result for a page: the worker's, if it has taken the page (waiting
        for it if need be); None when it has not, and MkDocs' process takes it (see Shares)."""
        if not self._converting:
            return None
        if self._page_index is None:
            self._page_index = {page: index for index, page in enumerate(self.page_sources())}
        key = f"html:{source}"
        with self._arrived:
            if key not in self._results and (self.shares is None or self.shares.take(self._page_index[source])):
                return None
            self._wait_for(key)
        converted = self._results.get(key)
        self.pages_converted += converted is not None
        return converted

    def site_converter(self) -> Callable[[str, str], Any] | None:
        """In the worker: the converter MkDocs sends, or None (see `convert_with`)."""
        if self._from_site is None:
            return None
        connection, self._from_site = self._from_site, None
        try:
            return connection.recv()
        except EOFError:
            return None
        finally:
            connection.close()

    def framework_json(self) -> str:
        return self._result("framework_json")

    def worksheets(self) -> Iterator[tuple[str, bytes]]:
        """(site path, bytes) of each blank worksheet, as soon as it is made."""
        for path in self.worksheet_paths():
            yield path, self._result(f"worksheet:{path}")

    def versions(self) -> list[Any]:
        """The framework's versions in git (see ladder.revisions.history)."""
        if self._versions is None:
            from ladder.revisions import history

            self._versions = history(self.job.root)
        elif isinstance(self._versions, threading.Thread):
            self._versions.join()
            self._versions = self._versions_read
        return self._versions

    def read_versions_meanwhile(self) -> None:
        """Start reading the versions from git now: the git processes run while the YAML is checked."""
        from ladder.revisions import history

        def read() -> None:
            self._versions_read = history(self.job.root)

        self._versions = threading.Thread(target=read, daemon=True)
        self._versions.start()

    def close(self) -> None:
        """Stop the worker, if any (it may still be busy when a build fails)."""
        if self._to_worker is not None:
            self._to_worker.close()
            self._to_worker = None
        if self._worker is not None:
            self._worker.terminate()
            self._worker.join()
            self._worker = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # How ---------------------------------------------------------------------------------------

    def _result(self, key: str) -> Any:
        if key not in SENT_BEFORE_CONVERTING:
            self.convert_with(None)  # the worker waits for that before it makes anything more
        with self._arrived:
            self._wait_for(key)
        if key not in self._results:
            # No worker, or it stopped (a failure is reported properly when redone here); a
            # stage it left half done is simply done again, whole, giving the same results.
            self.close()
            for _ in self._run(STAGE_OF[key.partition(":")[0]]):
                pass
        return self._results[key]

    def _wait_for(self, key: str) -> None:
        """Holding `_arrived`: wait while the worker may still send `key`."""
        while key not in self._results and self._listening:
            self._arrived.wait()

    def _run(self, stage: str) -> Iterator[tuple[str, Any]]:
        """Do a stage here, keeping each result as it is made."""
        for key, value in STAGES[stage](self):
            self._results[key] = value
            yield key, value

    def _listen(self, connection: Connection) -> None:
        """In a thread: take each result as it comes, so the worker never waits on a full pipe."""
        while True:
            try:
                key, value = connection.recv()
            except (EOFError, OSError):  # done, or the worker died
                key, value = "failed", None
            with self._arrived:
                if key == "failed":
                    self._listening = False
                else:
                    self._results[key] = value
                self._arrived.notify_all()
            if key == "failed":
                return

    def _start(self) -> None:
        global _waiting
        if _waiting is not None and _waiting.process.is_alive():  # forked early, already warm
            waiting, _waiting = _waiting, None
            waiting.jobs.send(self.job)
            self._worker, self._connection, self._to_worker = waiting.process, waiting.results, waiting.jobs
            self.shares = waiting.shares
        else:
            context = multiprocessing.get_context("fork")
            receiving, sending = context.Pipe(duplex=False)
            requests_out, requests_in = context.Pipe(duplex=False)
            self.shares = Shares()
            self._worker = context.Process(
                target=_work, args=(sending, self.job, requests_out, self.shares), daemon=True
            )
            self._worker.start()
            sending.close()
            requests_out.close()
            self._connection, self._to_worker = receiving, requests_in
        self._listening = True
        threading.Thread(target=self._listen, args=(self._connection,), daemon=True).start()


def _work(connection: Connection, job: Job, requests: Connection, shares: Shares) -> None:
    """The worker: every stage in order, each result sent as soon as it is ready."""
    preparation = Preparation(job)
    preparation._from_site, preparation.shares = requests, shares
    preparation.read_versions_meanwhile()
    try:
        for stage in STAGES:
            for result in preparation._run(stage):
                connection.send(result)
            if stage == "checked" and preparation._results["checked"].data is None:
                break  # nothing more can be made from an invalid framework
    except BaseException:
        connection.send(("failed", traceback.format_exc()))
    finally:
        connection.close()


# Forking early ---------------------------------------------------------------------------------


@dataclass
class _Waiting:
    """A worker forked while MkDocs still loads its configuration, until it is given its job."""

    process: Any
    jobs: Connection  # the Job, or None: not needed after all; then the site's converter
    results: Connection
    shares: Shares


_waiting: _Waiting | None = None


def fork_early() -> None:
    """Fork the worker now, so that it loads what it will need (JSON Schema, the templates)
    while MkDocs loads its plugins and theme; the build's first event hands it the job."""
    global _waiting
    if _waiting is not None or not can_fork():
        return
    context = multiprocessing.get_context("fork")
    jobs_out, jobs_in = context.Pipe(duplex=False)
    results_out, results_in = context.Pipe(duplex=False)
    shares = Shares()
    process = context.Process(target=_wait_for_job, args=(jobs_out, results_in, shares), daemon=True)
    process.start()
    jobs_out.close()
    results_in.close()
    _waiting = _Waiting(process, jobs_in, results_out, shares)


def dismiss_early() -> None:
    """The command will not use the early worker (`mkdocs serve` works in-process): let it go."""
    global _waiting
    if _waiting is not None:
        waiting, _waiting = _waiting, None
        waiting.jobs.send(None)
        waiting.jobs.close()
        waiting.results.close()
        waiting.process.join()


def _wait_for_job(jobs: Connection, results: Connection, shares: Shares) -> None:
    _load_ahead()
    try:
        job = jobs.recv()
    except EOFError:  # MkDocs stopped before the build began
        return
    if job is not None:
        _work(results, job, jobs, shares)


def _load_ahead() -> None:
    from ladder import schema
    from ladder.render import pages  # noqa: F401
    from ladder.render.environment import environment
    from ladder.worksheet import site  # noqa: F401

    schema.bundled()
    templates = environment()
    for name in templates.list_templates(extensions=["j2"]):
        templates.get_template(name)
