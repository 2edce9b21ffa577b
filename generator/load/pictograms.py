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

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.field_reader import FieldReader, join
from generator.load.yaml_reader import Mapping, load_yaml
from generator.problems import Problems, did_you_mean

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
        folded = name.casefold()
        return any(re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", folded)
                   for word in self.words)


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


def icons_dir() -> Path | None:
    """Material's bundled icon sets, or None when Material is not installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"


def icon_file(icon: str) -> Path | None:
    """The SVG file of a Material icon name (`material/ring`), when it exists."""
    folder = icons_dir()
    if folder is None or not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", icon):
        return None
    path = folder / f"{icon}.svg"
    return path if path.is_file() else None


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
        icon = reader.text(node, "icon", item_path)
        if icon and icon_file(icon) is None:
            reader.report(node, "icon", join(item_path, "icon"),
                          f"không có biểu tượng `{icon}` trong bộ biểu tượng của Material.",
                          did_you_mean(icon, icon_names(icon)) or "chọn một tên trong "
                          "thư mục `material/templates/.icons/` của Material, viết "
                          "`material/TÊN`.")
        labels = node.get("labels")
        own.append(Pictogram(icon, reader.text_list(node, "words", item_path),
                             reader.text(node, "label", item_path),
                             {str(k): reader.text(labels, str(k), join(item_path, "labels"))
                              for k in labels} if isinstance(labels, Mapping) else {}))
    return (*own, *SHIPPED)


def icon_names(icon: str) -> list[str]:
    """Every icon name of the set `icon` names (for a did-you-mean hint)."""
    folder = icons_dir()
    family = icon.split("/", 1)[0]
    if folder is None or not (folder / family).is_dir():
        return []
    return [f"{family}/{path.stem}" for path in (folder / family).glob("*.svg")]
