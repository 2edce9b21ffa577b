"""The national importer's parsers, each on real snippets of the portal's records."""

from __future__ import annotations

from generator.importer.channels import parse_channels
from generator.importer.documents import parse_documents
from generator.importer.ids import assign_ids, base_id
from generator.importer.legal import parse_legal_basis
from generator.importer.result import parse_result
from generator.importer.steps import paragraphs, parse_steps
from generator.importer.text import clean

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def test_channels_rows_with_time_fee_and_note() -> None:
    parsed = parse_channels(
        HEAD + "Trực tuyến5 Ngày làm việcMiễn phí(Theo quy định của Hội đồng nhân dân cấp "
        "tỉnh)Dịch vụ bưu chính5 Ngày làm việcMiễn phíTrực tiếp5 Ngày làm việcMiễn phí")
    assert parsed.channels == [
        {"type": "online", "duration": "5 ngày làm việc",
         "fee": "Theo mức do Hội đồng nhân dân tỉnh quyết định",
         "note": "Theo quy định của Hội đồng nhân dân cấp tỉnh"},
        {"type": "post", "duration": "5 ngày làm việc", "fee": "Miễn phí"},
        {"type": "direct", "duration": "5 ngày làm việc", "fee": "Miễn phí"},
    ]
    assert parsed.unparsed == []


def test_channels_amounts_per_unit_and_description() -> None:
    parsed = parse_channels(
        HEAD + "Trực tiếpKhông có thông tin2,000 Việt Nam Đồng(/trang)Tại Ủy ban nhân dân cấp "
        "xãTrực tuyếnKhông có thông tin8,000 VNĐ")
    assert parsed.channels == [
        {"type": "direct", "fee": "2.000 đồng/trang", "note": "Tại Ủy ban nhân dân cấp xã"},
        {"type": "online", "fee": "8.000 đồng"},
    ]
    assert parsed.amounts == {"direct": 2000, "online": 8000}


def test_channels_ambiguous_cells_are_kept_and_reported() -> None:
    parsed = parse_channels(HEAD + "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)Trực tiếp1Miễn phí")
    assert parsed.channels[0] == {"type": "online", "note": "120 VNĐ 20.000 vnđ /tờ khai"} \
        or parsed.channels[0]["note"].startswith("120 VNĐ")
    assert parsed.channels[1] == {"type": "direct", "fee": "Miễn phí"}
    assert parsed.bare == {"direct": "1"}
    assert len(parsed.unparsed) == 1
    assert "dính liền '120 VNĐ'" in parsed.unparsed[0]


def test_channels_text_that_is_not_a_row_is_reported() -> None:
    parsed = parse_channels(HEAD + "Trực tiếpHệ thống phản hồi tự động")
    assert parsed.channels == []
    assert parsed.unparsed == ["không nhận ra hàng của bảng: 'Trực tiếpHệ thống phản hồi tự động'"]


def test_documents_sections_counts_forms_and_remarks() -> None:
    parsed = parse_documents(
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký khai sinh "
        "theo mẫu.1 bản chínhTrường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì "
        "không phải nộp bản giấy.0 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ "
        "khaiSố lượng- Đơn đề nghị cấp giấy phép (Phụ lục III);Mau don de nghi cap.docx"
        "0 bản chính,1 bản sao")
    assert parsed.items == [
        {"name": "Tờ khai đăng ký khai sinh theo mẫu.", "originals": 1,
         "note": "Giấy tờ phải nộp. Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng "
                 "sinh thì không phải nộp bản giấy."},
        {"name": "Đơn đề nghị cấp giấy phép (Phụ lục III);", "copies": 1,
         "note": "Giấy tờ phải xuất trình. Mẫu trên Cổng Dịch vụ công quốc gia: tệp "
                 "Mau don de nghi cap.docx"},
    ]
    assert parsed.unparsed == []


def test_documents_remark_opening_a_section_is_not_pinned_to_the_previous_section() -> None:
    parsed = parse_documents(
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai.1 bản chính"
        "* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngTrường hợp giấy tờ tùy "
        "thân là thẻ căn cước thì chỉ cần cung cấp số định danh.0 bản chính- Giấy tờ tùy thân."
        "1 bản chính")
    assert parsed.items == [
        {"name": "Tờ khai.", "originals": 1, "note": "Giấy tờ phải nộp"},
        {"name": "Giấy tờ tùy thân.", "originals": 1, "note": "Giấy tờ phải xuất trình"},
    ]
    # Opening its section without a count, it is about the whole file: a remark.
    assert parsed.remarks == ["Trường hợp giấy tờ tùy thân là thẻ căn cước thì chỉ cần cung "
                              "cấp số định danh."]


def test_documents_count_inside_a_name_is_not_a_row_end() -> None:
    parsed = parse_documents(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai, người khai nộp 02 bản chính tờ khai "
        "hàng hóa;1 bản chínhHóa đơn thương mại: 01 bản chụp1 bản sao")
    assert parsed.items == [
        {"name": "Tờ khai, người khai nộp 02 bản chính tờ khai hàng hóa;", "originals": 1},
        {"name": "Hóa đơn thương mại: 01 bản chụp", "copies": 1},
    ]


