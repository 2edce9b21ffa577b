"""The one registry of procedure fields: each field of a procedure file is declared here once.

Like mkdocs' `config_options`, a declaration says everything the stages need to know about a
field: its key, whether it is required, its shape (`Kind`), whether a translator translates
it (and which of its item fields), the Vietnamese description editors see (JSON Schema,
`thutuc new`), how `thutuc import national` fills it, and the page section that shows it.
Validation, overlays, translation paths and status, the exchange files and their notes, the
JSON Schema, open data, the scaffold, the importer, the search index, the page's JSON-LD and
the recorded guides' scripts all read this table; none of them lists fields itself.

Adding an optional field, or an item field of a list, is one `Field(...)` here (and one
template block to show it: `proc.value("key")`, `doc.value("key")`). A field without an
attribute on its model class (`model.Procedure`, `model.Document`...) is kept in its `more`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

from generator.model import (
    Channel,
    Document,
    Faq,
    Fee,
    Fields,
    Online,
    Provenance,
    Reviewed,
    Step,
)

T = TypeVar("T")
Kind = Literal[
    "text",  # plain text; an unquoted number or date is taken as the text written
    "markdown",  # text in Markdown
    "text_list",  # a list of text, translated as one piece (a translation may change the count)
    "slug",  # a lowercase ASCII id: letters, digits and `-`
    "slug_list",  # a list of ids
    "choice",  # one of `choices`
    "choices",  # one of `choices`, or a list of them
    "date",  # YYYY-MM-DD
    "count",  # a whole number >= 0
    "amount",  # a whole number of đồng >= 0 (0: free), with its own messages
    "url",  # an http(s) address
    "form",  # an http(s) address or a file inside the project
    "items",  # a list of mappings with `fields`
    "mapping",  # one mapping with `fields`
    "table",  # a mapping of names to text
]
TEXT_KINDS = ("text", "markdown")  # what a translator translates piece by piece
# How open data carries a field: always (format version 1 has the key even when empty),
# only when it has a value (fields added after version 1), or never (tool-internal data).
OpenData = Literal["always", "when_set", "never"]


@dataclass(frozen=True)
class Field:
    """One field of a procedure file (or of the items of a list field)."""

    key: str
    kind: Kind
    description: str  # Vietnamese, for editors: the JSON Schema and `thutuc new`
    required: bool = False
    translatable: bool = False  # text and text lists: in overlays, translation reports, exports
    fields: tuple[Field, ...] = ()  # item fields of `items` and `mapping`
    choices: tuple[str, ...] = ()  # allowed values of `choice` and `choices`
    default: str = ""  # a `choice` that was refused reads as this
    label: str = ""  # the field named inside a sentence of a message ("Số bản sao")
    shorthand: str = ""  # `items`: a plain text item stands for {shorthand: text}
    note: str = ""  # for translators, beside the text in exported files ("tên thủ tục")
    # Where the page shows it, in translators' notes: the interface string of its section's
    # heading (`documents`: «Giấy tờ cần mang»), or in words for a text without one.
    heading: str = ""
    place: str = ""
    noun: str = ""  # one item of the list, in translators' notes ("giấy tờ" số 2)
    imported: str = ""  # how `thutuc import national` fills it; empty: editors' alone
    # The block of the procedure page's template (render/templates/procedure.html) that
    # shows it; empty: not on that page (search words, old ids, life events).
    section: str = ""
    example: str = ""  # YAML for the commented example `thutuc new` writes; empty: none
    # The field of the search index that holds its text (`search/index.py` WEIGHTS says how
    # much a word there counts); empty: not searched.
    search: str = ""
    # The schema.org property that states it in the page's JSON-LD (`render/jsonld.py`): of
    # the GovernmentService, of the page (`dateModified`) or of an item (an Offer's `price`);
    # empty: not stated.
    schema: str = ""
    # The parts of a recorded guide that read it aloud (`translate/recording_status.py`): ""
    # the whole guide (the first screen and the steps' titles, about 40 seconds), or one
    # section's recording (`documents`, `where`, `steps`); empty: never read.
    recorded: tuple[str, ...] = ()
    open_data: OpenData = "always"
    model: type[Fields] | None = None  # the model class of an `items` entry or a `mapping`

    def item(self, key: str) -> Field:
        return next(sub for sub in self.fields if sub.key == key)

    @property
    def item_keys(self) -> tuple[str, ...]:
        return tuple(sub.key for sub in self.fields)

    @property
    def required_items(self) -> tuple[str, ...]:
        return tuple(sub.key for sub in self.fields if sub.required)

    @property
    def text_items(self) -> tuple[str, ...]:
        """The item fields a translator translates (`documents`: name, note, when)."""
        return tuple(sub.key for sub in self.fields if sub.translatable)

    @property
    def is_markdown(self) -> bool:
        return self.kind == "markdown"


# Cấp thực hiện: commune, province, ministry, another agency (the national records' four).
LEVELS = ("xa", "tinh", "bo", "khac")
_DOCUMENT = (
    Field("name", "text", "Tên giấy tờ.", required=True, translatable=True, note="tên",
          search="body", recorded=("", "documents")),
    Field("originals", "count", "Số bản chính.", label="Số bản chính",
          recorded=("", "documents")),
    Field("copies", "count", "Số bản sao.", label="Số bản sao", recorded=("", "documents")),
    Field("form", "form", "Mẫu đơn, tờ khai: địa chỉ web hoặc đường dẫn tệp trong dự án."),
    Field("note", "text", "Ghi chú.", translatable=True, note="ghi chú", recorded=("documents",)),
    Field("when", "text", "Trường hợp cần giấy tờ này (để trống: luôn cần).",
          translatable=True, note="trường hợp cần", open_data="when_set",
          recorded=("", "documents")),
)
# `provenance` is written by `thutuc import`, not by people. Its `fingerprints` (one per
# imported field, as last imported) let a later import tell an editor's change (the file's
# value no longer has the recorded fingerprint) from an untouched imported value; `extra`
# keeps the national fields the format has no key for (`so_quyet_dinh: 163/QĐ-BTP`).
_PROVENANCE = (
    Field("national_code", "text", "Mã thủ tục quốc gia của bản ghi đã nhập."),
    Field("url", "url", "Trang nguồn trên Cổng Dịch vụ công quốc gia."),
    Field("imported", "date", "Ngày nhập."),
    Field("record", "text", "Dấu vân tay của bản ghi quốc gia lần nhập trước, để lần nhập sau "
                            "biết bản ghi có đổi trên cổng không.", open_data="never"),
    Field("fingerprints", "table", "Dấu vân tay từng trường đã nhập, để lần nhập sau nhận ra "
                                   "trường người biên tập đã sửa.", open_data="never"),
    Field("changed", "text_list", "Các trường lần nhập trước thấy đã đổi trên cổng (để "
                                  "`thutuc review` cho biết cần xem lại gì).",
          open_data="when_set"),
    Field("extra", "table", "Các trường của dữ liệu quốc gia chưa có chỗ trong định dạng."),
)

PROCEDURE_FIELDS: list[Field] = [
    Field("id", "slug", "Mã trang của thủ tục: chữ thường không dấu, chữ số và dấu `-`. Là địa "
                        "chỉ trang và nằm trong mã QR đã in, nên không bao giờ đổi.",
          required=True, section="qr"),
    Field("code", "text", "Mã thủ tục quốc gia, ví dụ \"1.001193\" (đặt trong ngoặc kép).",
          imported="ma_thu_tuc", section="footer", example='"1.001193"', search="code",
          schema="identifier"),
    Field("title", "text", "Tên thủ tục.", required=True, translatable=True,
          note="tên thủ tục", imported="ten_thu_tuc", section="header",
          place="tiêu đề của trang (và của tờ niêm yết)", search="title", schema="name",
          recorded=("",)),
    Field("category", "slug", "Lĩnh vực: một `id` trong categories.yml.", required=True,
          imported="linh_vuc, theo bảng lĩnh vực", search="category", schema="serviceType"),
    Field("level", "choices", "Cấp thực hiện: `xa` (cấp xã), `tinh` (cấp tỉnh), `bo` (cấp bộ) "
                              "hoặc `khac` (cơ quan khác); có thể ghi nhiều cấp.",
          choices=LEVELS, label="cấp thực hiện", imported="cap_thuc_hien",
          example="xa"),
    Field("summary", "text", "Một hai câu dễ hiểu: thủ tục dùng để làm gì, ai cần làm.",
          required=True, translatable=True, note="tóm tắt, một hai câu",
          imported="một câu ghép từ tên thủ tục và đối tượng thực hiện", section="header",
          place="đoạn tóm tắt ngay dưới tiêu đề", search="summary", schema="description",
          recorded=("",)),
    Field("applicants", "text_list", "Đối tượng thực hiện, mỗi đối tượng một dòng.",
          translatable=True, note="đối tượng thực hiện", imported="doi_tuong_thuc_hien",
          section="applicants", heading="applicants", example="- Công dân Việt Nam",
          search="body", schema="audience"),
    Field("agency", "text", "Cơ quan thực hiện (hồ sơ đơn vị có thể ghi đè).",
          translatable=True, note="cơ quan thực hiện",
          imported="co_quan_thuc_hien, hoặc co_quan_co_tham_quyen", section="where",
          heading="office", example="Ủy ban nhân dân cấp xã", recorded=("", "where")),
    Field("conditions", "markdown", "Yêu cầu, điều kiện (Markdown).", translatable=True,
          note="điều kiện", imported="yeu_cau_dieu_kien", section="conditions",
          heading="conditions", example="Không có."),
    Field("documents", "items", "Thành phần hồ sơ: mỗi giấy tờ một mục.", required=True,
          fields=_DOCUMENT, shorthand="name", note="giấy tờ", model=Document,
          imported="thanh_phan_ho_so", section="documents", heading="documents", noun="giấy tờ",
          example="- name: Tờ khai theo mẫu\n  originals: 1\n  form: mau-don/to-khai.pdf\n"
                  "- name: Giấy tờ tùy thân\n  note: Xuất trình bản chính để đối chiếu."),
    Field("steps", "items", "Trình tự thực hiện: mỗi bước một mục.", required=True,
          fields=(Field("title", "text", "Tên bước.", required=True, translatable=True,
                        note="tên bước", recorded=("", "steps")),
                  Field("text", "markdown", "Nội dung bước (Markdown).", translatable=True,
                        note="nội dung", recorded=("steps",))),
          shorthand="title", note="bước", model=Step, imported="trinh_tu_thuc_hien",
          section="steps", heading="steps", noun="bước",
          example="- title: Nộp hồ sơ\n  text: Nộp tại Bộ phận Một cửa của Ủy ban nhân dân "
                  "xã.\n- title: Nhận kết quả"),
    Field("channels", "items", "Cách thức thực hiện: nộp trực tiếp, trực tuyến hoặc qua bưu "
                               "chính.",
          fields=(Field("type", "choice", "`direct` (trực tiếp), `online` (trực tuyến), "
                                          "`post` (bưu chính).",
                        required=True, choices=("direct", "online", "post")),
                  Field("duration", "text", "Thời hạn theo cách này.", translatable=True,
                        note="thời hạn", recorded=("where",)),
                  Field("fee", "text", "Phí, lệ phí theo cách này."),
                  Field("note", "text", "Ghi chú.", translatable=True, note="ghi chú",
                        recorded=("where",))),
          note="cách nộp", model=Channel, imported="cach_thuc_thuc_hien", section="channels",
          heading="channels", noun="cách nộp", schema="availableChannel",
          example="- type: direct\n  duration: Ngay trong ngày\n- type: online\n"
                  "  note: Qua Cổng Dịch vụ công quốc gia"),
    Field("online", "mapping", "Dịch vụ công trực tuyến của thủ tục.",
          fields=(Field("level", "choice", "`full` (toàn trình), `partial` (một phần) hoặc "
                                           "`none`.",
                        required=True, choices=("full", "partial", "none"), default="none"),
                  Field("url", "url", "Trang của thủ tục trên Cổng Dịch vụ công.")),
          model=Online, section="channels", schema="sameAs",
          example="level: full\nurl: https://dichvucong.gov.vn/"),
    Field("duration", "text", "Thời hạn giải quyết, ví dụ \"Ngay trong ngày làm việc\".",
          required=True, translatable=True, note="thời hạn giải quyết",
          imported="cach_thuc_thuc_hien (thời gian)", section="duration", heading="duration",
          recorded=("",)),
    Field("fees", "items", "Phí, lệ phí: mỗi khoản một mục.",
          fields=(Field("name", "text", "Tên khoản phí, lệ phí.", required=True,
                        translatable=True, note="tên", schema="name", recorded=("",)),
                  Field("amount", "amount", "Số tiền bằng đồng, chữ số liền; 0 là miễn phí.",
                        required=True, schema="price", recorded=("",)),
                  Field("note", "text", "Ghi chú.", translatable=True, note="ghi chú",
                        schema="description"),
                  Field("when", "text", "Trường hợp phải trả khoản này, ví dụ \"nếu cần bản "
                                        "sao\" (để trống: ai cũng trả).",
                        translatable=True, note="trường hợp phải trả", open_data="when_set",
                        recorded=("",))),
          note="phí, lệ phí", model=Fee, imported="cach_thuc_thuc_hien (phí, lệ phí)",
          section="fees", heading="fees", noun="khoản phí", schema="offers",
          example="- name: Lệ phí\n  amount: 0"),
    Field("result", "text", "Kết quả thực hiện, ví dụ \"Giấy khai sinh (bản chính)\".",
          required=True, translatable=True, note="kết quả", imported="ket_qua_xu_ly",
          section="result", heading="result", search="body", recorded=("",)),
    Field("legal_basis", "text_list", "Căn cứ pháp lý, mỗi văn bản một dòng.",
          imported="can_cu_phap_ly", section="legal_basis",
          example="- Luật Hộ tịch số 60/2014/QH13"),
    Field("faq", "items", "Câu hỏi thường gặp.",
          fields=(Field("q", "text", "Câu hỏi.", required=True, translatable=True,
                        note="câu hỏi"),
                  Field("a", "markdown", "Trả lời (Markdown).", required=True,
                        translatable=True, note="câu trả lời")),
          note="câu hỏi thường gặp", model=Faq, section="faq", heading="faq", noun="câu hỏi",
          example="- q: Có cần mang bản chính không?\n  a: Có, để cán bộ đối chiếu."),
    Field("related", "slug_list", "Thủ tục liên quan: `id` của các thủ tục khác.",
          section="related", example="[dang-ky-ket-hon]"),
    Field("keywords", "text_list", "Từ khoá tìm kiếm thêm (cả không dấu, tên gọi địa phương).",
          translatable=True, note="từ khoá tìm kiếm", imported="ket_qua_xu_ly (tên gọi khác)",
          place="từ khoá tìm kiếm: không hiện trên trang, dùng khi người dân tìm",
          example="[lam giay khai sinh]", search="keywords"),
    Field("aliases", "slug_list", "Các `id` cũ của thủ tục; địa chỉ cũ vẫn dẫn tới trang này.",
          example="[]"),
    Field("events", "slug_list", "Nhóm sự kiện đời sống, ví dụ `sinh-con`, `ket-hon`.",
          example="[sinh-con]"),
    Field("updated", "date", "Ngày kiểm tra nội dung gần nhất, dạng NĂM-THÁNG-NGÀY.",
          required=True, section="footer", schema="dateModified"),
    Field("review", "choice", "Đã có người kiểm tra nội dung nhập tự động chưa: `needed` "
                              "(cần kiểm tra) hoặc `done` (đã kiểm tra).",
          choices=("needed", "done"), section="review"),
    Field("reviewed", "mapping", "Lần kiểm tra nội dung gần nhất: ngày (`date`) và người "
                                 "kiểm tra (`by`).",
          fields=(Field("date", "date", "Ngày kiểm tra, dạng NĂM-THÁNG-NGÀY.", required=True),
                  Field("by", "text", "Người hoặc bộ phận đã kiểm tra.")),
          model=Reviewed, section="review", open_data="when_set"),
    Field("review_due", "date", "Ngày cần kiểm tra lại nội dung, dạng NĂM-THÁNG-NGÀY.",
          section="review", open_data="when_set"),
    Field("provenance", "mapping", "Nguồn nhập dữ liệu; do lệnh `thutuc import` ghi, người "
                                   "biên tập không sửa.",
          fields=_PROVENANCE, model=Provenance),
]


def fields() -> tuple[Field, ...]:
    """Every field of a procedure file, in the format contract's order."""
    return tuple(PROCEDURE_FIELDS)


