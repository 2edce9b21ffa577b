"""Many communes from one catalog: `thutuc build --profile` and `thutuc build --all`."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from tests.conftest import FIXTURES, ROOT, copy_project, lay_out_every_section

PROFILES = {
    "xa-an-khe": "name: UBND xã An Khê\nsite_url: https://an-khe.example.vn/\n"
                 "address: Thôn 3, xã An Khê\nphone: \"0262 111 222\"\nlanguages: [vi]\n",
    "xa-binh-minh": "name: UBND xã Bình Minh\nsite_url: https://binh-minh.example.vn/\n"
                    "phone: \"0262 333 444\"\ncategories: [ho-tich]\nlanguages: [vi, en]\n"
                    "overrides:\n  dang-ky-khai-sinh:\n"
                    "    note: Xã Bình Minh nhận hồ sơ cả sáng thứ Bảy.\n"
                    "    fee_note: Bản sao trích lục 8.000 đồng một bản.\n",
    "xa-hong": "name: UBND xã Hỏng\nphon: \"0262\"\ncategories: [khong-co]\n",
}


@dataclass
class Built:
    project: Path
    out: Path
    code: int
    printed: str


def communes(root: Path) -> Path:
    project = copy_project(FIXTURES / "mini", root / "tinh")
    folder = project / "profiles"
    folder.mkdir()
    for name, text in PROFILES.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """`thutuc build --all` over three profiles, one broken, whose old site must survive."""
    root = tmp_path_factory.mktemp("communes")
    project = communes(root)
    out = root / "out"
    (out / "xa-hong").mkdir(parents=True)
    (out / "xa-hong" / "index.html").write_text("trang cũ", encoding="utf-8")
    capture = root / "printed.txt"
    with capture.open("w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        code = main(["build", "-f", str(project / "mkdocs.yml"), "--all",
                     str(project / "profiles"), "-d", str(out), "-j", "2"])
    return Built(project, out, code, capture.read_text(encoding="utf-8"))


def test_every_page_carries_its_own_communes_details(built: Built) -> None:
    out = built.out
    assert sorted(p.name for p in out.iterdir()) == ["xa-an-khe", "xa-binh-minh", "xa-hong"]
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


def test_broken_profile_fails_alone_with_a_clear_message(built: Built) -> None:
    assert built.code == 1
    assert (built.out / "xa-hong" / "index.html").read_text(encoding="utf-8") == "trang cũ"
    lines = built.printed.splitlines()
    assert lines[0].split() == ["Đơn", "vị", "Kết", "quả", "Thủ", "tục", "Trang", "HTML", "Giây"]
    pages = str(sum(1 for _ in (built.out / "xa-an-khe").rglob("*.html")))
    assert lines[1].split()[:4] == ["xa-an-khe", "xong", "3", pages]
    assert lines[2].split()[:3] == ["xa-binh-minh", "xong", "2"]
    assert lines[3].split()[:2] == ["xa-hong", "LỖI"]
    assert "2/3 trang web đã tạo" in built.printed
    assert "xa-hong: không tạo được trang web, trang cũ (nếu có) giữ nguyên." in built.printed
    assert "profiles/xa-hong.yml:2: phon: khoá `phon` không có trong định dạng. Cách sửa: có " \
           "phải ý bạn là `phone`?" in built.printed


def test_a_citizen_sees_the_communes_own_office_and_notes(built: Built, serve, phone) -> None:
    phone.goto(serve(built.out / "xa-binh-minh") + "thu-tuc/dang-ky-khai-sinh/")
    assert phone.locator(".md-header__topic").first.inner_text() == "UBND xã Bình Minh"
    assert phone.locator("a[href^='tel:']").first.get_attribute("href") == "tel:0262333444"
    lay_out_every_section(phone)
    notes = phone.locator(".tt-notice--local").all_inner_texts()
    assert notes == ["Lưu ý của địa phương: Xã Bình Minh nhận hồ sơ cả sáng thứ Bảy.",
                     "Lưu ý của địa phương: Bản sao trích lục 8.000 đồng một bản."]


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


def test_all_records_every_built_communes_addresses_once(built: Built) -> None:
    record = (built.project / "procedures" / "_published.yml").read_text(encoding="utf-8")
    assert record.endswith("published:\n"
                           "  chung-thuc-ban-sao: procedures/chung-thuc/chung-thuc-ban-sao.yml\n"
                           "  dang-ky-ket-hon: procedures/ho-tich/dang-ky-ket-hon.yml\n"
                           "  dang-ky-khai-sinh: procedures/ho-tich/dang-ky-khai-sinh.yml\n")
    assert built.printed.count("Đã cập nhật procedures/_published.yml") == 1


def test_shards_split_the_communes_between_ci_jobs(tmp_path: Path, capsys) -> None:
    """`--shard K/N`: N jobs together build every commune once, each a different slice."""
    project = communes(tmp_path)
    (project / "profiles" / "xa-hong.yml").unlink()
    built_by: dict[str, list[str]] = {}
    for part in ("1/2", "2/2"):
        out = tmp_path / f"out-{part[0]}"
        assert main(["build", "-f", str(project / "mkdocs.yml"), "--all",
                     str(project / "profiles"), "-d", str(out), "--shard", part]) == 0
        built_by[part] = sorted(p.name for p in out.iterdir())
    assert built_by == {"1/2": ["xa-an-khe"], "2/2": ["xa-binh-minh"]}
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["build", "--all", str(project / "profiles"), "--shard", "3/2"])
    assert "không phải dạng K/N" in capsys.readouterr().err


def test_the_ci_samples_build_every_slice_once() -> None:
    """The GitHub matrix and GitLab `parallel:` samples pass `--shard K/N` with K = 1..N."""
    samples = ROOT / "docs" / "mau-trien-khai"
    github = yaml.safe_load((samples / "github-actions-tinh.yml").read_text(encoding="utf-8"))
    job = github["jobs"]["build"]
    shards = int(job["env"]["SHARDS"])
    assert job["strategy"]["matrix"]["shard"] == list(range(1, shards + 1))
    assert any("thutuc build --all profiles/ --shard ${{ matrix.shard }}/$SHARDS"
               in step.get("run", "") for step in job["steps"])
    gitlab = yaml.safe_load((samples / "gitlab-ci-tinh.yml").read_text(encoding="utf-8"))
    assert gitlab["communes"]["parallel"] > 1
    assert any("--shard $CI_NODE_INDEX/$CI_NODE_TOTAL" in line
               for line in gitlab["communes"]["script"])
