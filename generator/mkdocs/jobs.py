"""Work run in forked processes, a few at a time, with their log messages sent home.

Two ways: `ForkedJobs` forks every job at once and lets its caller go on working (the
languages of one site, while the caller builds the source language), and `run_pool` keeps
`slots` jobs running until all are done, forking each when a slot frees (the communes of
`build --all`, which can be thousands).

A build loads and checks the catalog once, then forks: every worker starts with the loaded
catalog in its memory (copy-on-write, nothing to pickle or read again) and MkDocs' module
state to itself (MkDocs is not thread-safe, so parallel work needs processes). The calling
process counts as one of the `slots`: it keeps building while its workers run, and gives its
slot up in `finish()`.

A worker's log records are sent to the calling process and handled there, by the same
handlers, in one stream: warnings are counted once and errors kept where the caller looks.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

# The loggers whose records a worker sends home (those the command line prints and counts).
FORWARDED = ("mkdocs", "thutuc")


def cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _Forward(logging.Handler):
    """Sends a worker's log records home, formatted (their arguments may not pickle)."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(logging.DEBUG)
        self.connection = connection

    def emit(self, record: logging.LogRecord) -> None:
        self.connection.send(("log", (record.name, record.levelno, record.getMessage())))


@dataclass
class _Job:
    name: str
    process: BaseProcess
    connection: Connection
    outcome: tuple[str, Any] | None = None


_RUNNING: list[ForkedJobs] = []  # started and not yet finished, for `cancel_all`


def cancel_all() -> None:
    """Stop the workers of every unfinished `ForkedJobs` (a build unwinding on Ctrl-C or
    SIGTERM, which MkDocs does not report to plugins)."""
    for jobs in list(_RUNNING):
        jobs.cancel()


def _die_with_parent() -> None:
    """Have Linux end this worker if the build that forked it dies (kill -9): it must not go
    on writing into a staging folder the next build removes."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _run(work: Callable[[], object], free: Any, connection: Connection) -> None:
    """A worker's body: wait for a free slot, do the work, report how it went."""
    _die_with_parent()
    # The build stops its workers with SIGTERM, and ends quietly itself on Ctrl-C: a worker
    # just ends, without a traceback (the build's staging folder goes with it).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handler = _Forward(connection)
    for name in FORWARDED:
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
    with free:
        try:
            connection.send(("done", work()))
        except BaseException as error:  # noqa: BLE001 - every failure is reported home
            message = str(error) or type(error).__name__
            connection.send(("failed", message))
    connection.close()


def _receive(open_jobs: dict[Connection, _Job], connection: Connection) -> None:
    """Handle one message of a job: a log record, its outcome, or its end."""
    job = open_jobs[connection]
    try:
        kind, value = connection.recv()
    except EOFError:
        del open_jobs[connection]
        return
    if kind == "log":
        name, level, message = value
        logging.getLogger(name).log(level, "%s", message)
    else:
        job.outcome = (kind, value)


def _fork(context: Any, name: str, work: Callable[[], object], free: Any) -> _Job:
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(work, free, send), name=name)
    process.start()
    send.close()
    return _Job(name, process, receive)


def _outcome(job: _Job) -> tuple[str, Any]:
    job.process.join()
    return job.outcome or ("failed", f"tiến trình dừng bất thường (mã thoát "
                                     f"{job.process.exitcode}).")


def run_pool(jobs: list[tuple[str, Callable[[], object]]],
             slots: int) -> dict[str, tuple[str, Any]]:
    """Run `jobs` (name, work) in forked processes, `slots` at a time, in order; each job's
    ("done", result) or ("failed", message), by name. Everything runs on this thread, so
    forking stays safe."""
    context = multiprocessing.get_context("fork")
    free = context.BoundedSemaphore(max(slots, 1))  # held by running jobs only
    waiting = list(reversed(jobs))
    running: dict[Connection, _Job] = {}
    finished: list[_Job] = []
    try:
        while waiting or running:
            while waiting and len(running) < max(slots, 1):
                name, work = waiting.pop()
                job = _fork(context, name, work, free)
                running[job.connection] = job
                finished.append(job)
            for connection in wait(list(running)):
                _receive(running, connection)  # type: ignore[arg-type]
    except BaseException:  # Ctrl-C, SIGTERM: no worker outlives the command
        _stop(finished)
        raise
    return {job.name: _outcome(job) for job in finished}


def _stop(jobs: list[_Job]) -> None:
    for job in jobs:
        if job.process.is_alive():
            job.process.terminate()
    for job in jobs:
        job.process.join()


class ForkedJobs:
    """Jobs started now, run `slots` at a time (the caller being one), joined in `finish()`."""

    def __init__(self, slots: int) -> None:
        self._context = multiprocessing.get_context("fork")
        self._free = self._context.BoundedSemaphore(max(slots, 1))
        self._free.acquire()  # the caller's own slot, given up in finish()
        self._jobs: list[_Job] = []
        self._reader: threading.Thread | None = None
        _RUNNING.append(self)

    def start(self, name: str, work: Callable[[], object]) -> None:
        """Fork a worker for `work`; it waits for a free slot. Start every job before the
        first `finish()` (forking is safe only while this process runs a single thread)."""
        self._jobs.append(_fork(self._context, name, work, self._free))

    def begin_reading(self) -> None:
        """Handle the workers' log records as they come, while this process works on."""
        self._reader = threading.Thread(target=self._read, name="thutuc-jobs", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        open_jobs = {job.connection: job for job in self._jobs}
        while open_jobs:
            for connection in wait(list(open_jobs)):
                _receive(open_jobs, connection)  # type: ignore[arg-type]

    def finish(self) -> dict[str, tuple[str, Any]]:
        """Give up the caller's slot, wait for every job; each job's ("done", result) or
        ("failed", message), by name, in the order they were started."""
        self._free.release()
        if self._reader is None:
            self.begin_reading()
        assert self._reader is not None
        self._reader.join()
        outcomes = {job.name: _outcome(job) for job in self._jobs}
        self._jobs.clear()
        self._forget()
        return outcomes

    def _forget(self) -> None:
        if self in _RUNNING:
            _RUNNING.remove(self)

    def cancel(self) -> None:
        """Stop every worker (the build they belong to failed)."""
        _stop(self._jobs)
        self._jobs.clear()
        self._forget()
