"""Each class of the portal's leftovers, fixed at its source, on snippets of real records.

Every snippet is copied from a record in the national records (its code in the test name's
comment). Each test checks the parser's output and that the report's check no longer finds
the class, and the check itself on the output the importer used to write.
"""

from __future__ import annotations

from typing import Any

from generator.importer.artefacts import artefacts
from generator.importer.channels import FEE_BY_COUNCIL, parse_channels, with_units
from generator.importer.documents import parse_documents
from generator.importer.legal import parse_legal_basis
from generator.importer.record import convert
from generator.importer.steps import parse_steps
from generator.importer.text import split_list

HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
DOCS = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
LEGAL = "Tên văn bản pháp lýMã văn bản"


def shows(kind: str, **data: Any) -> bool:
    """Whether the report's check finds `kind` in a procedure holding `data`."""
    base: dict[str, Any] = {"title": "T", "summary": "S", "documents": [], "steps": [],
                            "duration": "1 ngày"}
    return kind in artefacts({**base, **data})


def test_summary_says_who_it_is_for_instead_of_repeating_the_title() -> None:  # 1.003583
    converted = convert({"ma_thu_tuc": "1.003583",
                         "ten_thu_tuc": "Thủ tục đăng ký khai sinh lưu động",
                         "doi_tuong_thuc_hien": "Công dân Việt Nam",
                         "co_quan_thuc_hien": "Ủy ban Nhân dân xã, phường, thị trấn."}, "ho-tich")
    assert converted.data["summary"] == "Dành cho công dân Việt Nam cần đăng ký khai sinh lưu động."
    assert "summary-repeats-title" not in artefacts(converted.data)
    assert shows("summary-repeats-title", title="Thủ tục X",
                 summary="Thủ tục X. Người thực hiện: Công dân Việt Nam.")


def test_step_titles_say_what_happens() -> None:  # 1.001909
    steps = parse_steps(
        "Bước 1. Lập, nộp hồ sơ - Trong thời hạn 7 ngày làm việc (kể từ ngày kết thúc việc KCB "
        "đối với người bệnh) cơ sở KCB BHYT phải gửi dữ liệu điện tử đề nghị thanh toán chi phí "
        "KCB BHYT lên Cổng Tiếp nhận dữ liệu Hệ thống thông tin giám định BHYT.\n"
        "Bước 2. Cơ quan BHXH tiếp nhận hồ sơ và giải quyết theo quy định.")
    assert [step["title"] for step in steps] == [
        "Lập, nộp hồ sơ", "Cơ quan BHXH tiếp nhận hồ sơ và giải quyết theo quy định."]
    assert steps[0]["text"].startswith("Trong thời hạn 7 ngày làm việc")
    assert not shows("step-number-only", steps=steps)
    assert shows("step-number-only", steps=[{"title": "Bước 2", "text": "..."}])


def test_long_step_gets_its_opening_as_title_and_keeps_every_word() -> None:  # 1.003583
    text = ("Bước 1: Công chức tư pháp - hộ tịch cấp xã được giao nhiệm vụ đăng ký khai sinh "
            "lưu động có trách nhiệm chuẩn bị đầy đủ mẫu Tờ khai đăng ký khai sinh, giấy tờ hộ "
            "tịch và điều kiện cần thiết để thực hiện đăng ký lưu động tại nhà riêng.")
    [step] = parse_steps(text)
    assert step["title"] == "Công chức tư pháp - hộ tịch cấp xã được giao nhiệm vụ đăng ký khai…"
    assert step["text"] == text.removeprefix("Bước 1: ")


def test_applicants_keep_commas_inside_parentheses() -> None:  # 1.000253
    assert split_list("Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Doanh "
                      "nghiệp, Người nước ngoài") == [
        "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam", "Doanh nghiệp",
        "Người nước ngoài"]
    assert shows("applicants-split", applicants=["Tổ chức (không bao gồm doanh nghiệp", "HTX)"])


def test_bare_number_times_take_the_records_unit_or_are_left_out() -> None:
    unknown = parse_channels(HEAD + "Trực tuyến1Miễn phíTrực tiếp1Miễn phí")  # 3.000163
    with_units(unknown, "")
    assert [c.get("duration") for c in unknown.channels] == [None, None]
    assert "không đoán được" in unknown.unparsed[0]
    known = parse_channels(HEAD + "Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phí")  # 1.008327
    with_units(known, "Hệ thống thông tin giải quyết thủ tục hành chính chậm nhất 01 ngày làm "
                      "việc kể từ ngày ghi trên thông báo")
    assert [c["duration"] for c in known.channels] == ["1 ngày làm việc"] * 2
    assert not shows("bare-number-duration", channels=known.channels)
    assert shows("bare-number-duration", duration="5")
    assert shows("bare-number-duration", duration="Nộp trực tuyến: 5; Nộp trực tiếp: 5 ngày")


