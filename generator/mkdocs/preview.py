"""`thutuc serve` and `mkdocs serve`: a saved catalog file shows in the browser in a second.

MkDocs' server rebuilds the whole site on every change, which takes minutes for a province's
catalog in four languages. This module watches the catalog folder itself (inotify, through
watchdog) and, when a file is saved:

1. reads the catalog again through the process's memo: only the changed files are parsed;
2. if the catalog now has problems, every page the browser asks for is a page that lists
   them (file, line, how to fix it), which reloads by itself once the file is fixed;
3. if only what procedures say changed, renders again just the pages that show it (the
   procedure, its category, the home page, the A-Z page, life events, procedures that link
   to it) in the language being previewed, through MkDocs' own page builder: the procedure
   pages and the page being looked at first, then the browser reloads; the lists (the A-Z
   page costs most) are rendered when one of them is asked for. Then every other language is
   told, and search indexes are written again in a process of their own (in this one, they
   would slow the next edit down);
4. anything else (a procedure added or removed, categories, life events, the glossary)
   asks MkDocs for its full rebuild.

The server serves as soon as the source language is built. Every other language is built by
a worker process (`jobs.py`) that stays: it renders its language's pages after each edit, in
its own process, and the server waits for it only before serving a page of that language.
Until a language is built, its pages are a short page that says so and reloads itself.

It reaches into MkDocs 1.6's development server (`LiveReloadServer`: its WSGI app and its
reload epochs) and page builder (`_populate_page`, `_build_page`); both are stable in the
1.x line this project pins.
"""

from __future__ import annotations

import html
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import _timestamp
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from generator.load.site import Site
from generator.mkdocs.jobs import ForkedJobs, forked
from generator.problems import Problem
from generator.render import RenderedPage
from generator.render.events import EVENT_DIR
from generator.render.site_pages import language_pages
from generator.search.site_index import SEARCH_DIR, language_index, write_index
from generator.urls import A_TO_Z, HOME, PROCEDURE_DIR, category_src, procedure_src
from generator.writer import write_file

log = logging.getLogger("mkdocs.plugins.thutuc")

WAIT_FOR_MORE = 0.03  # seconds: an editor's save is often two or three file events
WRITES = {"created", "modified", "moved", "deleted", "closed"}  # watchdog's event types
WORKER_WAIT = 60  # seconds a page request waits for its language's worker to render an edit
PREPARING_RELOAD = 2  # seconds between reloads of the page that says a language is not built
INDEX_NICENESS = 10  # how much lower the search indexes' process runs than the server


@dataclass
class LanguageState:
    """What MkDocs needs to build one page of a language again."""

    files: Files
    nav: Navigation
    env: Environment
    pages: dict[str, RenderedPage]
    # `extra.thutuc` as the pages were written with it: the search box's settings, the 404
    # page's folders, the staff link...
    extra: dict[str, Any]
    docs: tuple[str, ...]
    untranslated: set[str]
    stale: set[str] = field(default_factory=set)  # pages to render before showing them
    # The page at each address (MkDocs' `File.url`, from the language's folder).
    sources: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.sources = {file.url.removeprefix("./"): file.src_uri  # the home page's is "./"
                        for file in self.files.documentation_pages()}


@dataclass
class _Worker:
    """Where one language's worker is: building, built (with its search manifest), failed."""

    ready: bool = False
    failed: str = ""
    manifest: str = ""  # the search manifest its pages refer to
    asked: int = 0  # edits it was told of
    answered: int = 0  # edits it has rendered
    behind: bool = False  # the catalog changed while it was building: to tell once ready


