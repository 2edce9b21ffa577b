"""Names that become addresses, folders and files of the site, and the addresses people type.

A procedure id, alias or category id becomes a folder (`thu-tuc/<id>/`), a file
(`ma-qr/<id>.svg`) and part of a printed QR code; a language code becomes a folder at the
site's root. Each must build on every system the site is unpacked on (Windows included) and
must not take a name the site already uses. Web addresses (`site_url`, links) must be what
they look like; phone numbers must be numbers a phone can dial.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.urls import SITE_ROOT_NAMES

# Windows refuses these as file names, with any extension (`con.svg`), in any letter case.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul",
                              *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))})
# An id appears up to twice in a file's path (`en/niem-yet/<id>.html`, temporary names):
# 100 characters keep every path of a site unpacked in a folder of its own under Windows'
# 260-character limit, and a printed address short enough to type.
MAX_NAME_LENGTH = 100
# A QR code at error correction Q holds at most 1,663 bytes (version 40, byte mode).
QR_CAPACITY_Q = 1663


def name_problem(name: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for an id, alias or category id, or None when fine."""
    if len(name) > MAX_NAME_LENGTH:
        return (f"mã dài {len(name)} ký tự, quá {MAX_NAME_LENGTH} ký tự: địa chỉ và tên tệp "
                "quá dài không mở được trên mọi máy.",
                f"rút ngắn mã còn tối đa {MAX_NAME_LENGTH} ký tự.")
    if name in WINDOWS_RESERVED:
        return (f"`{name}` là tên mà Windows không cho đặt cho tệp: trang web giải nén trên "
                "Windows sẽ thiếu trang này.", f"đổi thành một tên khác, ví dụ `{name}-1`.")
    if name == "index":
        return ("`index` là tên trang mục lục của thư mục: trang sẽ hiện ở địa chỉ của thư mục "
                "chứ không phải địa chỉ riêng.", "đổi thành một tên khác, ví dụ `chi-so`.")
    return None


def language_code_problem(code: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a language code that is also a folder of the site."""
    if code.lower() in SITE_ROOT_NAMES:
        return (f"mã ngôn ngữ `{code}` trùng tên thư mục `{code}/` của trang web: các trang của "
                "ngôn ngữ này sẽ thay thế thư mục đó.",
                "dùng mã ngôn ngữ ISO 639 (ví dụ `en`, `rad`, `hre`, `km`).")
    if code.lower() in WINDOWS_RESERVED:
        return (f"`{code}` là tên mà Windows không cho đặt cho thư mục.",
                "dùng mã ngôn ngữ ISO 639 khác cho ngôn ngữ này.")
    return None


def url_problem(value: str) -> str:
    """Why `value` is not a plain absolute http(s) address, or '' when it is one.

    Refused: spaces and control characters; backslashes (browsers read `\\` as `/`, other
    programs do not, so the address goes somewhere else than it reads); a user name or
    password (`https://dichvucong.gov.vn@evil.example/` goes to evil.example); invisible
    characters in the host name (the address looks like another one).
    """
    if "\\" in value:
        return "có dấu gạch chéo ngược `\\`"
    odd = next((ch for ch in value if ch.isspace() or unicodedata.category(ch) in
                ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")), None)
    if odd is not None:
        return f"có ký tự vô hình hoặc dấu cách (U+{ord(odd):04X})"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "không đọc được địa chỉ"
    if parts.scheme not in ("http", "https"):
        return "chỉ nhận địa chỉ web bắt đầu bằng `http://` hoặc `https://`"
    if "@" in parts.netloc:
        return ("có phần tên người dùng trước dấu `@`, nên thực ra dẫn tới "
                f"`{parts.netloc.rsplit('@', 1)[1]}`")
    host = parts.hostname or ""
    if not host:
        return "thiếu tên miền"
    try:
        host.encode("idna")
    except UnicodeError:
        return f"tên miền `{host}` không hợp lệ"
    return ""


def site_url_problem(value: str) -> str:
    """Why `value` cannot be the site's public address (`site_url`), or ''."""
    problem = url_problem(value)
    if problem:
        return problem
    parts = urlsplit(value)
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        return ("có phần `?...` hoặc `#...`: mọi địa chỉ trang được nối vào sau `site_url`, nên "
                "địa chỉ trong mã QR sẽ sai")
    if re.search(r"\.(php|html?|aspx?|jsp|cgi)$", parts.path.rstrip("/"), re.IGNORECASE):
        return ("là địa chỉ của một tệp, không phải của thư mục chứa trang web: mọi địa chỉ trang "
                "được nối vào sau `site_url`")
    return ""


@dataclass(frozen=True)
class PhoneNumber:
    """One number of a phone field: as written, what a phone dials, and an extension."""

    shown: str  # "0262.3851.234 (máy lẻ 105)"
    dial: str  # "02623851234": digits and a leading +, for `tel:`
    extension: str = ""  # "105": said to the operator, never dialled


# Between two numbers: a dash or slash with spaces around it, a comma, a semicolon, "hoặc".
_SEPARATOR = re.compile(r"\s+[-–/]\s+|\s*[,;]\s*|\s+(?:hoặc|or)\s+", re.IGNORECASE)
_EXTENSION = re.compile(r"\(?\s*(?:máy lẻ|số lẻ|nhánh|ext\.?|extension|x)\s*:?\s*(\d{1,6})\s*\)?",
                        re.IGNORECASE)
_NUMBER = re.compile(r"\+?\d[\d .\-()]*\d")
# Shortest: emergency numbers (113); longest: E.164's 15 digits.
_DIGITS = (3, 15)


def parse_phones(text: str) -> tuple[tuple[PhoneNumber, ...], str]:
    """The numbers of a phone field and '' , or () and why it is not a list of numbers."""
    numbers = []
    for part in _SEPARATOR.split(text.strip()):
        if not part.strip():
            continue
        extension = ""
        found_ext = _EXTENSION.search(part)
        bare = part
        if found_ext:
            extension = found_ext.group(1)
            bare = part[:found_ext.start()] + part[found_ext.end():]
        matches = _NUMBER.findall(bare)
        if len(matches) != 1 or re.search(r"\d", _NUMBER.sub("", bare)):
            return (), f"`{part.strip()}` không phải là một số điện thoại"
        dial = ("+" if matches[0].startswith("+") else "") + re.sub(r"\D", "", matches[0])
        digits = len(dial.lstrip("+"))
        if not _DIGITS[0] <= digits <= _DIGITS[1]:
            return (), (f"`{part.strip()}` có {digits} chữ số; một số điện thoại có từ "
                        f"{_DIGITS[0]} đến {_DIGITS[1]} chữ số")
        numbers.append(PhoneNumber(part.strip(), dial, extension))
    if not numbers:
        return (), "không có số điện thoại nào"
    return tuple(numbers), ""
