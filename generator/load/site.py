"""The site plan: which procedures a commune publishes, read and checked once.

`load_site` reads the profile, the catalog, the address record, life events and the glossary,
and raises one `CatalogError` with every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.first_screen import first_screen_warnings
from generator.load.addresses import checked_record
from generator.load.catalog import CatalogMemo, read_catalog
from generator.load.events import LifeEvent, read_events
from generator.load.glossary import Glossary, read_glossary
from generator.load.pictograms import SHIPPED, Pictogram, read_pictograms
from generator.load.profile import load_profile
from generator.load.recordings import Recording, read_recordings, recording_warnings
from generator.load.strings import Strings, load_strings
from generator.model import Catalog, Category, Procedure, SiteProfile
from generator.names import QR_CAPACITY_Q
from generator.problems import Problem, Problems, shown_path
from generator.textsort import sort_key
from generator.urls import language_prefix, page_url, procedure_src


@dataclass(frozen=True)
class SiteSource:
    """Where a site's inputs are, as configured in mkdocs.yml."""

    project_root: Path
    catalog_dir: Path
    profile_file: Path | None
    profile_inline: dict[str, object] | None
    site_url: str
    site_name: str
    languages: tuple[object, ...]
    strings_dir: Path | None = None
    directory_urls: bool = True  # the public site's URL style (mkdocs.yml use_directory_urls)
    # The site's own page templates (overrides/), searched before the packaged ones.
    template_dirs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Site:
    """A checked catalog and the commune that publishes (part of) it."""

    catalog: Catalog
    profile: SiteProfile
    procedures: tuple[Procedure, ...]  # the published ones
    strings_dir: Path | None = None
    events: tuple[LifeEvent, ...] = ()
    glossary: Glossary = field(default_factory=Glossary)
    retired: tuple[str, ...] = ()  # abolished procedures whose old address explains so
    # Addresses in QR codes are the public site's, also in the offline edition (links in .html).
    public_directory_urls: bool = True
    recordings: tuple[Recording, ...] = ()  # recorded guides of the site's languages
    template_dirs: tuple[Path, ...] = ()  # the site's page templates, before the packaged ones
    warnings: tuple[Problem, ...] = ()  # said by `check` and every build, but not fatal
    pictograms: tuple[Pictogram, ...] = SHIPPED  # pictures for documents, catalog's rows first

    def categories(self) -> list[tuple[Category, list[Procedure]]]:
        """Published categories in catalog order, each with its procedures A-Z."""
        result = []
        for category in self.catalog.categories:
            procs = [p for p in self.procedures if p.category == category.id]
            if procs:
                result.append((category, sorted(procs, key=lambda p: sort_key(p.title))))
        return result


def load_site(source: SiteSource, memo: CatalogMemo | None = None) -> Site:
    """Read the profile and the catalog; raise `CatalogError` with every problem of both.
    With a `memo`, catalog files it has read before and that have not changed are not read
    again."""
    problems = Problems()
    shown = shown_path(source.profile_file, source.project_root) if source.profile_file \
        else "mkdocs.yml"
    profile = load_profile(source.profile_file or source.profile_inline, shown, problems,
                           name=source.site_name, site_url=source.site_url,
                           languages=list(source.languages))
    catalog = read_catalog(source.catalog_dir, source.project_root, problems, memo)
    # Profile ids, published addresses and event registry ids are checked against a sound
    # catalog only: a procedure whose file is broken would otherwise be reported a second
    # time, as missing.
    sound = not problems
    published = _published(catalog, profile, shown, problems) if profile and sound else ()
    if profile and published:
        _check_qr_capacity(profile, published, shown, problems)
    record = checked_record(catalog, source.project_root, problems) if sound else None
    catalog_shown = shown_path(source.catalog_dir, source.project_root)
    events = read_events(source.catalog_dir, catalog_shown, catalog.procedures, problems) \
        if sound else ()
    glossary = read_glossary(source.catalog_dir, catalog_shown, problems)
    languages = tuple(language.code for language in profile.languages) if profile else ()
    recordings = read_recordings(source.catalog_dir,
                                 lambda path: shown_path(path, source.project_root),
                                 catalog.procedures, languages, problems) if profile else ()
    pictograms = read_pictograms(source.catalog_dir, catalog_shown, problems)
    problems.raise_if_any()
    assert profile is not None  # a missing profile always comes with a problem
    return Site(catalog, profile, published, source.strings_dir, events, glossary,
                record.retired if record else (), public_directory_urls=source.directory_urls,
                recordings=recordings, template_dirs=source.template_dirs,
                warnings=(*_unused_overlays(catalog, profile), *recording_warnings(recordings),
                          *first_screen_warnings(published)),
                pictograms=pictograms)


def _check_qr_capacity(profile: SiteProfile, published: tuple[Procedure, ...], shown: str,
                       problems: Problems) -> None:
    """The longest address a QR code must hold fits one at error correction Q."""
    source = profile.source_language
    prefix = max((language_prefix(lang.code, source) for lang in profile.languages), key=len)
    longest = max((p.id for p in published), key=len)
    address = profile.site_url + prefix + page_url(procedure_src(longest), True)
    size = len(address.encode("utf-8"))
    if size > QR_CAPACITY_Q:
        problems.add(shown, 0, "site_url",
                     f"địa chỉ dài nhất phải đưa vào mã QR ({address[:50]}...) có {size} byte, "
                     f"quá sức chứa của mã QR ở mức sửa lỗi Q (tối đa {QR_CAPACITY_Q} byte).",
                     f"rút ngắn `site_url` ít nhất {size - QR_CAPACITY_Q} ký tự; mã in ra dễ "
                     "quét nhất khi cả địa chỉ dưới khoảng 80 ký tự.")


def _unused_overlays(catalog: Catalog, profile: SiteProfile) -> tuple[Problem, ...]:
    """Translations into languages this site does not have: never built, so said aloud (a
    warning, not an error: a shared catalog serves communes with different languages)."""
    codes = [language.code for language in profile.languages]
    return tuple(Problem(o.source_file, 0, "",
                         f"bản dịch sang `{o.lang}` không được dùng: trang web này không có "
                         f"ngôn ngữ `{o.lang}` (các ngôn ngữ: {', '.join(codes)}).",
                         f"thêm `{o.lang}` vào `languages:` của trang, hoặc đổi tên tệp nếu "
                         "gõ nhầm mã ngôn ngữ.")
                 for o in catalog.overlays if o.lang not in codes)


def _published(catalog: Catalog, profile: SiteProfile, shown: str,
               problems: Problems) -> tuple[Procedure, ...]:
    """The procedures the profile publishes; unknown ids in the profile are problems."""
    category_ids = {c.id for c in catalog.categories}
    procedure_ids = {p.id for p in catalog.procedures} | problems.troubled_names()
    for cid in profile.categories:
        if cid not in category_ids:
            problems.add(shown, 0, "categories", f"lĩnh vực `{cid}` không có trong danh mục.")
    for pid in (*profile.procedures, *profile.overrides):
        if pid not in procedure_ids:
            problems.add(shown, 0, "procedures", f"thủ tục `{pid}` không có trong danh mục.")
    return tuple(p for p in catalog.procedures
                 if (not profile.categories or p.category in profile.categories)
                 and (not profile.procedures or p.id in profile.procedures)
                 and not (profile.unreviewed == "hide" and p.review == "needed"))


def strings_for(site: Site, lang: str) -> Strings:
    return load_strings(lang, site.strings_dir)