def test_documents_without_table_or_count_keep_their_text() -> None:
    free = parse_documents("Người yêu cầu chứng thực nộp giấy tờ tùy thân.")
    assert free.items == [{"name": "Người yêu cầu chứng thực nộp giấy tờ tùy thân."}]
    assert free.unparsed
    tail = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"
                           "Giấy tờ khác theo yêu cầu")
    assert tail.items[-1] == {"name": "Giấy tờ khác theo yêu cầu"}
    assert parse_documents("Không có thông tin").items == []


def test_legal_basis_numbers_and_titles() -> None:
    parsed = parse_legal_basis(
        "Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí và lệ phí85/2019/TT-BTC"
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ123/2015/NĐ-CP"
        "Thông tư số 08/2025/TT-BTP ngày 12/6/202508/2025/TT-BTP Nghị định 42/2020/NĐ-CP"
        "42/2020/NĐ-CPLuật 60/2014/QH1360/2014/QH13quy định về phân cấp140/2025/NĐ-CP"
        "Nghị quyết số 66.7/2025/NQ-CP66.7/2025/NQ-CPThông tư số 03/2023/TT-BTP"
        "Thông tư số 03/2023/TT-BTP")
    assert parsed.items == [
        "Thông tư Hướng dẫn về phí và lệ phí (85/2019/TT-BTC)",
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        "Thông tư số 08/2025/TT-BTP ngày 12/6/2025",
        "Nghị định 42/2020/NĐ-CP",
        "Luật 60/2014/QH13",
        "quy định về phân cấp (140/2025/NĐ-CP)",
        "Nghị quyết số 66.7/2025/NQ-CP",
        "Thông tư số 03/2023/TT-BTP",
    ]
    assert parsed.unparsed == []


def test_legal_basis_leftover_is_kept_as_text() -> None:
    parsed = parse_legal_basis("Tên văn bản pháp lýMã văn bảnLuật Đất đai31/2024/QH15"
                               "Công văn hướng dẫn của tỉnh")
    assert parsed.items == ["Luật Đất đai (31/2024/QH15)", "Công văn hướng dẫn của tỉnh"]
    assert len(parsed.unparsed) == 1


def test_result_without_page_furniture() -> None:
    parsed = parse_result(
        "Phiếu từ chối tiếp nhận hồ sơMã: KQ.G01.000067Xác nhận thông tin về cư trú (CT07)Mã: "
        "KQ.G01.000062Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện"
        "Tỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Phường/ XãNộp hồ sơ")
    assert parsed.text == "Phiếu từ chối tiếp nhận hồ sơ; Xác nhận thông tin về cư trú (CT07)"
    assert parsed.removed.startswith("Từ khóa")
    assert parse_result("- Giấy phép xây dựng được gia hạn.Mã: KQ.G17.000315Từ khóacấp phép, "
                        "xây dựngMô tảKhông có thông tin").keywords == ["cấp phép", "xây dựng"]


def test_steps_from_lines_and_bullets() -> None:
    steps = parse_steps("Bước 1: Người yêu cầu nộp hồ sơ.\nBước 2: Công chức kiểm tra hồ sơ:\n"
                        "+ Nếu đủ, viết giấy hẹn;\n+ Nếu thiếu, hướng dẫn bổ sung.\n"
                        "- Trả kết quả.")
    # Numbered steps: only "Bước N" starts a step, so "- Trả kết quả." stays in step 2.
    assert steps == [
        {"title": "Người yêu cầu nộp hồ sơ."},
        {"title": "Công chức kiểm tra hồ sơ",
         "text": "Công chức kiểm tra hồ sơ:\n\n- Nếu đủ, viết giấy hẹn;\n"
                 "- Nếu thiếu, hướng dẫn bổ sung.\n- Trả kết quả."},
    ]
    # Without numbers, a bullet starts a step and "+" lines belong to the one above.
    assert parse_steps("- Nộp hồ sơ.\n+ Bản chính.\n- Trả kết quả.") == [
        {"title": "Nộp hồ sơ", "text": "- Bản chính."}, {"title": "Trả kết quả."}]
    assert parse_steps("Không có thông tin") == []
    assert paragraphs("1. Có hộ khẩu\n2. Đủ tuổi") == "1\\. Có hộ khẩu\n\n2\\. Đủ tuổi"


def test_clean_spaces_and_no_information() -> None:
    assert clean("Ủy ban Nhân dân\xa0xã,\xa0 phường ") == "Ủy ban Nhân dân xã, phường"
    assert clean("Không có thông tin") == ""


def test_ids_drop_thu_tuc_and_deduplicate_by_code_whatever_the_order() -> None:
    assert base_id("Thủ tục đăng ký khai sinh lưu động", "1.003583") == \
        "dang-ky-khai-sinh-luu-dong"
    assert base_id(".", "1.2") == "thu-tuc-1-2"
    assert len(base_id("Cấp " + "giấy phép " * 20, "1")) <= 60
    titles = {"1.000001": "Thủ tục Khai thuế", "1.000002": "Khai thuế", "1.000003": "Nộp thuế"}
    ids = assign_ids(titles, taken={"nop-thue"})
    assert ids == {"1.000001": "khai-thue-1-000001", "1.000002": "khai-thue-1-000002",
                   "1.000003": "nop-thue-1-000003"}
    assert assign_ids(dict(reversed(titles.items())), taken={"nop-thue"}) == ids