class WorkerLanguages:
    """The languages built and kept up to date by workers, for one build under `serve`."""

    def __init__(self, slots: int, codes: list[str], condition: threading.Condition) -> None:
        self.condition = condition  # the preview's: notified when a worker reports
        self.workers = {code: _Worker() for code in codes}
        self.jobs = ForkedJobs(slots, listener=self.heard)

    def heard(self, name: str, kind: str, value: Any) -> None:
        """A worker's message (on the jobs' reading thread)."""
        worker = self.workers.get(name)
        if worker is None:  # a language's QR codes and notices: only a failure matters
            if kind == "failed":
                log.error("%s: %s", name, value)
            return
        with self.condition:
            if kind == "ready":
                worker.ready, worker.manifest = True, str(value)
                log.info("Ngôn ngữ %s đã sẵn sàng để xem trước", name)
                if worker.behind:  # it was built from the catalog as it was before
                    self.tell(name)
            elif kind == "answer":
                worker.answered += 1
            elif kind in ("failed", "ended") and not worker.failed:
                worker.failed = str(value or "tiến trình dựng trang đã dừng.")
                if kind == "failed":
                    log.error("Ngôn ngữ %s: %s", name, value)
            self.condition.notify_all()

    def tell(self, code: str, address: str | None = None) -> None:
        """Tell the worker of `code` that the catalog changed (the browser shows the page at
        `address` of that language; None: no page of it), now or, while it is still building,
        once it is ready (call with the condition held)."""
        worker = self.workers[code]
        worker.behind = not worker.ready
        self._ask(code, ("update", address))

    def show(self, code: str, address: str) -> None:
        """The browser asks for the page at `address`: its worker renders it first if an
        edit touched it (call with the condition held)."""
        self._ask(code, ("page", address))

    def _ask(self, code: str, request: tuple[str, str | None]) -> None:
        worker = self.workers[code]
        if worker.ready and not worker.failed and self.jobs.ask(code, request):
            worker.asked += 1

    def caught_up(self, code: str) -> bool:
        """The worker of `code` has rendered every edit it was told of, or cannot."""
        worker = self.workers[code]
        return bool(worker.failed) or worker.answered >= worker.asked

    def stop(self) -> None:
        """End every worker of this build (a new build, or the server's end)."""
        self.jobs.cancel()


