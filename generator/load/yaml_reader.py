"""Read one YAML file safely, keeping the line of every key and list item.

Only plain YAML is accepted: no Python tags (safe loading), no anchors or aliases (they make
"billion laughs" bombs possible and editors never need them). All text comes back in Unicode
NFC, because some Vietnamese keyboards type decomposed letters. Line numbers are 1-based and
counted as editors count them (U+2028 is not a line break in VS Code, it is one for YAML).

Text stays as typed: YAML 1.1 reads `1.000080` as 1.00008, `0262341107` as an octal number,
`1:30` as 90 and `no` as false. Every mapping and list keeps the source text of such plain
values (`Mapping.raw`, `Sequence.item_raw`), and the field readers take that text for text
fields; numbers written with leading zeros are decimal for number fields (`amount: 020000` is
20000, not octal), and other number forms that are not plain decimals stay text.

Invisible control characters are refused with their line and how to remove them; strings
built from escapes may not hold control characters or lone surrogates either; bidirectional
controls are closed on their own line (`safe_text.balance_bidi`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problems
from generator.safe_text import (
    EDITOR_BREAK,
    YAML_ONLY_BREAKS,
    balance_bidi,
    character_name,
    control_fix,
    editor_line,
    forbidden_characters,
    string_problem,
)


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers its own line, the line of each key and the source text
    of each plain value that YAML did not read as text (`code: 1.000080`)."""

    line: int = 0
    key_lines: dict[str, int]
    raw: dict[str, str] = {}  # noqa: RUF012 - replaced per instance when there is any

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def typed(self, key: str) -> str | None:
        """The value of `key` exactly as typed, when YAML read it as something else."""
        return self.raw.get(key)


class Sequence(list[Any]):
    """A YAML list that remembers its own line, the line of each item, and the source text of
    each plain item that YAML did not read as text."""

    line: int = 0
    item_lines: list[int]
    item_raw: dict[int, str] = {}  # noqa: RUF012 - replaced per instance when there is any

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line

    def typed(self, index: int) -> str | None:
        """Item `index` exactly as typed, when YAML read it as something else."""
        return self.item_raw.get(index)


def typed_text(node: Any, key: str | int) -> str | None:
    """The source text of `node[key]` when YAML read that plain value as a number, date or
    boolean; None when it was read as text (or came from elsewhere than a YAML file)."""
    if isinstance(node, (Mapping, Sequence)):
        return node.typed(key)  # type: ignore[arg-type]
    return None


def line_of(node: Any, key: str | int | None = None) -> int:
    """Line of a node, or of one of its keys/items, when it is known."""
    if key is not None and isinstance(node, Mapping) and isinstance(key, str):
        return node.line_of(key)
    if key is not None and isinstance(node, Sequence) and isinstance(key, int):
        return node.line_of(key)
    return getattr(node, "line", 0)


def from_plain(value: Any, line: int = 0) -> Any:
    """Plain dicts and lists (options written in mkdocs.yml) as `Mapping`/`Sequence`."""
    if isinstance(value, dict):
        mapping = Mapping({str(k): from_plain(v, line) for k, v in value.items()})
        mapping.line, mapping.key_lines = line, {}
        return mapping
    if isinstance(value, list):
        sequence = Sequence(from_plain(v, line) for v in value)
        sequence.line, sequence.item_lines = line, []
        return sequence
    return balance_bidi(_nfc(value)) if isinstance(value, str) else value


class _AliasRejected(yaml.MarkedYAMLError):
    pass


class _TooDeep(yaml.MarkedYAMLError):
    pass


class _TagRejected(yaml.MarkedYAMLError):
    pass


class _BadString(yaml.MarkedYAMLError):
    pass


_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_DECIMAL = re.compile(r"[-+]?[0-9][0-9_]*")


# A catalog needs about five levels; a much deeper file is a mistake or an attack, and
# refusing it here keeps loading fast instead of recursing until Python gives up.
MAX_DEPTH = 40


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that builds `Mapping`/`Sequence` with lines and refuses aliases."""

    depth = 0
    editor_text = ""  # the whole text, when its line breaks differ from an editor's (U+2028)

    def mark_line(self, mark: Any) -> int:
        """The editor's 1-based line of a mark."""
        return editor_line(self.editor_text, mark.index) if self.editor_text else mark.line + 1

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRejected(None, None, "alias", event.start_mark)
        event = self.peek_event()
        if getattr(event, "tag", None) is not None:
            # Editors never need tags; `!!python/...` ones are attacks, `!` ones mistakes.
            raise _TagRejected(None, None, "tag", event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(None, None, "too deep", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:  # type: ignore[override]
        data = Mapping()
        data.line = self.mark_line(node.start_mark)
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            # A key is a name: `no:` or `010:` is the name as typed, not false or 8.
            key = _typed(key_node)
            if key is None:
                key = self.construct_object(key_node, deep=True)
                key = _nfc(key) if isinstance(key, str) else str(key)
            if key in data:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key}", key_node.start_mark
                )
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = self.mark_line(key_node.start_mark)
            typed = _typed(value_node)
            if typed is not None:
                if not data.raw:
                    data.raw = {}
                data.raw[key] = typed

    def construct_yaml_seq(self, node: yaml.SequenceNode) -> Any:  # type: ignore[override]
        data = Sequence()
        data.line = self.mark_line(node.start_mark)
        data.item_lines = [self.mark_line(child.start_mark) for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)
        raw = {index: typed for index, child in enumerate(node.value)
               if (typed := _typed(child)) is not None}
        if raw:
            data.item_raw = raw

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        # An impossible date such as 2026-02-30 stays text, so validation can name it.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        # `020000` is twenty thousand to a person, not octal 8192; `1:30` (base 60) and
        # `0x1F` are not numbers people write for a count, so they stay text to be named.
        text = str(node.value)
        if _DECIMAL.fullmatch(text):
            return int(text.replace("_", ""), 10)
        return text

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        return str(node.value) if ":" in str(node.value) else super().construct_yaml_float(node)

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:  # type: ignore[override]
        value = _nfc(super().construct_yaml_str(node))
        problem = string_problem(value)
        if problem:
            raise _BadString(None, None, problem, node.start_mark)
        return balance_bidi(value)


