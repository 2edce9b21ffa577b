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

A job started with an `answer` stays (under `serve`): once its work is done it gives its slot
up, reports "ready" and then answers each request `ask` sends it, in its own process, until
it is stopped. `forked` runs one piece of work in a process of its own, without waiting.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
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


# Called, on the thread reading the workers, with a job's name and each message that is not a
# log record: ("ready", result) and ("answer", result) of a job that stays, ("done", result),
# ("failed", message), and ("ended", None) once its process has gone.
Listener = Callable[[str, str, Any], None]


@dataclass
class _Job:
    name: str
    process: BaseProcess
    connection: Connection
    requests: Connection | None = None  # to a job that stays: what `ask` sends it
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


def _worker_signals() -> None:
    """The caller stops its workers with SIGTERM, and ends quietly itself on Ctrl-C: a worker
    just ends, without a traceback (the build's staging folder goes with it)."""
    _die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_BACK)  # held back by `_start`


def _run(work: Callable[[], object], free: Any, connection: Connection,
         answer: Callable[[Any], object] | None, requests: Connection | None) -> None:
    """A worker's body: wait for a free slot, do the work, report how it went; with `answer`,
    then answer `requests` until they end."""
    _worker_signals()
    handler = _Forward(connection)
    for name in FORWARDED:
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
    with free:
        try:
            result = work()
        except BaseException as error:  # noqa: BLE001 - every failure is reported home
            connection.send(("failed", str(error) or type(error).__name__))
            connection.close()
            return
    if answer is None or requests is None:
        connection.send(("done", result))
    else:
        connection.send(("ready", result))
        _answer(answer, requests, connection)
    connection.close()


def _answer(answer: Callable[[Any], object], requests: Connection,
            connection: Connection) -> None:
    """Answer each request until the worker is stopped (`_stop` terminates it: the processes
    forked after it hold copies of the requests' sending end too, so it reads no end of
    file while the build or the server runs)."""
    while True:
        try:
            request = requests.recv()
        except EOFError:
            return
        try:
            result = answer(request)
        except Exception:  # noqa: BLE001 - one request failing must not end the worker
            logging.getLogger("thutuc").exception("Không trả lời được yêu cầu %r", request)
            result = None
        connection.send(("answer", result))


def _receive(open_jobs: dict[Connection, _Job], connection: Connection,
             listener: Listener | None = None) -> None:
    """Handle one message of a job: a log record, its outcome, or its end."""
    job = open_jobs[connection]
    try:
        kind, value = connection.recv()
    except (EOFError, OSError):  # the worker ended (or was terminated by `_stop`)
        del open_jobs[connection]
        kind, value = "ended", None
    if kind == "log":
        name, level, message = value
        logging.getLogger(name).log(level, "%s", message)
        return
    if kind in ("done", "failed"):
        job.outcome = (kind, value)
    if listener is not None:
        listener(job.name, kind, value)


# Signals held back while a worker is forked: Python runs `os.fork`'s hooks in Python, and an
# exception raised in one (Ctrl-C, or SIGTERM's `Terminated`) is printed and dropped there.
# Raised in logging's hook, it left logging's lock taken by a build that went on, until the
# thread reading the workers' log records waited for it for ever (a hang seen under load).
_HELD_BACK = {signal.SIGINT, signal.SIGTERM}


def _start(process: BaseProcess) -> None:
    """Start `process` with SIGINT and SIGTERM held back until it is forked, and this
    process's objects out of its garbage collector's sight."""
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_BACK)
    # Frozen, the catalog and everything else inherited are never traversed by a worker's
    # collections: traversing them wrote to every page that holds one (copy-on-write faults),
    # and cost each worker the time of walking them again. Unfrozen here once forked.
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal held back arrives now


def _fork(context: Any, name: str, work: Callable[[], object], free: Any,
          answer: Callable[[Any], object] | None = None) -> _Job:
    receive, send = context.Pipe(duplex=False)
    requests, ask = context.Pipe(duplex=False) if answer is not None else (None, None)
    process = context.Process(target=_run, args=(work, free, send, answer, requests),
                              name=name)
    _start(process)
    send.close()
    if requests is not None:
        requests.close()
    return _Job(name, process, receive, ask)


def forked(name: str, work: Callable[[], object]) -> BaseProcess:
    """Start `work` in a forked process of its own and return at once (join or terminate
    the process returned); it ends with this process."""
    def body() -> None:
        _worker_signals()
        work()

    process = multiprocessing.get_context("fork").Process(target=body, name=name, daemon=True)
    _start(process)
    return process


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
        if job.requests is not None:
            job.requests.close()
        if job.process.is_alive():
            job.process.terminate()
    for job in jobs:
        job.process.join()


class ForkedJobs:
    """Jobs started now, run `slots` at a time (the caller being one), joined in `finish()`."""

    def __init__(self, slots: int, listener: Listener | None = None) -> None:
        self._context = multiprocessing.get_context("fork")
        self._free = self._context.BoundedSemaphore(max(slots, 1))
        self._free.acquire()  # the caller's own slot, given up in give_up_slot()
        self._holding = True
        self._jobs: list[_Job] = []
        self._reader: threading.Thread | None = None
        self._listener = listener
        self._asking = threading.Lock()  # one request written to a pipe at a time
        _RUNNING.append(self)

    def start(self, name: str, work: Callable[[], object],
              answer: Callable[[Any], object] | None = None) -> None:
        """Fork a worker for `work`; it waits for a free slot. With `answer`, the worker
        stays once `work` is done and answers what `ask` sends it. Start every job before
        the first `finish()`."""
        self._jobs.append(_fork(self._context, name, work, self._free, answer))

    def ask(self, name: str, request: object) -> bool:
        """Send `request` to the job `name` that stays; its answer comes to the listener.
        False when that worker is gone."""
        job = next((job for job in self._jobs if job.name == name), None)
        if job is None or job.requests is None:
            return False
        with self._asking:
            try:
                job.requests.send(request)
            except OSError:  # it has ended (it failed, or it is being stopped)
                return False
        return True

    def give_up_slot(self) -> None:
        """The caller's own work is done: its slot goes to a waiting job."""
        if self._holding:
            self._holding = False
            self._free.release()

    def begin_reading(self) -> None:
        """Handle the workers' log records as they come, while this process works on."""
        self._reader = threading.Thread(target=self._read, name="thutuc-jobs", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        open_jobs = {job.connection: job for job in self._jobs}
        while open_jobs:
            for connection in wait(list(open_jobs)):
                _receive(open_jobs, connection, self._listener)  # type: ignore[arg-type]

    def finish(self) -> dict[str, tuple[str, Any]]:
        """Give up the caller's slot, wait for every job; each job's ("done", result) or
        ("failed", message), by name, in the order they were started."""
        self.give_up_slot()
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
