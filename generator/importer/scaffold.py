"""`thutuc new`: start a procedure file with every field explained in Vietnamese comments.

The file has `id`, `title`, `category` and `updated` filled in; the other required fields are
left empty on purpose, so `thutuc check` names each one (file, line, how to fix) until the
editor has written it. Optional fields are shown as comments with an example.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import yaml

from generator.importer.ids import base_id
from generator.load.field_reader import SLUG
from generator.problems import ThutucError, did_you_mean

TEMPLATE = """\
# Thủ tục mới, tạo bằng `thutuc new`. Dòng bắt đầu bằng # là chú thích: trang web bỏ qua.
# Điền các trường BẮT BUỘC còn trống, bỏ dấu # ở các trường không bắt buộc muốn dùng,
# rồi chạy `thutuc check` để kiểm tra. Hướng dẫn: docs/huong-dan-bien-tap.md

# BẮT BUỘC. Mã trang: chữ thường không dấu, chữ số và dấu -. Nằm trong địa chỉ trang và mã QR
# đã in, nên đừng đổi sau khi đã công bố.
id: {id}
# BẮT BUỘC. Tên thủ tục.
title: {title}
# BẮT BUỘC. Lĩnh vực: một id trong categories.yml.
category: {category}
# Mã thủ tục quốc gia (Cổng Dịch vụ công), đặt trong ngoặc kép.
# code: "1.001193"
# Cấp thực hiện: xa (cấp xã) hoặc tinh (cấp tỉnh).
level: xa
# BẮT BUỘC. Một hai câu dễ hiểu: thủ tục dùng để làm gì, ai cần làm.
summary:
# Đối tượng thực hiện, mỗi dòng một đối tượng.
# applicants:
#   - Công dân Việt Nam
# Cơ quan thực hiện (hồ sơ của từng xã có thể ghi đè).
# agency: Ủy ban nhân dân cấp xã
# Yêu cầu, điều kiện (có thể dùng **chữ đậm**, danh sách bắt đầu bằng "- ").
# conditions: Không có.
# BẮT BUỘC. Thành phần hồ sơ, mỗi giấy tờ một mục. originals = số bản chính,
# copies = số bản sao; form = mẫu đơn (địa chỉ web, hoặc đường dẫn tệp trong dự án).
documents:
#   - name: Tờ khai theo mẫu
#     originals: 1
#     form: mau-don/to-khai.pdf
#   - name: Giấy tờ tùy thân
#     note: Xuất trình bản chính để đối chiếu.
# BẮT BUỘC. Trình tự thực hiện, mỗi bước một mục (text có thể nhiều dòng).
steps:
#   - title: Nộp hồ sơ
#     text: Nộp tại Bộ phận Một cửa của Ủy ban nhân dân xã.
#   - title: Nhận kết quả
# Cách thức thực hiện: type là direct (trực tiếp), online (trực tuyến) hoặc post (bưu chính).
# channels:
#   - type: direct
#     duration: Ngay trong ngày
#   - type: online
#     note: Qua Cổng Dịch vụ công quốc gia
# Dịch vụ công trực tuyến: level là full (toàn trình), partial (một phần) hoặc none.
# online:
#   level: full
#   url: https://dichvucong.gov.vn/
# BẮT BUỘC. Thời hạn giải quyết.
duration:
# Phí, lệ phí: amount là số tiền bằng đồng, chữ số liền (20000); 0 là miễn phí.
# fees:
#   - name: Lệ phí
#     amount: 0
# BẮT BUỘC. Kết quả thực hiện, ví dụ: Giấy khai sinh (bản chính).
result:
# Căn cứ pháp lý, mỗi văn bản một dòng.
# legal_basis:
#   - Luật Hộ tịch số 60/2014/QH13
# Câu hỏi thường gặp: q = câu hỏi, a = trả lời.
# faq:
#   - q: Có cần mang bản chính không?
#     a: Có, để cán bộ đối chiếu.
# Thủ tục liên quan: id của thủ tục khác trong danh mục.
# related: [dang-ky-ket-hon]
# Từ khoá tìm kiếm thêm, cả không dấu và tên gọi địa phương.
# keywords: [lam giay khai sinh]
# Nhóm sự kiện đời sống, ví dụ sinh-con, ket-hon, qua-doi, chuyen-noi-o.
# events: [sinh-con]
# Các id cũ của thủ tục (địa chỉ cũ vẫn dẫn tới trang này).
# aliases: []
# BẮT BUỘC. Ngày kiểm tra nội dung gần nhất, dạng NĂM-THÁNG-NGÀY.
updated: {updated}
"""


def scaffold(title: str, category: str, catalog_dir: Path, today: datetime.date) -> Path:
    """Write `catalog_dir/<category>/<id>.yml` for a new procedure; return its path."""
    title = " ".join(title.split())
    if not title:
        raise ThutucError("Hãy ghi tên thủ tục, ví dụ: thutuc new \"Đăng ký khai sinh\" "
                          "--category ho-tich")
    if not SLUG.match(category):
        raise ThutucError(f"Lĩnh vực `{category}` không hợp lệ: chỉ dùng chữ thường không dấu, "
                          "chữ số và dấu `-`.")
    known = _categories(catalog_dir / "categories.yml")
    if known and category not in known:
        hint = did_you_mean(category, known)
        raise ThutucError(f"Lĩnh vực `{category}` không có trong "
                          f"{catalog_dir / 'categories.yml'}. "
                          + (f"Cách sửa: {hint}" if hint
                             else "Cách sửa: thêm lĩnh vực vào tệp đó."))
    procedure_id = base_id(title, "moi")
    path = catalog_dir / category / f"{procedure_id}.yml"
    if path.exists():
        raise ThutucError(f"Tệp {path} đã có; mở tệp đó để sửa, hoặc đặt tên thủ tục khác.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(id=procedure_id, title=json.dumps(title, ensure_ascii=False),
                                    category=category, updated=today.isoformat()),
                    encoding="utf-8")
    return path


def _categories(path: Path) -> list[str]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [str(e["id"]) for e in data if isinstance(e, dict) and "id" in e] \
        if isinstance(data, list) else []
