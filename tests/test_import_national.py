"""`thutuc import national` on the 588 real records, on odd records, and on re-import."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from generator.fingerprints import fingerprint
from generator.importer.run import import_national
from generator.load.catalog import load_catalog
from tests.conftest import NATIONAL, write_files

DAY = datetime.date(2026, 11, 25)
MKDOCS = """\
site_name: Nhập thử
site_url: https://example.org/xa/
theme: {name: material, language: vi, font: false}
plugins:
  - thutuc:
      profile: {name: UBND xã Nhập Thử, example: true, categories: [ho-tich]}
"""
pytestmark = pytest.mark.skipif(not NATIONAL.is_dir(), reason="national records not present")


def project(root: Path) -> Path:
    """An empty site project whose catalog the importer fills."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """All 588 records imported through the command line, with its printed report."""
    root = project(tmp_path_factory.mktemp("national"))
    report = root / "bao-cao.txt"
    assert main(["import", "national", str(NATIONAL), "-o", str(root / "procedures"),
                 "--report", str(report), "--date", "2026-11-25"]) == 0
    return root, report.read_text(encoding="utf-8")


def test_all_records_import_into_a_catalog_that_passes_check(imported, capsys) -> None:
    root, report = imported
    assert main(["check", "-f", str(root / "mkdocs.yml")]) == 0
    assert "Danh mục hợp lệ: 588 thủ tục, 61 lĩnh vực" in capsys.readouterr().out
    assert "Đã đọc 588 bản ghi: 588 mới, 0 cập nhật, 0 không đổi, 0 bỏ qua" in report
    # The report names each record with something unread, and what it was.
    assert "cach_thuc_thuc_hien: online: thời gian '1' không có đơn vị" in report


def test_imported_procedure_keeps_provenance_and_needs_review(imported) -> None:
    root, _ = imported
    catalog = load_catalog(root / "procedures", root)
    assert all(p.review == "needed" and p.provenance for p in catalog.procedures)
    birth = next(p for p in catalog.procedures if p.code == "1.003583")
    assert birth.id == "dang-ky-khai-sinh-luu-dong"
    assert birth.category == "ho-tich"
    assert birth.provenance is not None
    assert birth.provenance.national_code == "1.003583"
    assert birth.provenance.url.startswith("https://dichvucong.gov.vn/")
    assert birth.provenance.imported == DAY
    assert birth.documents[0].name.startswith("Bản chính Giấy chứng sinh")
    assert birth.documents[0].originals == 1
    assert [c.type for c in birth.channels] == ["direct"]
    assert birth.duration == "5 ngày làm việc"
    assert birth.result == "Giấy khai sinh"
    assert "Mã: KQ" not in " ".join(p.result for p in catalog.procedures)
    assert all("Chọn cơ quan thực hiện" not in p.result for p in catalog.procedures)
    assert any(item.startswith("Luật Hộ tịch") or "60/2014/QH13" in item
               for item in birth.legal_basis)


def test_fees_that_differ_by_channel_say_when_each_is_paid(imported) -> None:
    root, _ = imported
    by_code = {p.code: p for p in load_catalog(root / "procedures", root).procedures}
    # Đăng ký tạm trú: 7,000 online, 10,000 at the office.
    assert [(f.amount, f.when) for f in by_code["1.004194"].fees] == [
        (7000, "nếu nộp trực tuyến"), (10000, "nếu nộp trực tiếp")]
    # Hộ kinh doanh: online and by post charge the same, said once.
    assert [(f.amount, f.when) for f in by_code["1.001612"].fees] == [
        (150000, "nếu nộp trực tuyến hoặc nộp qua bưu chính"), (50000, "nếu nộp trực tiếp")]
    # Every channel charging the same: one fee, for everyone.
    assert [(f.amount, f.when) for f in by_code["2.000635"].fees] == [(8000, "")]
    with_case = [p.code for p in by_code.values() if any(f.when for f in p.fees)]
    assert len(with_case) == 8, with_case


def test_imported_catalog_builds(imported, tmp_path: Path) -> None:
    root, _ = imported
    out = tmp_path / "site"
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-d", str(out)]) == 0
    page = (out / "thu-tuc" / "dang-ky-khai-sinh-luu-dong" / "index.html").read_text("utf-8")
    assert "Bản chính Giấy chứng sinh" in page
    assert "UBND xã Nhập Thử" in page


def write_record(folder: Path, name: str, content: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    (folder / name).write_text(text, encoding="utf-8")


def test_odd_records_import_without_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "odd"
    write_record(source, "a.json", {"ma_thu_tuc": "9.000001"})
    write_record(source, "b.json", {"ma_thu_tuc": "9.000002", "ten_thu_tuc": None,
                                    "linh_vuc": ["Hộ tịch"], "cach_thuc_thuc_hien": 7,
                                    "thanh_phan_ho_so": {"x": 1}, "ket_qua_xu_ly": "Mã: KQ.1"})
    write_record(source, "c.json", {"ma_thu_tuc": "9.000003", "ten_thu_tuc": "Thủ tục <b>X</b>",
                                    "linh_vuc": "Hộ tịch", "cach_thuc_thuc_hien": "Trực tuyến",
                                    "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
                                    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bản",
                                    "trinh_tu_thuc_hien": "\n\n- \n+ ", "detail_url": "x y"})
    write_record(source, "dup.json", {"ma_thu_tuc": "9.000003", "ten_thu_tuc": "Khác"})
    write_record(source, "broken.json", "{not json")
    write_record(source, "list.json", [1, 2])
    write_record(source, "nocode.json", {"ten_thu_tuc": "Không mã"})
    root = project(tmp_path / "site")
    report = import_national(source, root / "procedures", DAY)
    assert [r.status for r in report.records] == ["mới", "mới", "bỏ qua", "mới", "bỏ qua",
                                                  "bỏ qua", "bỏ qua"]
    catalog = load_catalog(root / "procedures", root)
    # Without a title, "Thủ tục <code>" names it; markup in a title is only text.
    assert sorted(p.id for p in catalog.procedures) == ["9-000001", "9-000002", "b-x-b"]
    assert next(p for p in catalog.procedures if p.id == "b-x-b").title == "Thủ tục <b>X</b>"
    assert {c.name for c in catalog.categories} == {"Lĩnh vực khác", "Hộ tịch"}
    text = report.text()
    assert "không đọc được tệp JSON" in text and "mã thủ tục trùng" in text


def national_subset(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(NATIONAL / "bo-tu-phap", source / "bo-tu-phap")
    return source


def test_import_is_deterministic(tmp_path: Path) -> None:
    source = national_subset(tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    import_national(source, first, DAY)
    import_national(source, second, DAY)
    files = sorted(p.relative_to(first) for p in first.rglob("*.yml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_reimport_keeps_what_an_editor_changed(tmp_path: Path) -> None:
    source = national_subset(tmp_path)
    root = project(tmp_path / "site")
    out = root / "procedures"
    import_national(source, out, DAY)
    path = out / "ho-tich" / "dang-ky-khai-sinh-luu-dong.yml"
    untouched = out / "ho-tich" / "dang-ky-cham-dut-giam-ho.yml"
    assert untouched.is_file()
    before = untouched.read_bytes()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["agency"] = "Ủy ban nhân dân xã"
    data["result"] = "Giấy khai sinh (bản chính), do cán bộ trao tận tay."
    data["faq"] = [{"q": "Có mất phí không?", "a": "Không."}]
    data["review"] = "done"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    record_file = source / "bo-tu-phap" / "1.003583.json"
    record = json.loads(record_file.read_text(encoding="utf-8"))
    record["ten_thu_tuc"] = "Thủ tục đăng ký khai sinh lưu động (sửa đổi)"
    record["ket_qua_xu_ly"] = "Giấy khai sinh bản điện tửMã: KQ.G15.000031Từ khóa"
    record_file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    report = import_national(source, out, DAY + datetime.timedelta(days=7))

    catalog = load_catalog(out, root)
    birth = next(p for p in catalog.procedures  # the id never changes
                 if p.id == "dang-ky-khai-sinh-luu-dong")
    assert birth.title == "Thủ tục đăng ký khai sinh lưu động (sửa đổi)"  # untouched: updated
    assert birth.agency == "Ủy ban nhân dân xã"
    assert birth.result == "Giấy khai sinh (bản chính), do cán bộ trao tận tay."
    assert birth.faq[0].q == "Có mất phí không?"
    assert birth.review == "needed"  # the national text changed: look again
    assert birth.updated == DAY  # nobody checked it since: the date makes no claim
    assert birth.provenance is not None
    assert birth.provenance.changed == ("title", "summary", "result")  # changed upstream
    entry = next(r for r in report.records if r.code == "1.003583")
    assert entry.status == "cập nhật"
    assert "agency: giữ nội dung biên tập viên đã sửa" in entry.lines
    assert "title: dữ liệu quốc gia đã đổi; lấy nội dung mới, cần xem lại" in entry.lines
    assert any(line.startswith("result: biên tập viên đã sửa, nhưng dữ liệu quốc gia cũng đã "
                               "đổi") for line in entry.lines)
    assert untouched.read_bytes() == before
    assert report.count("không đổi") == len(report.records) - 1

    # A third import with nothing new changes no file, and the editor's values stay.
    snapshot = path.read_bytes()
    again = import_national(source, out, DAY + datetime.timedelta(days=14))
    assert again.count("không đổi") == len(again.records)
    assert path.read_bytes() == snapshot


def test_reimport_of_unchanged_records_keeps_updated_and_review(tmp_path: Path) -> None:
    """Edited and reviewed files of records that did not change upstream stay as they are,
    even when the importer reads the record differently now."""
    source = national_subset(tmp_path)
    out = tmp_path / "procedures"
    import_national(source, out, DAY)
    path = out / "ho-tich" / "dang-ky-khai-sinh-luu-dong.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = "Cán bộ tư pháp đến tận nhà để đăng ký khai sinh cho trẻ."
    data["review"], data["reviewed"] = "done", {"date": "2026-11-30", "by": "Nguyễn Văn A"}
    data["updated"] = "2026-11-30"
    # As if an older importer had read the steps differently: a re-read, not a change.
    data["steps"] = [{"title": "Bước 1"}]
    data["provenance"]["fingerprints"]["steps"] = fingerprint(data["steps"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = import_national(source, out, DAY + datetime.timedelta(days=30))
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (after["review"], after["reviewed"], after["updated"]) == (
        "done", {"date": "2026-11-30", "by": "Nguyễn Văn A"}, "2026-11-30")
    assert after["summary"] == data["summary"]
    assert after["steps"] != data["steps"]  # the better reading of an untouched field
    assert "changed" not in after["provenance"]
    entry = next(r for r in report.records if r.code == "1.003583")
    assert any("công cụ đọc lại tốt hơn: steps" in line for line in entry.lines)
    assert report.count("không đổi") == len(report.records) - 1


def test_a_hand_written_procedure_with_the_same_title_is_a_likely_duplicate(
        tmp_path: Path) -> None:
    source = national_subset(tmp_path)
    root = project(tmp_path / "site")
    out = root / "procedures"
    hand = out / "ho-tich" / "khai-sinh-luu-dong.yml"
    hand.parent.mkdir(parents=True)
    (out / "categories.yml").write_text("- id: ho-tich\n  name: Hộ tịch\n", encoding="utf-8")
    hand.write_text("id: khai-sinh-luu-dong\ntitle: Đăng ký khai sinh lưu động\n"
                    "category: ho-tich\nsummary: Cán bộ đến tận thôn.\ndocuments: [Tờ khai]\n"
                    "steps: [Nộp tờ khai]\nduration: 5 ngày\nresult: Giấy khai sinh\n"
                    "updated: 2026-01-01\n", encoding="utf-8")
    report = import_national(source, out, DAY)
    entry = next(r for r in report.records if r.code == "1.003583")
    assert (entry.status, entry.procedure_id) == ("có thể trùng", "khai-sinh-luu-dong")
    assert "thêm dòng `code: \"1.003583\"` vào tệp đó" in entry.lines[-1]
    assert not (out / "ho-tich" / "dang-ky-khai-sinh-luu-dong.yml").exists()
    assert "1 có thể trùng với thủ tục viết tay" in report.text()
    titles = [p.title for p in load_catalog(out, root).procedures]
    assert titles.count("Đăng ký khai sinh lưu động") == 1


def test_level_filter_keeps_only_the_chosen_levels(tmp_path: Path) -> None:
    """Records of other levels (made from real ones: the shared records are all commune
    level) are left out by default and imported with --level."""
    source = tmp_path / "source"
    levels = {"1.003583": "Cấp xã", "1.000893": "Cấp bộ", "1.004873": "Cấp tỉnh",
              "2.000986": "Cấp tỉnh, Cấp xã", "1.001022": "Cơ quan khác"}
    for code, level in levels.items():
        record = json.loads(next(NATIONAL.rglob(f"{code}.json")).read_text(encoding="utf-8"))
        record["cap_thuc_hien"] = level
        write_record(source, f"{code}.json", record)
    commune = import_national(source, tmp_path / "xa", DAY)
    assert sorted(r.code for r in commune.records if r.status == "mới") == [
        "1.003583", "2.000986"]
    assert "3 ngoài cấp đã chọn (xa)" in commune.text()
    root = project(tmp_path / "site")
    assert main(["import", "national", str(source), "-o", str(root / "procedures"),
                 "--level", "bo", "--level", "tinh", "--date", "2026-11-25"]) == 0
    catalog = load_catalog(root / "procedures", root)
    assert sorted((p.code, p.level) for p in catalog.procedures) == [
        ("1.000893", ("bo",)), ("1.004873", ("tinh",)), ("2.000986", ("tinh", "xa"))]


def test_a_procedure_carried_out_elsewhere_names_its_agency(tmp_path: Path) -> None:
    source = tmp_path / "source"
    record = json.loads(next(NATIONAL.rglob("1.000893.json")).read_text(encoding="utf-8"))
    record.update(cap_thuc_hien="Cấp bộ", co_quan_thuc_hien="Cục Cảnh sát giao thông",
                  dia_chi_tiep_nhan="Số 112 Lê Duẩn, Hà Nội")
    write_record(source, "1.000893.json", record)
    root = project(tmp_path / "site")
    import_national(source, root / "procedures", DAY, levels=("bo",))
    out = tmp_path / "built"
    assert main(["build", "-f", str(root / "mkdocs.yml"), "-d", str(out)]) == 0
    [page] = (out / "thu-tuc").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    where = html[html.index('class="tt-where"'):]
    assert "Cục Cảnh sát giao thông" in where and "Số 112 Lê Duẩn, Hà Nội" in where
    assert "UBND xã Nhập Thử" not in where[:where.index("</dl>")]


def test_reimport_after_an_editor_renamed_a_category(tmp_path: Path) -> None:
    source = national_subset(tmp_path)
    out = tmp_path / "procedures"
    import_national(source, out, DAY)
    categories = out / "categories.yml"
    text = categories.read_text(encoding="utf-8")
    assert "- id: ho-tich\n  name: Hộ tịch\n" in text
    renamed = text.replace("name: Hộ tịch\n", "name: Hộ tịch (khai sinh, kết hôn, khai tử)\n")
    categories.write_text("# Lĩnh vực của tỉnh\n" + renamed, encoding="utf-8")
    report = import_national(source, out, DAY + datetime.timedelta(days=1))
    assert report.new_categories == []
    assert report.count("không đổi") == len(report.records)
    assert categories.read_text(encoding="utf-8") == "# Lĩnh vực của tỉnh\n" + renamed


def test_a_hand_written_file_with_the_same_code_is_completed_not_duplicated(
        tmp_path: Path) -> None:
    source = national_subset(tmp_path)
    root = project(tmp_path / "site")
    out = root / "procedures"
    hand = out / "tu-viet" / "khai-sinh-luu-dong.yml"
    hand.parent.mkdir(parents=True)
    (out / "categories.yml").write_text("- id: ho-tich\n  name: Hộ tịch\n", encoding="utf-8")
    hand.write_text("id: khai-sinh-luu-dong\ncode: \"1.003583\"\ntitle: Khai sinh lưu động\n"
                    "category: ho-tich\nsummary: Cán bộ đến tận thôn.\ndocuments: [Tờ khai]\n"
                    "steps: [Nộp tờ khai]\nduration: 5 ngày\nresult: Giấy khai sinh\n"
                    "updated: 2026-01-01\n", encoding="utf-8")
    report = import_national(source, out, DAY)
    entry = next(r for r in report.records if r.code == "1.003583")
    assert (entry.status, entry.procedure_id) == ("cập nhật", "khai-sinh-luu-dong")
    assert "title: giữ nội dung biên tập viên đã sửa" in entry.lines
    assert not any("cũng đã đổi" in line for line in entry.lines)
    catalog = load_catalog(out, root)
    same = [p for p in catalog.procedures if p.code == "1.003583"]
    assert [p.source_file for p in same] == ["procedures/tu-viet/khai-sinh-luu-dong.yml"]
    birth = same[0]
    assert (birth.title, birth.summary, birth.duration) == (
        "Khai sinh lưu động", "Cán bộ đến tận thôn.", "5 ngày")
    assert birth.legal_basis and birth.channels  # empty fields filled from the national data
    assert birth.provenance is not None and birth.provenance.national_code == "1.003583"
    assert birth.review == "needed"


def test_a_hand_written_code_is_read_as_typed(tmp_path: Path) -> None:
    """An unquoted `code: 1.000080` is that code, not the number 1.00008 (YAML 1.1)."""
    from generator.importer.run import _existing  # the catalog as the importer sees it

    write_files(tmp_path, {"ho-tich/tu-viet.yml": "id: tu-viet\ntitle: Tự viết\ncode: 1.000080\n"})
    found, taken, _ = _existing(tmp_path)
    assert list(found) == ["1.000080"]
    assert taken == {"tu-viet"}