class Preview:
    """The pages of the last build under `serve`, kept up to date with the catalog."""

    def __init__(self) -> None:
        self.lock = threading.RLock()  # one change or page render at a time
        self.plugin: Any = None  # the plugin object of the last build (each rebuild has one)
        self.config: MkDocsConfig | None = None
        self.languages: dict[str, LanguageState] = {}
        self.problems: list[Problem] = []  # the catalog's, while it has some
        self.message = ""  # a problem that is not one of the catalog's
        self.previewed = ""  # the language of the page last asked for
        # The address last asked for, by language ("" is the home page's); none yet: absent.
        self.viewed: dict[str, str] = {}
        self.server: Any = None
        self._changed = threading.Event()
        self.reload_load: Callable[[], Site] | None = None
        self.reported = threading.Condition(self.lock)  # a worker has reported
        self.remote: WorkerLanguages | None = None  # the other languages, under `thutuc serve`
        self.indexer: BaseProcess | None = None  # writing search indexes after an edit

    def _forked(self) -> None:
        """In a forked process (a language's worker): a preview of its own, with no server,
        no workers and free locks (a thread of the server may have held them)."""
        self.lock = threading.RLock()
        self.reported = threading.Condition(self.lock)
        self.server, self.remote, self.indexer = None, None, None
        self.languages = {}  # an earlier build's, in the server: not this worker's to render
        self._changed = threading.Event()

    # -- what builds tell the preview ------------------------------------------------------

    def record(self, plugin: Any, config: MkDocsConfig, lang: str, state: LanguageState,
               load: Callable[[], Site]) -> None:
        """A language has just been built under `serve`: keep what re-rendering it needs."""
        with self.lock:
            if lang == plugin.site.profile.source_language:  # a new build: it comes first
                self.languages = {}
            self.plugin, self.config, self.reload_load = plugin, config, load
            self.languages[lang] = state
            self.problems, self.message = [], ""

    def fork_languages(self, slots: int, codes: list[str]) -> ForkedJobs:
        """A new build forks the workers of `codes` (under `serve`): the jobs to start them
        with. The workers of an earlier build are stopped."""
        self.stop_workers()
        with self.lock:
            self.remote = WorkerLanguages(slots, codes, self.reported)
            return self.remote.jobs

    def stop_workers(self) -> None:
        """Stop every process this preview started (a new build, or the server's end)."""
        with self.lock:
            remote, indexer, self.remote, self.indexer = self.remote, self.indexer, None, None
        if remote is not None:
            remote.stop()
        if indexer is not None and indexer.is_alive():
            indexer.terminate()
            indexer.join()

    def close(self) -> None:
        """The preview has ended: stop its processes, and the server if a second Ctrl-C or
        SIGTERM cut MkDocs' own stop short (its serving thread would keep this process)."""
        server, self.server = self.server, None
        self.stop_workers()
        if server is not None and server.serve_thread.is_alive():
            server.shutdown()

    def failed(self, problems: list[Problem], message: str = "") -> None:
        """A build under `serve` stopped on the catalog's problems: show them, not a hang
        (MkDocs' server holds every request while its last build has not succeeded)."""
        with self.lock:
            same = (problems, message) == (self.problems, self.message)
            self.problems, self.message = problems, message
        self._show(reload=not same)

    # -- the server -----------------------------------------------------------------------

    def attach(self, server: Any, catalog: Path) -> None:
        """Watch `catalog` and answer the server's page requests through this preview."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        self.server = server
        inner = server.get_app()
        server.set_app(lambda environ, start_response: self._app(inner, environ,
                                                                  start_response))
        changed = self._changed

        class Changes(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                # Not "opened" nor "closed_no_write": reading the catalog must not trigger.
                # An editor that saves through a temporary file renames it to the YAML name.
                names = (str(event.src_path), str(getattr(event, "dest_path", "")))
                if event.event_type in WRITES and not event.is_directory and any(
                        name.endswith((".yml", ".yaml")) for name in names):
                    changed.set()

        observer = Observer()
        observer.schedule(Changes(), str(catalog), recursive=True)
        observer.daemon = True
        observer.start()
        threading.Thread(target=self._follow, name="thutuc-preview", daemon=True).start()

    def _follow(self) -> None:
        while True:
            self._changed.wait()
            time.sleep(WAIT_FOR_MORE)
            self._changed.clear()
            try:
                self.update()
            except Exception as error:  # noqa: BLE001 - the preview must outlive a bad save
                log.exception("Không cập nhật được trang xem trước")
                self.failed([], f"{type(error).__name__}: {error}")

    def _app(self, inner: Any, environ: dict[str, Any],
             start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        if path.startswith("/livereload/") or not path.endswith(("/", ".html")):
            return inner(environ, start_response)  # type: ignore[no-any-return]
        with self.lock:
            lang = self._language_of(path)
            self.previewed = lang
            if self.problems or self.message:
                return self._error_page(start_response)
            self.viewed[lang] = address = self._address(path, lang)
            if lang in self.languages:
                self._render_for(lang, address)
            remote = self.remote
            if remote is not None and lang in remote.workers:
                worker = remote.workers[lang]
                if worker.failed:
                    return self._page(start_response, "500 Internal Server Error",
                                      f"Không dựng được trang tiếng {lang}", worker.failed)
                if not worker.ready:
                    return self._page(start_response, "503 Service Unavailable",
                                      f"Trang tiếng {lang} đang được chuẩn bị",
                                      "Trang này tự tải lại khi xong.", PREPARING_RELOAD)
                remote.show(lang, address)
                self.reported.wait_for(lambda: remote.caught_up(lang), timeout=WORKER_WAIT)
        return inner(environ, start_response)  # type: ignore[no-any-return]

    def _language_of(self, path: str) -> str:
        first = self._relative(path).split("/", 1)[0]
        source = self.plugin.site.profile.source_language if self.plugin else ""
        known = self.remote.workers if self.remote is not None else {}
        return first if (first in self.languages or first in known) and first != source \
            else source

    def _relative(self, path: str) -> str:
        """A requested path from the site's root (the server may serve it in a folder)."""
        mount = getattr(self.server, "mount_path", "/")
        return path[len(mount):] if path.startswith(mount) else ""

    def _address(self, path: str, lang: str) -> str:
        """A requested path as the `File.url` of a page of `lang`."""
        address = self._relative(path).removesuffix("index.html")
        source = self.plugin.site.profile.source_language
        return address if lang == source else address.removeprefix(f"{lang}/")

    def _error_page(self, start_response: Callable[..., Any]) -> list[bytes]:
        items = "".join(
            f"<li><code>{html.escape(p.file)}{f':{p.line}' if p.line else ''}</code> "
            f"{html.escape(p.path + ': ' if p.path else '')}{html.escape(p.message)}"
            + (f"<br><b>Cách sửa:</b> {html.escape(p.fix)}" if p.fix else "") + "</li>"
            for p in self.problems)
        if self.message:
            items += f"<li>{html.escape(self.message)}</li>"
        return self._page(start_response, "500 Internal Server Error", "Danh mục thủ tục có lỗi",
                          "Trang xem trước sẽ tự hiện lại khi bạn sửa xong và lưu tệp.",
                          items=items)

    def _page(self, start_response: Callable[..., Any], status: str, title: str, text: str,
              reload_after: int = 0, items: str = "") -> list[bytes]:
        """A short page of the preview's own (an error, a language not built yet), which the
        browser reloads when the site changes or, with `reload_after`, after that long."""
        refresh = f'<meta http-equiv="refresh" content="{reload_after}">' if reload_after else ""
        page = ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width,initial-scale=1">'
                f"{refresh}<title>{html.escape(title)}</title><style>body{{font:16px/1.5 "
                "sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}li{margin:.8rem 0}"
                "code{background:#fde8e8;padding:0 .2rem}</style></head><body>"
                f'<h1 class="tt-preview-{"wait" if reload_after else "error"}">'
                f"{html.escape(title)}</h1><p>{html.escape(text)}</p>"
                + (f"<ol>{items}</ol>" if items else "") + "</body></html>").encode()
        page = self.server._inject_js_into_html(page, self.server._visible_epoch)
        start_response(status, [("Content-Type", "text/html; charset=utf-8"),
                                ("Content-Length", str(len(page)))])
        return [page]

    # -- the server's reload epochs -------------------------------------------------------

    def _hold(self) -> None:
        """Make page requests wait: the site is changing."""
        if self.server is not None:
            with self.server._epoch_cond:
                self.server._wanted_epoch = _timestamp()

    def _show(self, reload: bool = True) -> None:
        """Let page requests through and (`reload`) browsers reload."""
        if self.server is not None:
            with self.server._epoch_cond:
                if reload:
                    self.server._wanted_epoch = max(_timestamp(), self.server._wanted_epoch)
                self.server._visible_epoch = self.server._wanted_epoch
                self.server._epoch_cond.notify_all()

    def _full_rebuild(self) -> None:
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    # -- a change -------------------------------------------------------------------------

    def update(self) -> None:
        """Read the catalog again and show what changed (see the module's steps)."""
        from generator.problems import CatalogError, ThutucError

        with self.lock:
            if self.plugin is None or self.reload_load is None:
                return
            old: Site = self.plugin.site
            had_problems = bool(self.problems or self.message)
            try:
                new = self.reload_load()
            except CatalogError as error:
                log.error("Danh mục thủ tục có lỗi:\n%s", error.report())
                self.failed(list(error.problems))
                return
            except ThutucError as error:
                log.error("%s", error.report())
                self.failed([], error.report())
                return
            self.problems, self.message = [], ""
            touched = touched_pages(old, new)
            if touched is None:
                log.info("Danh mục đổi cấu trúc: tạo lại cả trang web")
                self._hold()  # MkDocs shows the site again when its build is done
                self._full_rebuild()
                return
            if not touched and not had_problems:
                return  # saved unchanged: nothing to reload
            self._hold()
            self.plugin.site = new
            for state in self.languages.values():
                state.stale |= touched
            start = time.monotonic()
            remote, previewed = self.remote, self.previewed
            if previewed in self.languages:  # the lists wait until they are asked for
                written = self._render(previewed, self._first(previewed, touched))
                log.info("Đã cập nhật %d trang (%s) trong %.2f giây", written, previewed,
                         time.monotonic() - start)
            elif remote is not None and previewed in remote.workers:  # its worker renders it
                remote.tell(previewed, self.viewed.get(previewed))
                self.reported.wait_for(lambda: remote.caught_up(previewed),
                                       timeout=WORKER_WAIT)
                log.info("Đã cập nhật trang (%s) trong %.2f giây", previewed,
                         time.monotonic() - start)
            self._show()
            if remote is not None:
                for code in remote.workers.keys() - {previewed}:
                    remote.tell(code)  # they render while the browser shows the edit
            self._reindex(new)

    def _first(self, lang: str, touched: set[str]) -> set[str]:
        """The pages of `lang` an edit that touched `touched` renders before the browser
        reloads: procedure pages, and the page last asked for."""
        state = self.languages[lang]
        address = self.viewed.get(lang)
        viewed = {state.sources[address]} if address in state.sources else set()
        return {src for src in touched if src.startswith(f"{PROCEDURE_DIR}/")} | viewed

    def _render_for(self, lang: str, address: str) -> int:
        """Before the page at `address` of `lang` is served: if an edit touched it (or it
        is not a page this preview knows), render every page of `lang` still stale."""
        state = self.languages[lang]
        src = state.sources.get(address)
        return self._render(lang) if state.stale and (src is None or src in state.stale) else 0

    def _render(self, lang: str, only: set[str] | None = None) -> int:
        """Render the stale pages of `lang` (of them, those in `only`) again, write those
        that changed; how many."""
        plugin, config, state = self.plugin, self.config, self.languages[lang]
        assert config is not None
        wanted = state.stale if only is None else state.stale & only
        state.stale = state.stale - wanted
        if not wanted:  # an edit already rendered (a worker told twice, one read showing both)
            return 0
        plugin.lang = lang
        written = 0
        try:
            plugin._configure(config)
            config.extra["thutuc"] = state.extra
            plugin.pages, plugin.untranslated_docs = state.pages, state.untranslated
            doc_files = state.files.documentation_pages()
            for page in language_pages(plugin.site, lang, config.use_directory_urls,
                                       state.docs, only=wanted):
                file = state.files.get_file_from_path(page.src)
                if state.pages.get(page.src) == page or file is None or file.page is None:
                    continue
                state.pages[page.src] = page
                _populate_page(file.page, config, state.files)
                _build_page(file.page, config, doc_files, state.nav, state.env)
                written += 1
        finally:
            plugin.lang = ""
        return written

    def _reindex(self, site: Site) -> None:
        """Every built language's search index again, in a process of its own (call with the
        lock held); one still writing for an earlier edit is stopped first."""
        manifests = {lang: state.extra["search"]["manifest"]
                     for lang, state in self.languages.items()}
        if self.remote is not None:
            manifests |= {code: worker.manifest for code, worker in self.remote.workers.items()
                          if worker.ready}
        if self.indexer is not None and self.indexer.is_alive():
            self.indexer.terminate()
            self.indexer.join()
        root = Path(self.plugin.root_site_dir)
        self.indexer = forked("thutuc-search", partial(_index_aside, site, manifests, root))

    def answer(self, request: tuple[str, str | None]) -> int:
        """In a language's worker: ("update", address), the catalog changed: read it again
        and render the pages it touched that `_first` names (the browser shows `address`;
        None: no page of this language), the others when asked for; ("page", address): the
        browser asks for that page. How many pages were written."""
        from generator.problems import ThutucError

        kind, address = request
        with self.lock:
            if self.plugin is None or self.reload_load is None or not self.languages:
                return 0
            if kind == "page":
                assert address is not None  # a page asked for has an address
                return sum(self._render_for(lang, address) for lang in self.languages)
            try:
                new = self.reload_load()
            except ThutucError:  # the server shows the problems
                return 0
            touched = touched_pages(self.plugin.site, new)
            if touched is None:  # the server rebuilds everything, this worker included
                return 0
            self.plugin.site = new
            written = 0
            for lang, state in self.languages.items():
                state.stale |= touched
                if address is not None:
                    self.viewed[lang] = address
                written += self._render(lang, self._first(lang, touched))
            return written


