"""The schema as editors see it: the real yaml-language-server (VS Code's YAML extension,
pinned in tests/yamlls/package.json), driven over stdio, with the guide's `yaml.schemas`
settings and every schema of `thutuc schema --all`, shows Vietnamese messages for mistakes
and nothing on the sample catalog (procedures, overlays, categories, events, glossary,
`_published.yml`) nor on the sample profile."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.load.schema import schemas

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "tests" / "yamlls" / "node_modules" / "yaml-language-server" / "bin" / \
    "yaml-language-server"
GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"

pytestmark = pytest.mark.skipif(not SERVER.exists() or not shutil.which("node"),
                                reason="run `.ci/setup --test` (npm ci in tests/yamlls)")


def guide_settings() -> dict[str, Any]:
    """The `yaml.schemas` block of the editors' guide, as an editor copies it."""
    block = re.search(r'```json\n(\{\n  "yaml\.schemas".*?)```', GUIDE.read_text(encoding="utf-8"),
                      re.S)
    assert block, "the guide has no `yaml.schemas` block"
    return json.loads(block.group(1))["yaml.schemas"]


class Server:
    """A yaml-language-server process and the few LSP messages the test needs."""

    def __init__(self, root: Path, schemas: dict[str, Any]) -> None:
        self.settings = {"validate": True, "schemas": schemas}
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.request(1, "initialize", {
            "processId": None, "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {"workspace": {"configuration": True}}})
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        # The server asks for its settings once initialised: files opened later use them.
        self.until(lambda message: message.get("method") == "workspace/configuration")

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        """The next message; the server's own requests are answered on the way."""
        assert self.process.stdout
        length = 0
        while (line := self.process.stdout.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length, "yaml-language-server stopped"
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        if message.get("method") == "workspace/configuration":
            self.send({"jsonrpc": "2.0", "id": message["id"],
                       "result": [self.settings if item.get("section") == "yaml" else {}
                                  for item in message["params"]["items"]]})
        elif "id" in message and "method" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def until(self, done: Any) -> dict[str, Any]:
        while not done(message := self.receive()):
            pass
        return message

    def request(self, number: int, method: str, params: dict[str, Any]) -> None:
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        self.until(lambda message: message.get("id") == number and "method" not in message)

    def diagnostics(self, files: list[Path]) -> dict[Path, list[str]]:
        """Open every file; the messages shown on each."""
        for path in files:
            self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                "textDocument": {"uri": path.as_uri(), "languageId": "yaml", "version": 1,
                                 "text": path.read_text(encoding="utf-8")}}})
        by_uri = {path.as_uri(): path for path in files}
        shown: dict[Path, list[str]] = {}
        while len(shown) < len(files):
            message = self.until(
                lambda m: m.get("method") == "textDocument/publishDiagnostics")
            shown[by_uri[message["params"]["uri"]]] = [
                d["message"] for d in message["params"]["diagnostics"]]
        return shown

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


BAD = """\
id: dang-ky-mau
title: Đăng ký mẫu
category: ho-tich
sumary: Tóm tắt.
documents: Tờ khai
steps:
  - Nộp hồ sơ
duration: 5 ngày làm việc
result: Giấy chứng nhận
updated: 20/11/2026
"""


def test_the_editor_shows_vietnamese_messages_and_none_on_the_sample(tmp_path: Path) -> None:
    for folder in ("procedures", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / ".vscode").mkdir()
    for name, schema in schemas().items():  # as `thutuc schema --all -o .vscode` writes them
        (tmp_path / ".vscode" / name).write_text(json.dumps(schema, ensure_ascii=False),
                                                 encoding="utf-8")
    bad = tmp_path / "procedures" / "ho-tich" / "dang-ky-mau.yml"
    bad.write_text(BAD, encoding="utf-8")
    bad_overlay = tmp_path / "procedures" / "ho-tich" / "dang-ky-mau.en.yml"
    bad_overlay.write_text("status: draft\ntitel: Sample registration\n", encoding="utf-8")
    files = sorted([*(tmp_path / "procedures").rglob("*.yml"),
                    *(tmp_path / "profiles").glob("*.yml")])
    assert tmp_path / "profiles" / "xa-mau.yml" in files
    server = Server(tmp_path, guide_settings())
    try:
        shown = server.diagnostics(files)
    finally:
        server.close()
    messages = shown.pop(bad)
    assert any("khoá này không có trong định dạng" in m and "`summary`" in m for m in messages)
    assert "thiếu trường bắt buộc `summary`: thêm dòng `summary: ...`." in messages
    assert "phải là một danh sách, mỗi mục một dòng bắt đầu bằng `- `." in messages
    assert any("YYYY-MM-DD, ví dụ 2026-11-20" in m for m in messages)
    assert not [m for m in messages if re.search(r"[Pp]roperty|Incorrect type|Missing", m)]
    overlay_messages = shown.pop(bad_overlay)
    assert len(overlay_messages) == 1 and "`title`" in overlay_messages[0] \
        and "khoá này không có trong định dạng" in overlay_messages[0]
    assert tmp_path / "procedures" / "_published.yml" in shown
    assert {path.relative_to(tmp_path): found for path, found in shown.items() if found} == {}
