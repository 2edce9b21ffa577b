"""Editors' helpers: the JSON Schema of a procedure file and the `thutuc new` scaffold."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator import registry
from generator.cli.main import main
from generator.load.catalog import CATALOG_FILES, catalog_files
from generator.load.schema import procedure_schema, schemas
from tests.conftest import FIXTURES, NATIONAL, ROOT, copy_project


def as_json(path: Path) -> object:
    """A YAML file as an editor's YAML extension sees it (dates are text)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def procedure_files(catalog: Path) -> list[Path]:
    return [p for p in catalog_files(catalog) if "." not in p.stem
            and not (p.parent == catalog and p.stem in CATALOG_FILES)]


def validator() -> jsonschema.Draft202012Validator:
    schema = procedure_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_accepts_the_fixture_catalog() -> None:
    files = procedure_files(FIXTURES / "mini" / "procedures")
    assert len(files) == 3
    for path in files:
        assert list(validator().iter_errors(as_json(path))) == [], path


def test_schema_accepts_the_sample_catalog() -> None:
    files = procedure_files(ROOT / "procedures")
    if not files:
        pytest.skip("the sample catalog is not in this branch")
    for path in files:
        assert list(validator().iter_errors(as_json(path))) == [], path


@pytest.mark.site
def test_schema_accepts_imported_files(tmp_path: Path) -> None:
    national = NATIONAL / "bo-tu-phap"
    if not national.is_dir():
        pytest.skip("national records not present")
    assert main(["import", "national", str(national), "-o", str(tmp_path)]) == 0
    for path in procedure_files(tmp_path):
        assert list(validator().iter_errors(as_json(path))) == [], path


def test_schema_rejects_a_broken_file(tmp_path: Path) -> None:
    data = as_json(FIXTURES / "mini" / "procedures" / "ho-tich" / "dang-ky-khai-sinh.yml")
    assert isinstance(data, dict)
    data.pop("result")
    data["id"] = "Đăng ký khai sinh"
    data["fees"][0]["amount"] = "20.000 đồng"
    data["channels"][0]["type"] = "truc-tiep"
    data["reviw"] = "done"
    errors = {(".".join(map(str, e.absolute_path)), e.validator)
              for e in validator().iter_errors(data)}
    assert errors == {("", "required"), ("id", "pattern"), ("fees.0.amount", "type"),
                      ("channels.0.type", "enum"), ("", "additionalProperties")}


def test_schema_describes_every_key_the_validator_knows() -> None:
    # Schema and validator read the same registry: every key and item key has its
    # Vietnamese description.
    properties = procedure_schema()["properties"]
    assert list(properties) == list(registry.procedure_keys())
    for field in registry.fields():
        assert properties[field.key]["description"] == field.description != ""
        item = properties[field.key].get("items", properties[field.key])
        item = item["anyOf"][1] if "anyOf" in item and field.fields else item
        assert list(item.get("properties", {})) == list(field.item_keys)
        assert all(sub["description"] for sub in item.get("properties", {}).values())
    assert properties["review"]["enum"] == ["needed", "done"]


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / ".vscode" / "thutuc.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == procedure_schema()


def test_schema_all_writes_one_schema_per_kind_of_file(tmp_path: Path) -> None:
    assert main(["schema", "--all", "-o", str(tmp_path / ".vscode")]) == 0
    written = {path.name: json.loads(path.read_text(encoding="utf-8"))
               for path in (tmp_path / ".vscode").iterdir()}
    assert written == schemas()
    for schema in written.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_new_scaffold_names_each_missing_field_then_passes(tmp_path: Path, capsys) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "xa")
    (project / "docs").mkdir(exist_ok=True)
    catalog = project / "procedures"
    assert main(["new", "Thủ tục Đăng ký tạm trú", "--category", "ho-tich",
                 "-o", str(catalog)]) == 0
    path = catalog / "ho-tich" / "dang-ky-tam-tru.yml"
    text = path.read_text(encoding="utf-8")
    assert "# BẮT BUỘC. Một hai câu dễ hiểu" in text
    assert f"updated: {datetime.date.today().isoformat()}" in text
    capsys.readouterr()
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 1
    errors = capsys.readouterr().err.splitlines()
    lines = text.splitlines()
    shown = "procedures/ho-tich/dang-ky-tam-tru.yml"
    # The lines are there, only the values are missing: the message says so, and how to
    # fill a list.
    fill = {key: f"điền giá trị ngay sau `{key}:`." for key in ("summary", "duration", "result")}
    fill.update({key: f"thêm ít nhất một mục dưới `{key}:`, mỗi mục một dòng bắt đầu bằng `- `."
                 for key in ("documents", "steps")})
    expected = [f"{shown}:{lines.index(key + ':') + 1}: {key}: trường bắt buộc `{key}` đang để "
                f"trống. Cách sửa: {fill[key]}"
                for key in ("summary", "documents", "steps", "duration", "result")]
    assert errors == [*expected, "Tìm thấy 5 lỗi; chưa tạo trang nào."]
    filled = (text.replace("\nsummary:\n", "\nsummary: Đăng ký nơi tạm trú.\n")
              .replace("\ndocuments:\n", "\ndocuments:\n  - Tờ khai thay đổi thông tin cư trú\n")
              .replace("\nsteps:\n", "\nsteps:\n  - Nộp hồ sơ\n")
              .replace("\nduration:\n", "\nduration: 3 ngày làm việc\n")
              .replace("\nresult:\n", "\nresult: Thông báo đã đăng ký tạm trú\n"))
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 0
    assert list(validator().iter_errors(as_json(path))) == []
    # Every commented example is valid as written: uncommented, the file still passes.
    keys = tuple(f"# {key}:" for key in registry.procedure_keys())
    examples = "\n".join(line[2:] if line.startswith(keys) or line.startswith("#   ") else line
                         for line in filled.splitlines())
    path.write_text(examples, encoding="utf-8")
    (project / "mau-don").mkdir()
    (project / "mau-don" / "to-khai.pdf").write_bytes(b"%PDF-1.4")
    assert main(["check", "-f", str(project / "mkdocs.yml")]) == 0
    assert yaml.safe_load(examples)["fees"] == [{"name": "Lệ phí", "amount": 0}]

def test_new_refuses_unknown_category_and_existing_file(tmp_path: Path, capsys) -> None:
    catalog = copy_project(FIXTURES / "mini", tmp_path / "xa") / "procedures"
    assert main(["new", "Đăng ký khai sinh", "--category", "ho-tic", "-o", str(catalog)]) == 1
    assert "có phải ý bạn là `ho-tich`?" in capsys.readouterr().err
    assert main(["new", "Đăng ký khai sinh", "--category", "ho-tich", "-o", str(catalog)]) == 1
    assert "đã có" in capsys.readouterr().err
    # The same id in another folder, or as a former id, would be a second page at one address.
    existing = next(catalog.rglob("dang-ky-khai-sinh.yml"))
    moved = catalog / "khac" / "dang-ky-khai-sinh-cu.yml"
    moved.parent.mkdir()
    existing.rename(moved)
    assert main(["new", "Đăng ký khai sinh", "--category", "ho-tich", "-o", str(catalog)]) == 1
    err = capsys.readouterr().err
    assert "Mã `dang-ky-khai-sinh` đã được dùng trong" in err and "dang-ky-khai-sinh-cu.yml" in err
    assert not (catalog / "ho-tich" / "dang-ky-khai-sinh.yml").exists()