def _index_aside(site: Site, manifests: dict[str, str], root: Path) -> None:
    """`write_indexes` at a lower priority: the next edit's pages come first."""
    os.nice(INDEX_NICENESS)
    write_indexes(site, manifests, root)


def write_indexes(site: Site, manifests: dict[str, str], root: Path) -> None:
    """Every language's search index for `site`, also under the manifest name (`manifests`,
    by language) that the pages already built refer to."""
    for lang, manifest in manifests.items():
        index = language_index(site, lang)
        write_index(index, root)
        old_name = manifest.removeprefix(f"{SEARCH_DIR}/").removesuffix(".js")
        if old_name != index.manifest:
            text = index.files[f"{index.manifest}.js"].replace(
                f'"{index.manifest}"', f'"{old_name}"', 1)
            write_file(root / SEARCH_DIR / f"{old_name}.js", text, durable=False)


def touched_pages(old: Site, new: Site) -> set[str] | None:
    """The generated pages that may show what changed between two readings of a catalog, or
    None when more than procedures' content changed (the site's structure needs a rebuild)."""
    if ([p.id for p in old.procedures] != [p.id for p in new.procedures]
            or old.catalog.categories != new.catalog.categories or old.events != new.events
            or old.glossary != new.glossary or old.profile != new.profile
            or old.retired != new.retired or old.recordings != new.recordings
            or old.pictograms != new.pictograms):
        return None
    before = {p.id: p for p in old.procedures}
    changed = {p.id for p in new.procedures if before[p.id] is not p}
    overlays = {(o.procedure_id, o.lang): o for o in old.catalog.overlays}
    changed |= {o.procedure_id for o in new.catalog.overlays
                if overlays.pop((o.procedure_id, o.lang), None) is not o}
    changed |= {procedure_id for procedure_id, _ in overlays}  # removed translations
    if not changed:
        return set()
    pages = {HOME, A_TO_Z, *(f"{EVENT_DIR}/{event.id}.md" for event in new.events)}
    for procedure in (*old.procedures, *new.procedures):
        if procedure.id in changed:
            pages |= {procedure_src(procedure.id), category_src(procedure.category)}
        elif changed & set(procedure.related):  # it shows their titles
            pages.add(procedure_src(procedure.id))
    return pages


PREVIEW = Preview()  # one development server per process
os.register_at_fork(after_in_child=PREVIEW._forked)