def test_bullets_inside_numbered_steps_are_not_new_steps() -> None:  # 1.008616
    steps = parse_steps(
        "Bước 1: Người khai hải quan xuất trình sổ ATA và nộp các chứng từ trong bộ hồ sơ hải "
        "quan cho cơ quan hải quan.\n"
        "Bước 2: Công chức hải quan tiếp nhận và kiểm tra hồ sơ hải quan do người khai hải "
        "quan nộp và xuất trình;\n"
        "- Trường hợp phát hiện vi phạm thì thực hiện xử lý theo quy định của pháp luật liên "
        "quan và có văn bản thông báo cho VCCI để phối hợp xử lý;\n"
        "- Trường hợp kết quả kiểm tra hồ sơ phù hợp thì thực hiện kiểm tra thực tế hàng hóa "
        "trên cơ sở áp dụng quản lý rủi ro.\n"
        "Bước 3: Công chức hải quan thực hiện ghi và xác nhận các thông tin trên sổ ATA theo "
        "quy định;")
    assert len(steps) == 3
    assert "- Trường hợp phát hiện vi phạm" in steps[1]["text"]
    assert not shows("steps-repeated", steps=steps)
    assert shows("steps-repeated", steps=[{"title": "Bước 1"}, {"title": "Bước 2"},
                                          {"title": "Bước 1"}])


def test_a_repeated_step_is_kept_once() -> None:
    line = "Bước 1: Tổ chức, cá nhân nộp hồ sơ tại Công an xã nơi cư trú."
    assert len(parse_steps(f"{line}\nBước 2: Nhận kết quả.\n{line}")) == 2


def test_headings_ending_in_a_colon_are_the_case_of_the_rows_after_them() -> None:  # 2.000756
    parsed = parse_documents(
        "* Giấy tờ phải nộp:" + DOCS + "- Tờ khai đăng ký chấm dứt giám hộ theo mẫu1 bản chính"
        "Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ sơ theo hình thức trực tuyến:"
        "0 bản chính- Bản chụp giấy tờ tùy thân.1 bản sao")
    assert [d["name"] for d in parsed.items] == [
        "Tờ khai đăng ký chấm dứt giám hộ theo mẫu", "Bản chụp giấy tờ tùy thân."]
    assert parsed.items[1]["when"] == ("Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ "
                                       "sơ theo hình thức trực tuyến")
    assert not shows("heading-as-document", documents=parsed.items)
    assert shows("heading-as-document", documents=[{"name": "Đối với giấy tờ nộp, xuất trình:"}])


def test_a_document_whose_name_ends_in_a_colon_stays_a_document() -> None:  # 1.007646
    parsed = parse_documents("--" + DOCS + "b) Hóa đơn thương mại (nếu có):1 bản sao")
    assert parsed.items == [{"name": "b) Hóa đơn thương mại", "copies": 1, "when": "nếu có"}]


def test_duration_from_the_description_when_the_time_cell_is_empty() -> None:  # 1.004656
    parsed = parse_channels(HEAD + "Trực tuyếnKhông có thông tinMiễn phí05 ngày làm việc kể từ "
                            "ngày nhận được hồ sơ đầy đủTrực tiếpKhông có thông tinMiễn phí05 "
                            "ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ")
    assert [c["duration"] for c in parsed.channels] == [
        "05 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ"] * 2
    assert all("note" not in c for c in parsed.channels)
    assert shows("missing-duration", duration="Chưa có thông tin",
                 channels=[{"type": "direct", "note": "05 ngày làm việc kể từ ngày nhận"}])


def test_remarks_are_not_documents() -> None:  # 2.000756
    parsed = parse_documents(
        "* Giấy tờ phải nộp:" + DOCS + "- Giấy tờ làm căn cứ chấm dứt giám hộ theo quy định của"
        " Bộ luật Dân sự.1 bản chính* Lưu ý:" + DOCS + "Đối với giấy tờ xuất trình khi đăng ký "
        "hộ tịch, người tiếp nhận có trách nhiệm kiểm tra, đối chiếu, ghi lại thông tin hoặc "
        "chụp lại, ký xác nhận để lưu trong hồ sơ và trả lại cho người xuất trình, không được "
        "yêu cầu nộp bản sao hoặc bản chụp giấy tờ đó.0 bản chính")
    assert len(parsed.items) == 1
    assert parsed.remarks[0].startswith("Đối với giấy tờ xuất trình khi đăng ký hộ tịch")
    assert not shows("note-as-document", documents=parsed.items)
    assert shows("note-as-document", documents=[{"name": "Lưu ý: mang bản chính"}])
    converted = convert({"ma_thu_tuc": "2.000756", "ten_thu_tuc": "Đăng ký chấm dứt giám hộ",
                         "thanh_phan_ho_so": "* Lưu ý:" + DOCS + "Mang theo bản chính.0 bản "
                         "chính--" + DOCS + "Tờ khai1 bản chính"}, "ho-tich")
    assert converted.data["conditions"] == "**Lưu ý về hồ sơ:**\n\n- Mang theo bản chính."