def field(key: str) -> Field:
    return next(f for f in PROCEDURE_FIELDS if f.key == key)


def procedure_keys() -> tuple[str, ...]:
    return tuple(f.key for f in PROCEDURE_FIELDS)


def required_keys() -> tuple[str, ...]:
    return tuple(f.key for f in PROCEDURE_FIELDS if f.required)


# What `translatable()` and its kin found, with the fields they were found in: they are asked
# thousands of times per language, and the fields change only under `registered`.
_DERIVED: dict[str, tuple[tuple[Field, ...], Any]] = {}


def _derived(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, worked out again only when the declared fields have changed."""
    current = tuple(PROCEDURE_FIELDS)
    known = _DERIVED.get(name)
    if known is None or known[0] != current:  # the same Field objects compare by identity
        known = _DERIVED[name] = (current, compute())
    return cast(T, known[1])


def translatable() -> tuple[Field, ...]:
    """The fields an overlay may hold, in page order (the contract's order)."""
    return _derived("translatable", lambda: tuple(
        f for f in PROCEDURE_FIELDS if f.translatable or (f.kind == "items" and f.text_items)))


def text_fields() -> tuple[str, ...]:
    """Translatable single texts (`summary`)."""
    return _derived("text_fields", lambda: tuple(
        f.key for f in translatable() if f.kind in TEXT_KINDS))


def text_list_fields() -> tuple[str, ...]:
    """Translatable lists of text, translated as one piece (`keywords`)."""
    return _derived("text_list_fields", lambda: tuple(
        f.key for f in translatable() if f.kind == "text_list"))


def item_fields() -> dict[str, tuple[str, ...]]:
    """Item lists with their translatable item fields (`steps`: title, text)."""
    return dict(_derived("item_fields", lambda: {
        f.key: f.text_items for f in translatable() if f.kind == "items"}))


def imported_keys() -> tuple[str, ...]:
    """Fields `thutuc import national` fills from a record and fingerprints; the others are
    editors' (the import also writes its own bookkeeping: `id`, `updated`, `review`,
    `provenance`)."""
    return tuple(f.key for f in PROCEDURE_FIELDS if f.imported)


@contextmanager
def registered(new: Field, within: str = "") -> Iterator[Field]:
    """`new` declared for the duration of a `with` block (tests, and sites trying a field):
    a field of a procedure, or with `within`, an item field of that list (or mapping)."""
    if not within:
        PROCEDURE_FIELDS.append(new)
        try:
            yield new
        finally:
            PROCEDURE_FIELDS.remove(new)
        return
    index = procedure_keys().index(within)
    holder = PROCEDURE_FIELDS[index]
    PROCEDURE_FIELDS[index] = dataclasses.replace(holder, fields=(*holder.fields, new))
    try:
        yield new
    finally:
        PROCEDURE_FIELDS[index] = holder
