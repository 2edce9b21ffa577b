"""Pictures for the papers people bring: which document names get which pictogram.

A small table maps words of a document's name ("căn cước", "tờ khai") to one of Material's
bundled icons (drawn inline, nothing fetched) and a text alternative. The tool ships the
table below for the most common papers; a catalog may add rows of its own in
`procedures/pictograms.yml`, a list of `{icon, words, label, labels?}` checked before the
shipped ones, e.g.

    - icon: material/school
      words: [học bạ, bằng tốt nghiệp]
      label: Giấy tờ học tập
      labels: {en: School papers}

A name matches a row when it contains one of the row's words as whole words, in any letter
case; the first matching row wins, so a form to apply for a birth certificate ("Tờ khai đăng
ký khai sinh") gets the form's picture, not the certificate's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.field_reader import FieldReader, join
from generator.load.icons import check_icon
from generator.load.yaml_reader import Mapping, load_yaml
from generator.problems import Problems

FILE = "pictograms.yml"
KEYS = ("icon", "words", "label", "labels")


@dataclass(frozen=True)
class Pictogram:
    icon: str  # a Material icon name, e.g. `material/ring`
    words: tuple[str, ...]
    label: str  # the text alternative, in Vietnamese
    labels: dict[str, str] = field(default_factory=dict)  # by language

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang) or self.label

    def matches(self, name: str) -> bool:
        return bool(self.words) and _words_pattern(self.words).search(name.casefold()) is not None


@functools.lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for a row's words, each as whole words (made once per row: every
    document of every language is matched against every row)."""
    either = "|".join(re.escape(word.casefold()) for word in words)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")


# The papers most procedures ask for, most specific first.
SHIPPED = (
    Pictogram("material/file-document-edit-outline",
              ("tờ khai", "đơn đề nghị", "đơn xin", "đơn yêu cầu", "mẫu đơn", "phiếu đề nghị",
               "phiếu yêu cầu", "bản khai"), "Tờ khai, đơn", {"en": "Form to fill in"}),
    Pictogram("material/account-arrow-right",
              ("ủy quyền", "uỷ quyền"), "Giấy ủy quyền", {"en": "Power of attorney"}),
    Pictogram("material/ring",
              ("kết hôn", "hôn thú"), "Giấy chứng nhận kết hôn",
              {"en": "Marriage certificate"}),
    Pictogram("material/baby-face-outline",
              ("khai sinh", "giấy chứng sinh"), "Giấy khai sinh", {"en": "Birth certificate"}),
    Pictogram("material/card-account-details-outline",
              ("căn cước", "chứng minh nhân dân", "cccd", "cmnd", "hộ chiếu", "tùy thân",
               "tuỳ thân", "định danh"), "Giấy tờ tùy thân", {"en": "Identity card"}),
    Pictogram("material/account-box-outline",
              ("ảnh", "hình thẻ"), "Ảnh", {"en": "Photo"}),
    Pictogram("material/home-account",
              ("hộ khẩu", "cư trú", "tạm trú", "thường trú", "hộ tịch gia đình"),
              "Giấy tờ nơi ở", {"en": "Residence papers"}),
)


def pictogram_for(name: str, pictograms: tuple[Pictogram, ...]) -> Pictogram | None:
    """The first pictogram whose words occur in a document's name."""
    return next((pictogram for pictogram in pictograms if pictogram.matches(name)), None)


def read_pictograms(catalog_dir: Path, shown: str, problems: Problems) -> tuple[Pictogram, ...]:
    """The catalog's own rows (from `pictograms.yml`, when present) before the shipped ones."""
    path = catalog_dir / FILE
    if not path.is_file():
        return SHIPPED
    reader = FieldReader(f"{shown}/{FILE}", problems)
    data = load_yaml(path, reader.file, problems)
    if data is None:
        return SHIPPED
    own = []
    rows = reader.records(data, "tệp biểu tượng giấy tờ phải là một danh sách.",
                          "viết mỗi mục dạng `- icon: material/...`.", KEYS,
                          ("icon", "words", "label"))
    for node, item_path in rows:
        icon = check_icon(reader, node, item_path)
        labels = node.get("labels")
        own.append(Pictogram(icon, reader.text_list(node, "words", item_path),
                             reader.text(node, "label", item_path),
                             {str(k): reader.text(labels, str(k), join(item_path, "labels"))
                              for k in labels} if isinstance(labels, Mapping) else {}))
    return (*own, *SHIPPED)

