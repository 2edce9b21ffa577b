"""Many communes from one catalog: `thutuc build --profile` and `thutuc build --all`."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from tests.conftest import FIXTURES, copy_project

PROFILES = {
    "xa-an-khe": "name: UBND xã An Khê\nsite_url: https://an-khe.example.vn/\n"
                 "address: Thôn 3, xã An Khê\nphone: \"0262 111 222\"\nlanguages: [vi]\n",
    "xa-binh-minh": "name: UBND xã Bình Minh\nsite_url: https://binh-minh.example.vn/\n"
                    "phone: \"0262 333 444\"\ncategories: [ho-tich]\nlanguages: [vi, en]\n"
                    "overrides:\n  dang-ky-khai-sinh:\n"
                    "    note: Xã Bình Minh nhận hồ sơ cả sáng thứ Bảy.\n",
    "xa-hong": "name: UBND xã Hỏng\nphon: \"0262\"\ncategories: [khong-co]\n",
}


def communes(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "tinh")
    (project / "docs").mkdir(exist_ok=True)
    folder = project / "profiles"
    folder.mkdir()
    for name, text in PROFILES.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return project


def test_build_all_builds_each_commune_and_fails_the_broken_one_alone(tmp_path: Path,
                                                                       capsys) -> None:
    project = communes(tmp_path)
    out = tmp_path / "out"
    (out / "xa-hong").mkdir(parents=True)
    (out / "xa-hong" / "index.html").write_text("trang cũ", encoding="utf-8")
    code = main(["build", "-f", str(project / "mkdocs.yml"), "--all",
                 str(project / "profiles"), "-d", str(out), "-j", "2"])
    printed = capsys.readouterr().out
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["xa-an-khe", "xa-binh-minh", "xa-hong"]
    # Every page of a commune carries that commune's own details, never another's.
    for name, commune, phone, other in (
            ("xa-an-khe", "UBND xã An Khê", "0262 111 222", "Bình Minh"),
            ("xa-binh-minh", "UBND xã Bình Minh", "0262 333 444", "An Khê")):
        pages = list((out / name).rglob("*.html"))
        assert pages
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert commune in text, page
            assert other not in text, page
            if "thu-tuc" in page.parts:  # where to go and whom to call
                assert phone in text, page
    assert not (out / "xa-an-khe" / "en").exists()  # its own languages
    assert (out / "xa-binh-minh" / "en" / "index.html").is_file()
    assert not (out / "xa-binh-minh" / "linh-vuc" / "chung-thuc").exists()  # its categories
    birth = out / "xa-binh-minh" / "thu-tuc" / "dang-ky-khai-sinh" / "index.html"
    assert "Xã Bình Minh nhận hồ sơ cả sáng thứ Bảy." in birth.read_text(encoding="utf-8")
    # The broken commune keeps its last good site and says why, in the editor's terms.
    assert (out / "xa-hong" / "index.html").read_text(encoding="utf-8") == "trang cũ"
    lines = printed.splitlines()
    assert lines[0].split() == ["Đơn", "vị", "Kết", "quả", "Thủ", "tục", "Trang", "HTML", "Giây"]
    pages = str(sum(1 for _ in (out / "xa-an-khe").rglob("*.html")))
    assert lines[1].split()[:4] == ["xa-an-khe", "xong", "3", pages]
    assert lines[2].split()[:3] == ["xa-binh-minh", "xong", "2"]
    assert lines[3].split()[:2] == ["xa-hong", "LỖI"]
    assert "2/3 trang web đã tạo" in printed
    assert "profiles/xa-hong.yml:2: phon: khoá `phon` không có trong định dạng. Cách sửa: có " \
           "phải ý bạn là `phone`?" in printed


def test_build_one_profile(tmp_path: Path, capsys) -> None:
    project = communes(tmp_path)
    out = tmp_path / "an-khe"
    assert main(["build", "-f", str(project / "mkdocs.yml"), "--profile",
                 str(project / "profiles" / "xa-an-khe.yml"), "-d", str(out)]) == 0
    page = (out / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").read_text(encoding="utf-8")
    assert "UBND xã An Khê" in page and "0262 111 222" in page
    assert "https://an-khe.example.vn/thu-tuc/dang-ky-khai-sinh/" in page
    assert main(["build", "-f", str(project / "mkdocs.yml"), "--profile",
                 str(project / "profiles" / "xa-hong.yml"), "-d", str(tmp_path / "hong")]) == 1
    assert "phon" in capsys.readouterr().err
    assert not (tmp_path / "hong").exists()
