"""The recording workbench: a local page where a team member records the guides of a language.

`thutuc record --lang hre` serves it on 127.0.0.1 (or `--host`, for a phone on the same
network). The page lists every published procedure with the text to read (the language's
translation where there is one, else the Vietnamese), what is missing or stale, and records
with the browser's MediaRecorder; a kept take is saved into the catalog under its right name,
with its stamp. Nothing here is part of the citizen's site, and the page loads nothing from
any other address, so it works without internet.
"""

from __future__ import annotations

import datetime
import json
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from generator.load.recordings import MAX_KB, SECTIONS, Recording, recording_name
from generator.load.site import Site
from generator.problems import Problems
from generator.translate.recording_status import Scripts
from generator.translate.resolve import overlays_for
from generator.translate.takes import save_take

PAGE = Path(__file__).with_name("workbench.html")
SCRIPT = Path(__file__).with_name("workbench.js")
PART_LABELS = {"": "Cả hướng dẫn", "documents": "Giấy tờ cần mang",
               "where": "Nộp ở đâu", "steps": "Các bước"}
MEDIA_TYPES = {"opus": "audio/ogg", "ogg": "audio/ogg", "webm": "audio/webm",
               "m4a": "audio/mp4", "mp3": "audio/mpeg"}


@dataclass
class Workbench:
    """The state the page works on: the site as loaded, updated by every kept take."""

    site: Site
    project_root: Path
    lang: str
    today: datetime.date = field(default_factory=datetime.date.today)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _scripts: Scripts | None = field(default=None, repr=False)

    def recording(self, procedure_id: str, section: str) -> Recording | None:
        return next((r for r in self.site.recordings
                     if (r.procedure_id, r.lang, r.section) == (procedure_id, self.lang, section)),
                    None)

    def scripts(self) -> Scripts:
        """Scripts of the site as it is now (a kept take changes it)."""
        if self._scripts is None or self._scripts.site is not self.site:
            self._scripts = Scripts(self.site)
        return self._scripts

    def listing(self) -> dict[str, Any]:
        """Everything the page shows, as JSON."""
        site, lang = self.site, self.lang
        names = {language.code: language.name for language in site.profile.languages}
        overlays = overlays_for(site.catalog, lang)
        procedures = []
        for procedure in sorted(site.procedures, key=lambda p: p.id):
            overlay = overlays.get(procedure.id) if lang != site.profile.source_language else None
            title = str(overlay.fields.get("title") or procedure.title) if overlay \
                else procedure.title
            procedures.append({"id": procedure.id, "title": title, "file": procedure.source_file,
                               "parts": [self.part(procedure.id, section)
                                         for section in ("", *SECTIONS)]})
        return {"lang": lang, "language": names.get(lang, lang),
                "source_lang": site.profile.source_language, "max_kb": MAX_KB,
                "procedures": procedures}

    def part(self, procedure_id: str, section: str) -> dict[str, Any]:
        """One recordable part: its script, and the state of its recording."""
        recording = self.recording(procedure_id, section)
        scripts = self.scripts()
        state = scripts.state(recording) if recording else None
        procedure = next(p for p in self.site.procedures if p.id == procedure_id)
        return {
            "section": section, "label": PART_LABELS[section],
            "name": recording.path.name if recording else
            recording_name(Path(procedure.source_file).stem, self.lang, section, "…"),
            "state": state.state if state else "missing",
            "stale": list(state.stale) if state else [],
            "seconds": round(recording.info.duration, 1) if recording else None,
            "audio": f"/audio?id={procedure_id}&section={section}&v={recording.digest}"
            if recording else None,
            "script": [{"path": piece.path, "text": piece.text, "lang": piece.lang}
                       for piece in scripts.part(procedure_id, self.lang, section)],
        }

    def keep(self, procedure_id: str, section: str, extension: str,
             data: bytes) -> tuple[dict[str, Any] | None, str]:
        """Save a take; the part's new state, or None and what went wrong."""
        problems = Problems()
        with self.lock:
            site, recording = save_take(self.site, self.project_root, procedure_id, self.lang,
                                        section, extension, data, self.today, problems)
            if recording is None:
                return None, "; ".join(f"{p.message} {p.fix}".strip() for p in problems.items)
            self.site = site
            return self.part(procedure_id, section), ""


def make_server(bench: Workbench, host: str = "127.0.0.1", port: int = 8010) -> ThreadingHTTPServer:
    """A server for the workbench (not yet serving: call `serve_forever`)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
            pass  # the terminal stays for what the team member needs to read

        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            url = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            if url.path == "/":
                self._send(PAGE.read_bytes(), "text/html; charset=utf-8")
            elif url.path == "/workbench.js":
                self._send(SCRIPT.read_bytes(), "text/javascript; charset=utf-8")
            elif url.path == "/api/parts":
                self._json(bench.listing())
            elif url.path == "/audio":
                recording = bench.recording(query.get("id", ""), query.get("section", ""))
                if recording is None:
                    self._json({"error": "không có bản ghi"}, HTTPStatus.NOT_FOUND)
                else:
                    self._send(recording.path.read_bytes(), MEDIA_TYPES[recording.extension])
            else:
                self._json({"error": "không có trang này"}, HTTPStatus.NOT_FOUND)

        def do_POST(self) -> None:  # noqa: N802 - the base class's name
            url = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            if url.path != "/api/take":
                self._json({"error": "không có trang này"}, HTTPStatus.NOT_FOUND)
                return
            if length > MAX_KB * 1024:
                self._json({"error": f"bản ghi nặng hơn {MAX_KB} KB: hãy ghi ngắn hơn."},
                           HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
                return
            data = self.rfile.read(length)
            part, error = bench.keep(query.get("id", ""), query.get("section", ""),
                                     query.get("ext", ""), data)
            if part is None:
                self._json({"error": error}, HTTPStatus.BAD_REQUEST)
            else:
                self._json(part)

        def _json(self, data: object, status: HTTPStatus = HTTPStatus.OK) -> None:
            body = json.dumps(data, ensure_ascii=False).encode()
            self._send(body, "application/json; charset=utf-8", status)

        def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return ThreadingHTTPServer((host, port), Handler)
