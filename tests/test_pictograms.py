"""Pictures for documents: chosen from the name by a table editors extend, drawn inline."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.load.pictograms import SHIPPED, pictogram_for
from generator.render.pictograms import pictogram_svg
from tests.langproject import procedure, write_project, write_yaml


@pytest.mark.parametrize(("name", "icon"), [
    ("Tờ khai đăng ký khai sinh", "material/file-document-edit-outline"),  # the form, first
    ("Giấy chứng sinh", "material/baby-face-outline"),
    ("Bản sao Giấy khai sinh của con", "material/baby-face-outline"),
    ("Căn cước công dân của người đi đăng ký", "material/card-account-details-outline"),
    ("Hộ chiếu còn hạn", "material/card-account-details-outline"),
    ("02 ảnh 4x6 cm", "material/account-box-outline"),
    ("Giấy tờ chứng minh nơi cư trú", "material/home-account"),
    ("Giấy chứng nhận kết hôn", "material/ring"),
    ("Văn bản uỷ quyền có chứng thực", "material/account-arrow-right"),
    ("Đơn đề nghị cấp bản sao", "material/file-document-edit-outline"),
    ("Giấy xác nhận hoàn cảnh khó khăn", None),  # "cảnh" is not "ảnh"
])
def test_the_shipped_table(name: str, icon: str | None) -> None:
    chosen = pictogram_for(name, SHIPPED)
    assert (chosen.icon if chosen else None) == icon


def test_the_picture_is_inline_and_named_in_the_page_language() -> None:
    ring = pictogram_for("Giấy chứng nhận kết hôn", SHIPPED)
    svg = str(pictogram_svg(ring, "en"))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
                          'class="tt-picto" focusable="false" role="img" '
                          'aria-label="Marriage certificate"><title>Marriage certificate</title>')
    assert "href" not in svg and "<path" in svg
    # No Ê Đê label: the Vietnamese one, marked as Vietnamese.
    assert 'aria-label="Giấy chứng nhận kết hôn" lang="vi"' in str(pictogram_svg(ring, "rad"))


def run(project: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([args[0], "-f", str(project / "mkdocs.yml"), *args[1:]])
    return code, out.getvalue(), err.getvalue()


def test_editors_extend_the_table_and_page_and_notice_show_it(tmp_path: Path) -> None:
    school = procedure("mot", documents=0)
    school["documents"] = [{"name": "Học bạ trung học cơ sở"}, {"name": "Tờ khai"}]
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt")], [school], {})
    write_yaml(project / "procedures/pictograms.yml",
               [{"icon": "material/school", "words": ["học bạ"], "label": "Giấy tờ học tập",
                 "labels": {"en": "School papers"}}])
    site = project / "site"
    code, _, err = run(project, "build", "-d", str(site))
    assert code == 0, err
    page = (site / "thu-tuc/mot/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Giấy tờ học tập"><title>Giấy tờ học tập</title>' in page
    assert 'aria-label="Tờ khai, đơn"' in page
    notice = (site / "niem-yet/mot.html").read_text(encoding="utf-8")
    assert notice.count('class="tt-picto"') == 2


def test_an_icon_that_does_not_exist_is_refused_with_a_hint(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", [("vi", "Tiếng Việt")], [procedure("mot")], {})
    write_yaml(project / "procedures/pictograms.yml",
               [{"icon": "material/shool", "words": ["học bạ"], "label": "Học bạ"}])
    code, _, err = run(project, "check")
    assert code == 1
    assert ("procedures/pictograms.yml:1: [0].icon: không có biểu tượng `material/shool` "
            "trong bộ biểu tượng của Material. Cách sửa: có phải ý bạn là `material/school`?"
            in err)