def _typed(node: Any) -> str | None:
    """The source text of a plain scalar YAML 1.1 reads as something other than text."""
    # A plain scalar's style is None in PyYAML and "" in libyaml.
    if isinstance(node, yaml.ScalarNode) and not node.style and \
            node.tag not in (_STR_TAG, _NULL_TAG):
        return _nfc(str(node.value))
    return None


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_yaml_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_yaml_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _LineLoader.construct_yaml_float)


def _fast_loader() -> type | None:
    """`_LineLoader` on libyaml's C scanner and parser (ten times faster here), if present.

    Only tokenizing and parsing run in C: nodes are still composed by `_LineLoader` (which
    refuses aliases and deep nesting) and built by its constructors.
    """
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # PyYAML built without libyaml
        return None

    class FastLineLoader(CParser, _LineLoader):  # type: ignore[misc]
        get_single_node = yaml.composer.Composer.get_single_node
        check_node = yaml.composer.Composer.check_node
        get_node = yaml.composer.Composer.get_node

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    return FastLineLoader


_FAST_LOADER = _fast_loader()


def _parse(text: str) -> Any:
    """The data of one YAML text, or `yaml.YAMLError` as the pure-Python loader words it.

    libyaml words syntax errors differently, so a text it refuses is parsed again in Python
    for the message and line editors are shown. A text with line breaks editors do not count
    (U+2028) is parsed in Python, whose marks give the character offset to count lines from.
    """
    odd_breaks = any(char in text for char in YAML_ONLY_BREAKS)
    if _FAST_LOADER is not None and not odd_breaks:
        try:
            return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a SafeLoader
        except (yaml.YAMLError, RecursionError):
            pass
    loader = _LineLoader(text)
    loader.editor_text = text if odd_breaks else ""
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def load_yaml(path: Path, shown_as: str, problems: Problems) -> Any:
    """Parse `path`; on any problem record it under the name `shown_as` and return None."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.add(shown_as, 0, "", f"không đọc được tệp ({err.strerror}).")
        return None
    return _load_text(raw, shown_as, problems)


def _load_text(raw: bytes, shown_as: str, problems: Problems) -> Any:
    """The data of a file's bytes, or None with its problems recorded."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(
            shown_as, line, "",
            "tệp không được lưu bằng bảng mã UTF-8.",
            "mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 "
            "(VS Code: Save with Encoding → UTF-8; Notepad: Lưu thành → Mã hoá UTF-8).",
        )
        return None
    # A byte-order mark inside the text (files pasted together) is invisible; libyaml and
    # PyYAML would read it differently.
    text = text.replace("\ufeff", "")
    if "\x00" in text:
        problems.add(shown_as, editor_line(text, text.index("\x00")), "",
                     "tệp chứa ký tự NUL: đây không phải tệp văn bản YAML.",
                     "có thể tệp bị hỏng hoặc là tệp Word/Excel đổi tên; viết lại nội dung "
                     "trong một trình soạn thảo văn bản và lưu với bảng mã UTF-8.")
        return None
    return parse_yaml(text, shown_as, problems)


def _refuse_controls(text: str, shown_as: str, problems: Problems) -> bool:
    """Record each line holding an invisible control character; True when there is one."""
    found = forbidden_characters(text)
    for line, column, char in found:
        problems.add(shown_as, line, "",
                     f"có ký tự điều khiển vô hình {character_name(char)} ở cột {column}.",
                     control_fix(char))
    return bool(found)


