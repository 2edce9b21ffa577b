"""How far each procedure is translated into each language: the facts translators work from.

One `Status` per published procedure and non-source language, as `thutuc translations --json`
prints it; the readable table is a summary of the same list, plus the interface strings and
category names each language still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.site import Site, strings_for
from generator.problems import Problems
from generator.translate.field_paths import (
    collapse,
    missing_paths,
    source_leaves,
    stale_paths,
    translated_paths,
)
from generator.translate.recording_status import RecordingState, Scripts
from generator.translate.resolve import overlays_for


@dataclass(frozen=True)
class Status:
    """The translation of one procedure into one language."""

    id: str
    lang: str
    state: str  # complete | partial | missing
    review: str | None  # draft | reviewed, None without a translation file
    missing: tuple[str, ...]  # field paths, collapsed as reports show them
    stale: tuple[str, ...]
    work: int  # leaves still to translate or to check: how much this needs
    recordings: tuple[RecordingState, ...] = ()  # its recorded guides in this language
    suggestions: tuple[str, ...] = ()  # field paths with a fuzzy draft, not shown on the page

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id, "lang": self.lang, "state": self.state, "review": self.review,
            "missing": list(self.missing), "stale": list(self.stale)}
        if self.recordings:  # only then: older readers see the shape they know
            data["recordings"] = [state.as_json() for state in self.recordings]
        if self.suggestions:  # the same
            data["suggestions"] = list(self.suggestions)
        return data


@dataclass(frozen=True)
class LanguageSummary:
    """Counts for one language and what else its pages show in Vietnamese."""

    lang: str
    name: str
    complete: int
    partial: int
    missing: int
    stale: int  # procedures with at least one stale field
    draft: int
    missing_strings: tuple[str, ...]  # interface string keys shown in Vietnamese
    total_strings: int
    missing_category_names: tuple[str, ...]  # category ids without a name in this language


def statuses(site: Site, langs: list[str] | None = None) -> list[Status]:
    """Status of every published procedure in every (chosen) non-source language."""
    result = []
    recorded = Scripts(site).states(langs)
    for lang in target_languages(site, langs):
        overlays = overlays_for(site.catalog, lang)
        for procedure in sorted(site.procedures, key=lambda p: p.id):
            overlay = overlays.get(procedure.id)
            missing = missing_paths(procedure, overlay)
            stale = stale_paths(procedure, overlay)
            done = translated_paths(procedure, overlay)
            state = "missing" if not done else ("partial" if missing else "complete")
            drafts = tuple(path for path in source_leaves(procedure)
                           if overlay is not None and path in overlay.suggestions)
            result.append(Status(
                id=procedure.id, lang=lang, state=state,
                review=overlay.status if overlay is not None else None,
                missing=tuple(collapse(missing, procedure)),
                stale=tuple(collapse(stale, procedure)),
                work=len(missing) + len(stale) + len(drafts),
                suggestions=drafts,
                recordings=tuple(state for state in recorded
                                 if (state.recording.procedure_id, state.recording.lang)
                                 == (procedure.id, lang))))
    return result


def target_languages(site: Site, langs: list[str] | None) -> list[str]:
    """The configured non-source languages, or those of `langs` (in configured order)."""
    codes = [language.code for language in site.profile.languages[1:]]
    return [code for code in codes if not langs or code in langs]


def check_targets(site: Site, langs: list[str], ids: list[str], problems: Problems) -> None:
    """Report languages that are not translation languages of the site, and unknown ids."""
    codes = [language.code for language in site.profile.languages[1:]]
    for lang in langs:
        if lang not in codes:
            problems.add("", 0, "--lang",
                         f"`{lang}` không phải là một ngôn ngữ dịch của trang.",
                         "chọn một trong: " + ", ".join(f"`{c}`" for c in codes) + ".")
    known = {p.id for p in site.catalog.procedures}
    for procedure_id in ids:
        if procedure_id not in known:
            problems.add("", 0, procedure_id, f"không có thủ tục `{procedure_id}` trong danh mục.")


def summaries(site: Site, items: list[Status]) -> list[LanguageSummary]:
    """One summary per language present in `items`, in configured order."""
    names = {language.code: language.name for language in site.profile.languages}
    result = []
    for lang in dict.fromkeys(item.lang for item in items):
        mine = [item for item in items if item.lang == lang]
        strings = strings_for(site, lang)
        result.append(LanguageSummary(
            lang=lang, name=names.get(lang, lang),
            complete=sum(item.state == "complete" for item in mine),
            partial=sum(item.state == "partial" for item in mine),
            missing=sum(item.state == "missing" for item in mine),
            stale=sum(bool(item.stale) for item in mine),
            draft=sum(item.review == "draft" for item in mine),
            missing_strings=tuple(strings.missing), total_strings=len(strings.fallback),
            missing_category_names=tuple(category.id for category, _ in site.categories()
                                         if not category.names.get(lang))))
    return result


def needing_work(items: list[Status]) -> list[Status]:
    """Procedures with something missing, stale or unreviewed, worst first."""
    todo = [item for item in items if item.work or item.review == "draft"]
    return sorted(todo, key=lambda item: (-item.work, item.review != "draft", item.id))