def test_the_case_a_document_is_for_becomes_its_when() -> None:  # 1.003583
    parsed = parse_documents(
        "--" + DOCS + "Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản "
        "xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ."
        "1 bản chính- Giấy chứng nhận kết hôn nếu cha, mẹ đã đăng ký kết hôn. Trường hợp đã có "
        "thông tin về việc kết hôn của cha, mẹ trong CSDLHTĐT, CSDLQGVDC thì không phải xuất "
        "trình.1 bản chính")
    assert parsed.items == [
        {"name": "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho "
                 "việc mang thai hộ.", "originals": 1,
         "when": "Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ"},
        {"name": "Giấy chứng nhận kết hôn", "originals": 1,
         "when": "nếu cha, mẹ đã đăng ký kết hôn",
         "note": "Trường hợp đã có thông tin về việc kết hôn của cha, mẹ trong CSDLHTĐT, "
                 "CSDLQGVDC thì không phải xuất trình."},
    ]


def test_alternatives_in_one_name_are_not_split_into_a_case() -> None:  # 1.003583
    name = ("Bản chính Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của "
            "người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có "
            "giấy cam đoan về việc sinh;")
    assert parse_documents("--" + DOCS + name + "1 bản chính").items == [
        {"name": name, "originals": 1}]


def test_legal_codes_are_never_cut() -> None:
    dated = parse_legal_basis(  # 2.000986
        LEGAL + "Thông tư số 263/2016/TT-BTC ngày 14/11/2016 quy định mức thu phí sở hữu công "
        "nghiệp, được sửa đổi, bổ sung theo Thông tư số 31/2020/TT-BTC ngày 04/5/2020"
        "Thông tư số 263/2016/TT-BTC")
    assert dated.items == ["Thông tư số 263/2016/TT-BTC ngày 14/11/2016 quy định mức thu phí "
                           "sở hữu công nghiệp, được sửa đổi, bổ sung theo Thông tư số "
                           "31/2020/TT-BTC ngày 04/5/2020"]
    cut = parse_legal_basis(  # 3.000272
        LEGAL + "Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án hỗ trợ "
        "sản xuất liên kết theo chuỗi giá trị24/2024")
    assert cut.items == ["Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án "
                         "hỗ trợ sản xuất liên kết theo chuỗi giá trị"]
    repeated = parse_legal_basis(LEGAL + "Thông tư số 29/2025/TT-BTCTT29/2025"  # 1.007645
                                 "Thông tư 191/2015/TT-BTC191/2015/TT-BTC")
    assert repeated.items == ["Thông tư số 29/2025/TT-BTC", "Thông tư 191/2015/TT-BTC"]
    for result in (dated, cut, repeated):
        assert not shows("truncated-legal-code", legal_basis=result.items)
    assert shows("truncated-legal-code", legal_basis=["Quyết định mẫu hồ sơ (24/2024)"])


def test_portal_leftovers_leave_the_conditions() -> None:  # 2.001243
    converted = convert({"ma_thu_tuc": "2.001243", "ten_thu_tuc": "Khai hải quan",
                         "yeu_cau_dieu_kien": "Không có thông tinTừ khóaKhông có thông tinMô tả"
                                              "Không có thông tin"}, "hai-quan")
    assert "conditions" not in converted.data
    assert shows("portal-leftovers", conditions="Có giấy phép.Từ khóaKhông có thông tinMô tả")


def test_free_is_not_promised_when_the_council_sets_the_fee() -> None:  # 1.005010
    parsed = parse_channels(
        HEAD + "Trực tuyến3 Ngày làm việcMiễn phí(Mức lệ phí (nếu có) theo quyết định của Hội "
        "đồng nhân dân cấp tỉnh.)Trực tiếp3 Ngày làm việcMiễn phí")
    assert parsed.channels[0]["fee"] == FEE_BY_COUNCIL
    assert parsed.channels[0]["note"].startswith("Mức lệ phí (nếu có) theo quyết định")
    assert parsed.channels[1]["fee"] == "Miễn phí"  # nothing says otherwise
    assert not shows("free-but-set-elsewhere", channels=parsed.channels)
    assert shows("free-but-set-elsewhere", channels=[
        {"type": "direct", "fee": "Miễn phí",
         "note": "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định."}])
