"""`thutuc build --zip`: the site packed for a portal's file manager, and the deployment samples."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.problems import ThutucError
from generator.publish import archive
from tests.conftest import FIXTURES, ROOT, copy_project
from tests.test_cli import thutuc

SAMPLES = ROOT / "docs/mau-trien-khai"


@pytest.fixture(scope="module")
def zipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini project built with `--zip`: (site folder, zip file)."""
    root = tmp_path_factory.mktemp("zipped")
    project = copy_project(FIXTURES / "mini", root / "project")
    result = thutuc(project, "build", "-d", "../out/site", "--zip", "../out/trang-web.zip")
    assert result.returncode == 0, result.stderr
    assert "Đã ghi tệp nén ../out/trang-web.zip: " in result.stdout
    return root / "out/site", root / "out/trang-web.zip"


def assert_zip_is_site(zip_file: Path, site: Path) -> None:
    """The zip holds exactly the site's files, at its root, with identical bytes."""
    with zipfile.ZipFile(zip_file) as packed:
        names = packed.namelist()
        assert names == archive.site_files(site)
        for name in names:
            assert packed.read(name) == (site / name).read_bytes(), name


def test_the_zip_holds_exactly_the_built_site_at_its_root(zipped: tuple[Path, Path]) -> None:
    site, zip_file = zipped
    assert_zip_is_site(zip_file, site)
    with zipfile.ZipFile(zip_file) as packed:
        assert "index.html" in packed.namelist() and "sw.js" in packed.namelist()
        for info in packed.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert zip_file.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in zip_file.parent.iterdir() if p.name.startswith(".")] == []


def test_the_same_site_gives_a_byte_identical_zip(zipped: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    site, zip_file = zipped
    again = archive.write_zip(site, tmp_path / "again.zip")
    assert again == len(archive.site_files(site))
    assert (tmp_path / "again.zip").read_bytes() == zip_file.read_bytes()
    # A copy with other timestamps and permissions (another machine, another day) packs the same.
    copy = shutil.copytree(site, tmp_path / "copy")
    for path in copy.rglob("*"):
        if path.is_file():
            os.utime(path, (2_000_000_000, 2_000_000_000))
            path.chmod(0o600)
    archive.write_zip(copy, tmp_path / "copy.zip")
    assert (tmp_path / "copy.zip").read_bytes() == zip_file.read_bytes()


def test_the_offline_edition_zips_too(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    result = thutuc(project, "build", "--offline", "--zip", "usb.zip")
    assert result.returncode == 0, result.stderr
    assert_zip_is_site(project / "usb.zip", project / "site-offline")
    with zipfile.ZipFile(project / "usb.zip") as packed:
        assert "thu-tuc/dang-ky-khai-sinh.html" in packed.namelist()  # file:// page addresses


def test_an_unwritable_zip_path_fails_clearly_and_leaves_no_file(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    result = thutuc(project, "build", "--zip", "../not-a-folder/site.zip")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Không ghi được tệp nén" in result.stderr and "Cách sửa:" in result.stderr
    assert (project / "site/index.html").is_file()  # the site itself was built
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder", "project"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_fails_clearly(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = thutuc(project, "build", "--zip", str(locked / "site.zip"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không ghi được tệp nén" in result.stderr
    assert list(locked.iterdir()) == []


def test_a_failed_write_keeps_the_previous_zip_and_no_partial_file(
        zipped: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, zip_file = zipped
    target = tmp_path / "trang-web.zip"
    shutil.copyfile(zip_file, target)
    before = target.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full)
    with pytest.raises(ThutucError, match="Không ghi được tệp nén .*ổ đĩa đã đầy"):
        archive.write_zip(site, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["trang-web.zip"]


def test_a_zip_inside_the_site_folder_is_refused_before_building(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    result = thutuc(project, "build", "--zip", "site/trang-web.zip")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "vào trong thư mục trang web" in result.stderr
    assert not (project / "site").exists()


def test_the_sample_ci_files_are_valid_yaml_that_build_and_publish_the_site() -> None:
    github = yaml.safe_load((SAMPLES / "github-pages.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") + step.get("uses", "")
             for job in github["jobs"].values() for step in job.get("steps", [])]
    assert any("pip install -e ." in step for step in steps)
    assert any("thutuc build" in step for step in steps)
    assert any(step.startswith("actions/deploy-pages") for step in steps)
    gitlab = yaml.safe_load((SAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = gitlab["pages"]
    assert pages["image"].startswith("python:3.11")
    assert any("thutuc build" in line for line in pages["script"])
    assert pages["artifacts"]["paths"] == ["public"]


def test_the_deployment_samples_are_downloadable_from_the_sample_site(sample_site: Path) -> None:
    for sample in SAMPLES.iterdir():
        assert (sample_site / "mau-trien-khai" / sample.name).read_bytes() == sample.read_bytes()
    guide = (sample_site / "huong-dan-trien-khai/index.html").read_text(encoding="utf-8")
    assert "site_url" in guide
    assert (sample_site / "en/huong-dan-trien-khai/index.html").is_file()