def parse_yaml(text: str, shown_as: str, problems: Problems) -> Any:
    """Parse YAML text as `load_yaml` does (lines, NFC, no aliases, tags or controls)."""
    if _refuse_controls(text, shown_as, problems):
        return None
    try:
        return _parse(text)
    except yaml.MarkedYAMLError as err:
        line = _mark_line(err, text)
        refused = (_AliasRejected, _TooDeep, _TagRejected, _BadString)
        opened = 0 if isinstance(err, refused) else _unclosed_quote(text, line)
        if opened:
            problems.add(shown_as, opened, "", *_UNCLOSED_QUOTE)
        else:
            problems.add(shown_as, line, "", *_explain(err))
    except yaml.YAMLError as err:
        problems.add(shown_as, 1, "", f"lỗi cú pháp YAML: {err}")
    except RecursionError:  # a flow collection nested deeper than Python recurses
        problems.add(shown_as, 1, "", *_explain_depth())
    return None


_UNCLOSED_QUOTE = ("có dấu ngoặc kép hoặc ngoặc đơn chưa được đóng.",
                   "thêm dấu đóng ngoặc ở cuối đoạn văn bản.")


def _unclosed_quote(text: str, error_line: int) -> int:
    """The first line up to `error_line` whose value opens a quote it never closes, or 0.

    YAML lets quoted text run over many lines, so the parser reports an unclosed quote lines
    later, where it finally gives up; editors need the line where the quote was opened.
    """
    # Lines as editors count them: `str.splitlines` would also split at U+2028 and U+000C.
    for number, line in enumerate(EDITOR_BREAK.split(text)[:error_line], 1):
        value = (line.split(": ", 1)[1] if ": " in line else line.lstrip(" -")).strip()
        if not value or value[0] not in "\"'":
            continue
        quote, body = value[0], value[1:]
        # Inside '...' a quote is written twice; inside "..." it is escaped with a backslash.
        body = body.replace("''", "") if quote == "'" else body.replace("\\\\", "").replace(
            '\\"', "")
        if quote not in body:
            return number
    return 0


def _mark_line(err: yaml.MarkedYAMLError, text: str) -> int:
    mark = err.problem_mark or err.context_mark
    if not mark:
        return 0
    odd_breaks = any(char in text for char in YAML_ONLY_BREAKS)
    return editor_line(text, mark.index) if odd_breaks else mark.line + 1


def _explain_depth() -> tuple[str, str]:
    return (f"YAML lồng nhau quá sâu (hơn {MAX_DEPTH} tầng).", "viết lại cho phẳng hơn.")


def _explain(err: yaml.MarkedYAMLError) -> tuple[str, str]:
    """Say what a YAML error means to someone who is not a programmer."""
    problem = str(err.problem or "")
    if isinstance(err, _TooDeep):
        return _explain_depth()
    if isinstance(err, _BadString):
        return (f"văn bản có {problem}, viết bằng mã thoát trong ngoặc kép.",
                "xoá mã thoát đó (dạng `\\x..`, `\\u....`, `\\e`) khỏi văn bản.")
    if isinstance(err, _AliasRejected):
        return ("không dùng neo và bí danh YAML (`&tên`, `*tên`).",
                "chép nội dung đầy đủ vào từng chỗ cần dùng.")
    if isinstance(err, _TagRejected) or "could not determine a constructor" in problem:
        return ("có thẻ YAML không được phép (như `!!python/...`); chỉ dùng YAML thông thường.",
                "xoá phần bắt đầu bằng `!` hoặc `!!`.")
    if problem.startswith("duplicate key"):
        key = problem.removeprefix("duplicate key ")
        return (f"khoá `{key}` xuất hiện hai lần trong cùng một mục.", "giữ lại một dòng.")
    if "\\t" in problem or "tab" in problem:
        return ("có ký tự Tab dùng để thụt lề; YAML chỉ chấp nhận dấu cách.",
                "thay mỗi Tab bằng dấu cách (thường là 2 dấu cách).")
    if "end of stream" in problem or "<stream end>" in problem:
        return ("có dấu ngoặc chưa được đóng (ngoặc kép \", ngoặc đơn ', ngoặc vuông [ "
                "hoặc ngoặc nhọn {).",
                "thêm dấu đóng ngoặc tương ứng ở cuối đoạn văn bản.")
    if "found another document" in problem:
        return ("tệp có nhiều phần ngăn cách bởi dòng `---`; mỗi tệp chỉ chứa một thủ tục.",
                "tách mỗi thủ tục ra một tệp riêng, hoặc xoá dòng `---`.")
    if problem.startswith(("expected <block end>", "did not find expected key")) or \
            "expected <block mapping start>" in problem:
        return ("thụt lề của dòng này không khớp với các dòng cùng cấp bên trên.",
                "các khoá của cùng một mục phải thẳng hàng (cùng số dấu cách ở đầu dòng).")
    if "mapping values are not allowed" in problem:
        return ("có dấu hai chấm `: ` ở chỗ không được phép (thường do thụt lề sai "
                "hoặc văn bản có dấu hai chấm mà không đặt trong ngoặc kép).",
                "kiểm tra thụt lề, hoặc đặt cả đoạn văn bản trong ngoặc kép.")
    return (f"lỗi cú pháp YAML: {problem or err}.",
            "kiểm tra thụt lề (chỉ dùng dấu cách) và dấu ngoặc ở dòng này và dòng trên.")
