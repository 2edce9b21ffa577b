"""The bad-input corpus: realistic editor mistakes and the exact messages they must give."""

from __future__ import annotations

from tests.bad_catalogs.base import (
    CATEGORIES,
    CATEGORIES_PATH,
    EN_PATH,
    KET_HON,
    KET_HON_PATH,
    KHAI_SINH,
    KHAI_SINH_PATH,
    Case,
    edit,
)

KS = KHAI_SINH_PATH
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9))

CASES = [
    # --- YAML syntax ---
    Case("tab-indent", edit(KS, "    originals: 1", "\toriginals: 1"), [
            'procedures/ho-tich/khai-sinh.yml:7: có ký tự Tab dùng để thụt lề; YAML chỉ '
            'chấp nhận dấu cách. Cách sửa: thay mỗi Tab bằng dấu cách (thường là 2 dấu '
            'cách).',
        ]),
    Case("unclosed-double-quote", edit(KS, "summary: Làm", 'summary: "Làm'), [
            'procedures/ho-tich/khai-sinh.yml:4: có dấu ngoặc kép hoặc ngoặc đơn chưa '
            'được đóng. Cách sửa: thêm dấu đóng ngoặc ở cuối đoạn văn bản.',
        ]),
    Case("unclosed-single-quote", edit(KS, "result: Giấy khai sinh", "result: 'Giấy khai sinh"),
         [
            'procedures/ho-tich/khai-sinh.yml:18: có dấu ngoặc kép hoặc ngoặc đơn chưa '
            'được đóng. Cách sửa: thêm dấu đóng ngoặc ở cuối đoạn văn bản.',
        ]),
    Case("wrong-indentation", edit(KS, "    originals: 1", "   originals: 1"), [
            'procedures/ho-tich/khai-sinh.yml:7: thụt lề của dòng này không khớp với các '
            'dòng cùng cấp bên trên. Cách sửa: các khoá của cùng một mục phải thẳng hàng '
            '(cùng số dấu cách ở đầu dòng).',
        ]),
    Case("colon-in-text", edit(KS, "summary: Làm giấy", "summary: Lưu ý: làm giấy"), [
            'procedures/ho-tich/khai-sinh.yml:4: có dấu hai chấm `: ` ở chỗ không được '
            'phép (thường do thụt lề sai hoặc văn bản có dấu hai chấm mà không đặt trong '
            'ngoặc kép). Cách sửa: kiểm tra thụt lề, hoặc đặt cả đoạn văn bản trong ngoặc'
            ' kép.',
        ]),
    Case("duplicate-key", edit(KS, "duration: Ngay trong ngày\n",
                               "duration: Ngay trong ngày\nduration: 3 ngày\n"), [
            'procedures/ho-tich/khai-sinh.yml:16: khoá `duration` xuất hiện hai lần trong'
            ' cùng một mục. Cách sửa: giữ lại một dòng.',
        ]),
    Case("two-documents", {KS: KHAI_SINH + "---\nid: khai-sinh-2\n"}, [
            'procedures/ho-tich/khai-sinh.yml:21: tệp có nhiều phần ngăn cách bởi dòng '
            '`---`; mỗi tệp chỉ chứa một thủ tục. Cách sửa: tách mỗi thủ tục ra một tệp '
            'riêng, hoặc xoá dòng `---`.',
        ]),
    Case("alias-bomb", {KS: ALIAS_BOMB}, [
            'procedures/ho-tich/khai-sinh.yml:2: không dùng neo và bí danh YAML (`&tên`, '
            '`*tên`). Cách sửa: chép nội dung đầy đủ vào từng chỗ cần dùng.',
        ]),
    Case("simple-alias", edit(KS, "result: Giấy khai sinh", "result: &kq Giấy khai sinh\n"
                              "legal_basis: [*kq]"), [
            'procedures/ho-tich/khai-sinh.yml:19: không dùng neo và bí danh YAML (`&tên`,'
            ' `*tên`). Cách sửa: chép nội dung đầy đủ vào từng chỗ cần dùng.',
        ]),
    Case("python-tag", edit(KS, "result: Giấy khai sinh",
                            "result: !!python/object/apply:os.system [echo pwned]"), [
            'procedures/ho-tich/khai-sinh.yml:18: có thẻ YAML không được phép (như '
            '`!!python/...`); chỉ dùng YAML thông thường. Cách sửa: xoá phần bắt đầu bằng'
            ' `!` hoặc `!!`.',
        ]),
    Case("custom-tag", edit(KS, "result: Giấy khai sinh", "result: !ketqua Giấy khai sinh"), [
            'procedures/ho-tich/khai-sinh.yml:18: có thẻ YAML không được phép (như '
            '`!!python/...`); chỉ dùng YAML thông thường. Cách sửa: xoá phần bắt đầu bằng'
            ' `!` hoặc `!!`.',
        ]),
    Case("deep-nesting", {KS: "a: " + "[" * 5000 + "]" * 5000 + "\n"}, [
            'procedures/ho-tich/khai-sinh.yml:1: YAML lồng nhau quá sâu (hơn 40 tầng). '
            'Cách sửa: viết lại cho phẳng hơn.',
        ]),
    # --- files and encodings ---
    Case("empty-file", {KS: ""}, [
            'procedures/ho-tich/khai-sinh.yml:1: tệp trống. Cách sửa: viết thủ tục vào '
            'tệp, hoặc xoá tệp.',
        ]),
    Case("only-comments", {KS: "# chưa viết\n\n"}, [
            'procedures/ho-tich/khai-sinh.yml:1: tệp trống. Cách sửa: viết thủ tục vào '
            'tệp, hoặc xoá tệp.',
        ]),
    Case("cp1258-bytes", {KS: KHAI_SINH.replace("Đăng ký khai sinh", "Dang ky khai sinh")
                          .replace("Nộp tại", "N\xf4p tai").encode("cp1258", "replace")}, [
            'procedures/ho-tich/khai-sinh.yml:4: tệp không được lưu bằng bảng mã UTF-8. '
            'Cách sửa: mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (VS '
            'Code: Save with Encoding → UTF-8; Notepad: Lưu thành → Mã hoá UTF-8).',
        ]),
    Case("latin1-bytes", {KET_HON_PATH: KET_HON.replace("Đăng ký kết hôn", "Dang ky ket hon")
                          .replace("Đăng ký kết hôn cho hai người", "Caf\xe9").encode(
                              "latin-1", "replace")}, [
            'procedures/ho-tich/ket-hon.yml:6: tệp không được lưu bằng bảng mã UTF-8. '
            'Cách sửa: mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (VS '
            'Code: Save with Encoding → UTF-8; Notepad: Lưu thành → Mã hoá UTF-8).',
        ]),
    Case("nul-bytes", {KS: b"id: khai-sinh\n\x00\x00\x00"}, [
            'procedures/ho-tich/khai-sinh.yml:2: tệp chứa ký tự NUL: đây không phải tệp '
            'văn bản YAML. Cách sửa: có thể tệp bị hỏng hoặc là tệp Word/Excel đổi tên; '
            'viết lại nội dung trong một trình soạn thảo văn bản và lưu với bảng mã '
            'UTF-8.',
        ]),
    Case("top-level-list", {KS: "- id: khai-sinh\n- title: Đăng ký khai sinh\n"}, [
            'procedures/ho-tich/khai-sinh.yml:1: phải là một mục có các khoá (đang là một'
            ' danh sách). Cách sửa: viết các dòng `khoá: giá trị` thụt lề bên dưới.',
        ]),
    Case("missing-categories-file", {CATEGORIES_PATH: None}, [
            'procedures/categories.yml: không tìm thấy tệp danh sách lĩnh vực. Cách sửa: '
            'tạo tệp categories.yml với các mục `- id: ho-tich` và `name: Hộ tịch`.',
        ]),
    # --- fields ---
    Case("missing-summary", edit(KS, "summary: Làm giấy khai sinh cho trẻ mới sinh.\n", ""), [
            'procedures/ho-tich/khai-sinh.yml:1: summary: thiếu trường bắt buộc '
            '`summary`. Cách sửa: thêm dòng `summary: ...`.',
        ]),
    Case("empty-summary", edit(KS, "summary: Làm giấy khai sinh cho trẻ mới sinh.\n",
                               "summary: \"  \"\n"), [
            'procedures/ho-tich/khai-sinh.yml:4: summary: trường bắt buộc `summary` đang để '
            'trống. Cách sửa: điền giá trị ngay sau `summary:`.',
        ]),
    Case("empty-steps", edit(KS, "steps:\n  - title: Nộp hồ sơ\n    text: Nộp tại bộ phận một "
                             "cửa.\n", "steps: []\n"), [
            'procedures/ho-tich/khai-sinh.yml:9: steps: danh sách bắt buộc `steps` đang trống '
            '(`[]`). Cách sửa: thêm ít nhất một mục dưới `steps:`, mỗi mục một dòng bắt đầu '
            'bằng `- `.',
        ]),
    Case("missing-id", edit(KS, "id: khai-sinh\n", ""), [
            'procedures/ho-tich/khai-sinh.yml:1: id: thiếu trường bắt buộc `id`. Cách '
            'sửa: thêm dòng `id: ...`.',
        ]),
    Case("missing-updated", edit(KS, "updated: 2026-11-20\n", ""), [
            'procedures/ho-tich/khai-sinh.yml:1: updated: thiếu trường bắt buộc '
            '`updated`. Cách sửa: thêm dòng `updated: ...`.',
        ]),
    Case("misspelt-key", edit(KS, "title: Đăng", "tittle: Đăng"), [
            'procedures/ho-tich/khai-sinh.yml:2: tittle: khoá `tittle` không có trong '
            'định dạng. Cách sửa: có phải ý bạn là `title`?',
        ]),
    Case("unknown-key", edit(KS, "updated:", "ghi_chu: xem thêm\nupdated:"), [
            'procedures/ho-tich/khai-sinh.yml:20: ghi_chu: khoá `ghi_chu` không có trong '
            'định dạng. Cách sửa: xoá khoá này; các khoá được dùng: `id`, `code`, '
            '`title`, `category`, `level`, `summary`, `applicants`, `agency`, '
            '`conditions`, `documents`, `steps`, `channels`, `online`, `duration`, '
            '`fees`, `result`, `legal_basis`, `faq`, `related`, `keywords`, `aliases`, '
            '`events`, `updated`, `review`, `reviewed`, `review_due`, `provenance`.',
        ]),
    Case("id-with-accents", edit(KS, "id: khai-sinh", "id: Khai Sinh"), [
            'procedures/ho-tich/khai-sinh.yml:1: id: `Khai Sinh` không hợp lệ: chỉ dùng '
            'chữ thường không dấu, chữ số và dấu `-`. Cách sửa: ví dụ `khai-sinh`.',
        ]),
    Case("documents-as-text", edit(KS, "documents:\n  - name: Tờ khai đăng ký khai sinh\n"
                                   "    originals: 1\n    form: forms/to-khai.txt\n",
                                   "documents: Tờ khai đăng ký khai sinh\n"), [
            'procedures/ho-tich/khai-sinh.yml:5: documents: phải là một danh sách (đang '
            "là 'Tờ khai đăng ký khai sinh'). Cách sửa: viết mỗi mục trên một dòng bắt "
            'đầu bằng `- `.',
        ]),
    Case("steps-as-mapping", edit(KS, "  - title: Nộp hồ sơ", "    title: Nộp hồ sơ"), [
            'procedures/ho-tich/khai-sinh.yml:9: steps: phải là một danh sách (đang là '
            'một mục có các khoá). Cách sửa: viết mỗi mục trên một dòng bắt đầu bằng `- '
            '`.',
        ]),
    Case("title-as-list", edit(KS, "title: Đăng ký khai sinh", "title: [Đăng ký, khai sinh]"),
         [
            'procedures/ho-tich/khai-sinh.yml:2: title: phải là văn bản (đang là một danh'
            ' sách). Cách sửa: viết văn bản trên cùng dòng, hoặc đặt trong ngoặc kép.',
        ]),
    Case("originals-as-words", edit(KS, "originals: 1", "originals: một bản"), [
            'procedures/ho-tich/khai-sinh.yml:7: documents[0].originals: Số bản chính '
            "phải là số nguyên không âm (đang là 'một bản'). Cách sửa: ghi một số, ví dụ "
            '`originals: 1`, hoặc `0` nếu không cần.',
        ]),
    Case("bad-channel-type", edit(KS, "type: direct", "type: truc-tiep"), [
            'procedures/ho-tich/khai-sinh.yml:13: channels[0].type: giá trị `truc-tiep` '
            'không hợp lệ; chỉ dùng: `direct`, `online`, `post`.',
        ]),
    Case("bad-online-level", edit(KS, "level: full", "level: toan-trinh"), [
            'procedures/ho-tich/khai-sinh.yml:14: online.level: giá trị `toan-trinh` '
            'không hợp lệ; chỉ dùng: `full`, `partial`, `none`.',
        ]),
    Case("bad-level", edit(KS, "updated:", "level: huyen\nupdated:"), [
            'procedures/ho-tich/khai-sinh.yml:20: level: cấp thực hiện `huyen` không hợp '
            'lệ; chỉ dùng `xa` hoặc `tinh` hoặc `bo` hoặc `khac`.',
        ]),
    Case("keywords-as-mapping", edit(KS, "updated:", "keywords: {a: b}\nupdated:"), [
            'procedures/ho-tich/khai-sinh.yml:20: keywords: phải là một danh sách (đang '
            'là một mục có các khoá). Cách sửa: viết mỗi mục trên một dòng bắt đầu bằng '
            '`- `.',
        ]),
    # --- dates ---
    Case("impossible-date", edit(KS, "updated: 2026-11-20", "updated: 2026-02-30"), [
            "procedures/ho-tich/khai-sinh.yml:20: updated: ngày '2026-02-30' không hợp "
            'lệ. Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-11-20`.',
        ]),
    Case("date-day-first", edit(KS, "updated: 2026-11-20", "updated: 20/11/2026"), [
            "procedures/ho-tich/khai-sinh.yml:20: updated: ngày '20/11/2026' không hợp "
            'lệ. Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-11-20`.',
        ]),
    Case("date-as-words", edit(KS, "updated: 2026-11-20", "updated: tháng 11 năm 2026"), [
            "procedures/ho-tich/khai-sinh.yml:20: updated: ngày 'tháng 11 năm 2026' không"
            ' hợp lệ. Cách sửa: viết theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-11-20`.',
        ]),
    # --- fees ---
    Case("negative-fee", edit(KS, "amount: 0", "amount: -5000"), [
            'procedures/ho-tich/khai-sinh.yml:17: fees[0].amount: số tiền phải là số '
            'nguyên đồng không âm (đang là -5000). Cách sửa: ghi chữ số liền, không dấu '
            'chấm, không chữ `đồng`: `amount: 5000`; miễn phí ghi `0`.',
        ]),
    Case("fee-with-dot", edit(KS, "amount: 0", "amount: 20.000"), [
            'procedures/ho-tich/khai-sinh.yml:17: fees[0].amount: số tiền phải là số '
            'nguyên đồng không âm (đang là 20.0); dấu chấm làm YAML đọc số này là 20, '
            'không phải 20000. Cách sửa: ghi chữ số liền, không dấu chấm, không chữ '
            '`đồng`: `amount: 20000`; miễn phí ghi `0`.',
        ]),
    Case("fee-as-text", edit(KS, "amount: 0", "amount: 20000 đồng"), [
            'procedures/ho-tich/khai-sinh.yml:17: fees[0].amount: số tiền phải là số '
            "nguyên đồng không âm (đang là '20000 đồng'). Cách sửa: ghi chữ số liền, "
            'không dấu chấm, không chữ `đồng`: `amount: 20000`; miễn phí ghi `0`.',
        ]),
    Case("fee-without-amount", edit(KS, "{name: Lệ phí, amount: 0}", "{name: Lệ phí}"), [
            'procedures/ho-tich/khai-sinh.yml:17: fees[0].amount: thiếu số tiền `amount`.'
            ' Cách sửa: ghi số tiền bằng đồng, ví dụ `amount: 20000`, hoặc `0` nếu miễn '
            'phí.',
        ]),
    # --- links and files ---
    Case("javascript-url", edit(KS, '"https://dichvucong.gov.vn/"', '"javascript:alert(1)"'),
         [
            'procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ '
            "'javascript:alert(1)' không hợp lệ: chỉ nhận địa chỉ web bắt đầu bằng "
            '`http://` hoặc `https://`. Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ '
            'của trình duyệt.',
        ]),
    Case("url-without-scheme", edit(KS, '"https://dichvucong.gov.vn/"', "dichvucong.gov.vn"),
         [
            "procedures/ho-tich/khai-sinh.yml:14: online.url: địa chỉ 'dichvucong.gov.vn'"
            ' không hợp lệ: chỉ nhận địa chỉ web bắt đầu bằng `http://` hoặc `https://`. '
            'Cách sửa: chép đầy đủ địa chỉ từ thanh địa chỉ của trình duyệt.',
        ]),
    Case("data-url-form", edit(KS, "form: forms/to-khai.txt",
                               "form: 'data:text/html,<script>alert(1)</script>'"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: '
            "'data:text/html,<script>alert(1)</script>' không phải là địa chỉ web http(s)"
            ' hay đường dẫn tệp. Cách sửa: ghi địa chỉ bắt đầu bằng `https://`, hoặc '
            'đường dẫn tệp trong dự án.',
        ]),
    Case("form-parent-dir", edit(KS, "form: forms/to-khai.txt", "form: ../../etc/passwd"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: tệp mẫu đơn '
            '`../../etc/passwd` nằm ngoài thư mục dự án. Cách sửa: chép tệp vào trong dự '
            'án (ví dụ thư mục `mau-don/`) và ghi đường dẫn tính từ thư mục chứa '
            'mkdocs.yml.',
        ]),
    Case("form-absolute", edit(KS, "form: forms/to-khai.txt", "form: /etc/passwd"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: tệp mẫu đơn '
            '`/etc/passwd` nằm ngoài thư mục dự án. Cách sửa: chép tệp vào trong dự án '
            '(ví dụ thư mục `mau-don/`) và ghi đường dẫn tính từ thư mục chứa mkdocs.yml.',
        ]),
    Case("form-symlink-out", edit(KS, "form: forms/to-khai.txt", "form: forms/mau.txt"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: tệp mẫu đơn '
            '`forms/mau.txt` nằm ngoài thư mục dự án. Cách sửa: chép tệp vào trong dự án '
            '(ví dụ thư mục `mau-don/`) và ghi đường dẫn tính từ thư mục chứa mkdocs.yml.',
        ],
         symlinks={"forms/mau.txt": "/etc/hostname"}),
    Case("form-missing", edit(KS, "form: forms/to-khai.txt", "form: forms/to-khai.docx"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: không tìm thấy tệp '
            'mẫu đơn `forms/to-khai.docx`. Cách sửa: kiểm tra tên tệp; đường dẫn tính từ '
            'thư mục chứa mkdocs.yml.',
        ]),
    Case("form-windows-path", edit(KS, "form: forms/to-khai.txt",
                                   "form: 'C:\\Users\\xa\\to-khai.doc'"), [
            'procedures/ho-tich/khai-sinh.yml:8: documents[0].form: '
            "'C:\\\\Users\\\\xa\\\\to-khai.doc' không phải là địa chỉ web http(s) hay đường dẫn"
            ' tệp. Cách sửa: ghi địa chỉ bắt đầu bằng `https://`, hoặc đường dẫn tệp '
            'trong dự án.',
        ]),
    # --- whole catalog ---
    Case("duplicate-id-across-files", edit(KET_HON_PATH, "id: ket-hon", "id: khai-sinh"), [
            'procedures/ho-tich/ket-hon.yml:1: id: mã `khai-sinh` đã được dùng cho thủ '
            'tục trong `procedures/ho-tich/khai-sinh.yml`. Cách sửa: mỗi thủ tục cần một '
            '`id` riêng; đổi `id` trong tệp này.',
        ]),
    Case("unknown-category", edit(KS, "category: ho-tich", "category: ho-tic"), [
            'procedures/ho-tich/khai-sinh.yml:3: category: lĩnh vực `ho-tic` không có '
            'trong categories.yml. Cách sửa: có phải ý bạn là `ho-tich`?',
        ]),
    Case("dangling-related", edit(KS, "related: [ket-hon]", "related: [ket-hon, chung-thuc]"),
         [
            'procedures/ho-tich/khai-sinh.yml:19: related[1]: thủ tục liên quan '
            '`chung-thuc` không có trong danh mục. Cách sửa: sửa mã cho đúng `id` của thủ'
            ' tục kia, hoặc xoá dòng này.',
        ]),
    Case("duplicate-category", {CATEGORIES_PATH: CATEGORIES + "- id: ho-tich\n  name: Hộ tịch\n"},
         [
            'procedures/categories.yml:5: [2].id: lĩnh vực `ho-tich` được khai báo hai '
            'lần. Cách sửa: xoá một trong hai mục, hoặc đổi `id` của một mục.',
        ]),
    Case("categories-as-mapping", {CATEGORIES_PATH: "ho-tich: Hộ tịch\n"}, [
            'procedures/categories.yml:1: categories.yml phải là một danh sách lĩnh vực. '
            'Cách sửa: mỗi lĩnh vực bắt đầu bằng `- id: ...` rồi `name: ...`.',
        ]),
    Case("alias-taken", edit(KET_HON_PATH, "updated:", "aliases: [khai-sinh]\nupdated:"), [
            'procedures/ho-tich/ket-hon.yml:11: aliases[0]: địa chỉ cũ `khai-sinh` đã là '
            'mã của thủ tục trong `procedures/ho-tich/khai-sinh.yml`. Cách sửa: một địa '
            'chỉ chỉ dẫn tới một thủ tục; xoá dòng này.',
        ]),
    # --- translations ---
    Case("overlay-without-source", {"procedures/ho-tich/khai-tu.en.yml": "title: Death\n"}, [
            'procedures/ho-tich/khai-tu.en.yml:1: bản dịch này không có bản gốc '
            '`khai-tu.yml` bên cạnh. Cách sửa: đặt bản dịch cùng thư mục với bản gốc và '
            'đặt tên giống bản gốc.',
        ]),
    Case("overlay-list-length", edit(EN_PATH, "steps:\n", "steps:\n  - title: Prepare\n"), [
            'procedures/ho-tich/khai-sinh.en.yml:5: steps: bản dịch có 2 mục nhưng bản '
            'gốc có 1 mục; các mục được ghép theo thứ tự nên số mục phải bằng nhau. Cách '
            'sửa: dịch đủ và đúng thứ tự 1 mục của `steps` trong '
            '`procedures/ho-tich/khai-sinh.yml`.',
        ]),
    Case("overlay-unknown-language", {"procedures/ho-tich/khai-sinh.english.yml": "title: B\n"},
         [
            'procedures/ho-tich/khai-sinh.english.yml:1: `english` không phải là mã ngôn '
            'ngữ. Cách sửa: đặt tên tệp theo dạng TÊN.MÃ-NGÔN-NGỮ.yml, ví dụ '
            '`dang-ky-khai-sinh.en.yml`.',
        ]),
    Case("overlay-non-text-field", edit(EN_PATH, "status: draft", "status: draft\nupdated: "
                                        "2026-11-21"), [
            'procedures/ho-tich/khai-sinh.en.yml:2: updated: `updated` không phải là văn '
            'bản cần dịch: bản dịch luôn lấy giá trị này từ bản gốc. Cách sửa: xoá dòng '
            'này khỏi bản dịch; muốn sửa thì sửa bản gốc.',
        ]),
    Case("overlay-bad-status", edit(EN_PATH, "status: draft", "status: done"), [
            'procedures/ho-tich/khai-sinh.en.yml:1: status: giá trị `done` không hợp lệ; '
            'chỉ dùng: `draft`, `reviewed`.',
        ]),
    Case("overlay-broken-yaml", edit(EN_PATH, "title: Birth registration",
                                     'title: "Birth registration'), [
            'procedures/ho-tich/khai-sinh.en.yml:2: có dấu ngoặc kép hoặc ngoặc đơn chưa '
            'được đóng. Cách sửa: thêm dấu đóng ngoặc ở cuối đoạn văn bản.',
        ]),
]
