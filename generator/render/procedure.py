"""The procedure page, written for a citizen: what it is, what to bring, where, how, how much.

The markup is the template `templates/procedure.html`; this module gives it the procedure and
a `ProcedureView`: what the template asks of the site (links, the commune's office, which
texts are shown in Vietnamese, the notices a translation needs).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from generator.first_screen import (
    FIRST_SCREEN_LETTERS,
    first_clause,
    shortened_document,
    shortened_duration,
    shortened_fee,
    shortened_title,
)
from generator.load.strings import Text, joined
from generator.model import Channel, Document, Fee, LocalOverride
from generator.names import PhoneNumber
from generator.render.context import PageContext, RenderedPage
from generator.render.events import event_src
from generator.render.glossary_marks import TermLinker
from generator.render.jsonld import procedure_page
from generator.render.listen import LISTEN_ICON
from generator.render.pictograms import beside_name, icon_svg, pictogram_svg
from generator.render.qr import short_address
from generator.translate.resolve import Localized
from generator.urls import GLOSSARY_SRC, poster_path, procedure_src, qr_path


@dataclass(frozen=True)
class Notice:
    """A small inline notice; `lang` when its text is not in the page's language."""

    kind: str
    text: str
    lang: str = ""


@dataclass(frozen=True)
class Part:
    """A piece of a line of text; `lang` when it is not in the page's language."""

    text: str
    lang: str = ""


@dataclass(frozen=True)
class Line:
    """One line of an answer: its pieces; `case` when it holds only in some case (a fee
    paid only for copies), shown smaller under what holds for everyone."""

    parts: tuple[Part, ...]
    case: bool = False

    @classmethod
    def of(cls, *parts: Part, case: bool = False) -> Line:
        """A line of `parts`, neighbours in one language joined: punctuation between two
        pieces of one language belongs to it (`Nếu cần bản sao: 8.000 đồng` is one piece)."""
        langs = [p.lang for p in parts]
        for i, part in enumerate(parts):
            if _punctuation(part) and 0 < i < len(parts) - 1 and langs[i - 1] == langs[i + 1]:
                langs[i] = langs[i - 1]
        joined: list[Part] = []
        for part, lang in zip(parts, langs, strict=True):
            if joined and joined[-1].lang == lang:
                joined[-1] = Part(joined[-1].text + part.text, lang)
            else:
                joined.append(Part(part.text, lang))
        return cls(tuple(joined), case)


@dataclass(frozen=True)
class Fact:
    """One entry of the answer box under the title: a label and its lines."""

    key: str  # names its row for styles and tests: tt-facts__KEY
    label: str
    lines: tuple[Line, ...]
    lang: str = ""
    more: str = ""  # the section below that says it all, when the lines shorten it


@dataclass(frozen=True)
class Bring:
    """A document named on the first screen: its name and how many of it."""

    name: str
    counts: str
    lang: str = ""
    cut: bool = False  # the name is too long for the first screen: its first words only


# Documents named on the first screen: at most this many, and no more once their names
# reach first_screen.FIRST_SCREEN_LETTERS letters, the first always (cut to that length);
# the checklist below has every one of them.
FIRST_SCREEN_DOCUMENTS = 6
# A fee's aside on the first screen ("mỗi bản sao") is left to the fees section below when
# its first clause is longer than this: there it is read whole, not as a cut sentence.
FIRST_SCREEN_ASIDE = 30
# A title longer than this (in letters) is set smaller on a phone.
LONG_TITLE = 120


@dataclass(frozen=True)
class Link:
    """A link to another page; `lang` when its text is not in the page's language."""

    href: str
    text: str
    lang: str = ""
    icon: Markup = Markup("")  # a category's or life event's icon, drawn before the text


@dataclass(frozen=True)
class ReviewState:
    """The commune's check of a procedure, as the answer box says it."""

    kind: str  # needed | done | overdue
    text: Text
    source: str = ""  # the national record, for a text nobody at the commune has checked


def _punctuation(part: Part) -> bool:
    """Whether a piece is only the punctuation between others (`: `, ` (`), in no language."""
    return not part.text.strip(" ():")


def _one_language(fact: Fact) -> Fact:
    """`fact` with the language its pieces share said once, on the whole answer (an
    untranslated page's Vietnamese fees); pieces in several languages keep their own."""
    langs = {part.lang for line in fact.lines for part in line.parts if not _punctuation(part)}
    if len(langs) != 1:
        return fact
    lines = tuple(Line(tuple(Part(p.text) for p in line.parts), line.case) for line in fact.lines)
    return Fact(fact.key, fact.label, lines, langs.pop())


def _day(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@dataclass(frozen=True)
class QrLinks:
    """The page's own QR code: its address and where its files are, relative to the page."""

    url: str
    short: str
    svg: str
    png: str
    poster: str


# Sections of the page (by anchor) that may have a recording of their own.
SECTION_PARTS = {"ho-so": "documents", "noi-nop": "where", "cac-buoc": "steps"}


@dataclass(frozen=True)
class ListenView:
    """The "Nghe" player at the top of the page: the recording, its length, what to know."""

    href: str
    media_type: str
    length: str  # 0:42
    lang: str  # the recording's language when it is not the page's, else ""
    notes: tuple[Notice, ...]  # in Vietnamese, machine voice, may be out of date


@dataclass(frozen=True)
class ProcedureView:
    """What the procedure template needs besides the procedure itself."""

    loc: Localized
    ctx: PageContext
    src: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "src", procedure_src(self.loc.procedure.id))

    def lang(self, field_name: str, index: int | None = None, sub: str = "") -> str:
        """The source language's code when this text is shown untranslated, else ""."""
        loc = self.loc
        if loc.is_source:
            return ""
        shown_in_source = (loc.untranslated(field_name, index, sub) if index is not None
                           else field_name in loc.missing)
        return loc.source_lang if shown_in_source else ""

    @property
    def page_notice(self) -> Notice | None:
        """The one notice of a translated page that is not all translated, reviewed and up to
        date: said once, at the top, in the page's interface language (all of it in
        Vietnamese when that language lacks one of its sentences), with a link to the
        Vietnamese page. At most about 30 words, whatever the page lacks."""
        loc = self.loc
        keys = [key for key, applies in (("notice_untranslated", bool(loc.missing)),
                                         ("notice_draft", loc.draft),
                                         ("notice_stale", bool(loc.stale))) if applies]
        if loc.is_source or not keys:
            return None
        strings = self.ctx.strings
        lang = strings.lang_of(*keys)
        text = " ".join(strings.fallback[key] if lang else strings.t(key) for key in keys)
        kind = "untranslated" if loc.missing else "draft" if loc.draft else "stale"
        return Notice(kind, text, lang)

    @property
    def source_link(self) -> dict[str, str]:
        """The same page in the source language (href, lang, text)."""
        return {"href": self.ctx.source_language_link(self.src), "lang": self.loc.source_lang,
                "text": self.ctx.strings.t("read_in_vietnamese")}

    def _notice(self, kind: str, key: str) -> Notice:
        text = self.ctx.strings.t(key)
        return Notice(kind, text, text.lang)

    @cached_property
    def listen(self) -> ListenView | None:
        """The recording of the whole guide this page offers, if any (see `render.listen`)."""
        return self.part_listen("")

    def section_listen(self, anchor: str) -> ListenView | None:
        """The recording of one section (by its anchor), if any."""
        part = SECTION_PARTS.get(anchor)
        return self.part_listen(part) if part else None

    def part_listen(self, part: str) -> ListenView | None:
        offered = self.ctx.listen.get((self.loc.procedure.id, part))
        if offered is None:
            return None
        other = offered.lang != self.ctx.strings.lang
        notes = [self._notice("language", "listen_in_vietnamese")] if other else []
        notes += [self._notice("machine", "listen_machine")] if offered.machine else []
        notes += [self._notice("stale", "listen_stale")] if offered.stale else []
        return ListenView(self.ctx.root_link(self.src, offered.path), offered.media_type,
                          offered.length, offered.lang if other else "", tuple(notes))

    @property
    def listen_icon(self) -> Markup:
        return icon_svg(LISTEN_ICON, css_class="tt-listen__icon")

    def pictogram(self, index: int) -> Markup:
        """The pictogram of the document at `index` (chosen from its Vietnamese name)."""
        pictures = self.ctx.pictures.get(self.loc.procedure.id, ())
        chosen = pictures[index] if index < len(pictures) else None
        return pictogram_svg(chosen, self.ctx.strings.lang, self.ctx.profile.source_language)

    @property
    def title(self) -> str:
        """The title as the page's heading shows it (first_screen.shortened_title)."""
        return shortened_title(self.loc.procedure.title)

    @property
    def long_title(self) -> bool:
        """Whether the title is long enough (a land procedure's 40 words) to be set smaller,
        so that it does not fill a phone's first screen on its own."""
        return len(self.loc.procedure.title) > LONG_TITLE

    @cached_property
    def always(self) -> tuple[tuple[int, Document], ...]:
        """The documents needed in every case, with their place in the catalog's list."""
        return self.loc.procedure.documents_always()

    @cached_property
    def sometimes(self) -> tuple[tuple[int, Document], ...]:
        """The documents needed only in some case (`when`), shown under "Chỉ cần khi…"."""
        return tuple((i, d) for i, d in enumerate(self.loc.procedure.documents) if d.when)

    @cached_property
    def bring(self) -> tuple[Bring, ...]:
        """The documents named on the first screen: the first of those needed in every case,
        as many as fit FIRST_SCREEN_DOCUMENTS and FIRST_SCREEN_LETTERS (a land procedure's
        eleven long names would push where, how long and how much off the screen)."""
        shown: list[Bring] = []
        letters = 0
        for i, doc in self.always[:FIRST_SCREEN_DOCUMENTS]:
            name = shortened_document(doc.name)  # the checklist below has it whole
            letters += len(name)
            if shown and letters > FIRST_SCREEN_LETTERS:
                break
            shown.append(Bring(name, self.counts(doc), self.lang("documents", i, "name"),
                               name != doc.name))
        return tuple(shown)

    @property
    def bring_more(self) -> int:
        """How many documents needed in every case the first screen leaves to the checklist."""
        return len(self.always) - len(self.bring)

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """How long, how much, what you get (what to bring and where come first)."""
        proc, strings = self.loc.procedure, self.ctx.strings
        # A long duration shows its first clause ("Ngay trong ngày làm việc"), with a link to
        # the section that says it all.
        duration = shortened_duration(proc.duration)
        found = [Fact("duration", strings.t("duration"),
                      (Line((Part(duration),)),), self.lang("duration"),
                      "thoi-gian" if duration != proc.duration else "")]
        if proc.fees:
            fees = _one_language(Fact("fees", strings.t("fees"), self.fee_lines))
            found.append(Fact(fees.key, fees.label, fees.lines, fees.lang,
                              "le-phi" if self._asides_left else ""))
        elif self.channel_fee_lines:
            fees = _one_language(Fact("fees", strings.t("fees"), self.channel_fee_lines))
            cut = any(shortened_fee(c.fee) != c.fee for c in proc.channels)
            found.append(Fact(fees.key, fees.label, fees.lines, fees.lang,
                              "cach-nop" if cut else ""))
        found.append(Fact("result", strings.t("result"), (Line((Part(proc.result),)),),
                          self.lang("result")))
        return tuple(found)

    @cached_property
    def fees(self) -> tuple[tuple[int, Fee], ...]:
        """The fees everyone pays, then those paid only in some case (`when`), each with its
        place in the catalog's list."""
        fees = enumerate(self.loc.procedure.fees)
        return tuple(sorted(fees, key=lambda item: bool(item[1].when)))

    @cached_property
    def fee_lines(self) -> tuple[Line, ...]:
        """Fees as people read them: first what everyone pays (the fees without `when`: one
        is its amount alone, "Miễn phí" when 0; several are each named), then each fee paid
        only in some case, led by that case: "Nếu cần bản sao: 8.000 đồng (mỗi bản)".
        Never a range ("Miễn phí – 8.000 đồng" reads as "free to 8,000"), and no guess
        about which fee everyone pays when the catalog does not say. Each piece says its
        language when it is shown untranslated (a Vietnamese fee name on an English page),
        so a line mixes them correctly."""
        always = [(i, fee) for i, fee in self.fees if not fee.when]
        if len(always) == 1 or always and not any(fee.amount for _, fee in always):
            # One fee, or several that are all free: what everyone pays is that amount.
            lines = [Line.of(self.money_part(always[0][1].amount))]
        else:
            # Three named fees or more, each long ("Lệ phí đăng ký tạm trú (cá nhân, hộ gia
            # đình, nộp trực tuyến)"), leave their asides to the fees section.
            asides = len(always) <= 2
            lines = [Line.of(self._fee_text(i, "name", fee.name),
                             *(self._aside(i, fee.note) if asides else ()),
                             Part(": "), self.money_part(fee.amount)) for i, fee in always]
        lines += [Line.of(self._fee_text(i, "when", fee.when[:1].upper() + fee.when[1:]),
                          Part(": "), self.money_part(fee.amount), *self._aside(i, fee.note),
                          case=True)
                  for i, fee in self.fees if fee.when]
        return tuple(lines)

    @cached_property
    def channel_fee_lines(self) -> tuple[Line, ...]:
        """Without `fees`, what the ways of applying say they cost (an imported record gives
        each its "Miễn phí" or "Theo mức do Hội đồng nhân dân tỉnh quyết định"): one line
        when they all say the same, else one per way ("Nộp trực tuyến: Miễn phí"); each
        text by its first clause, as the duration is."""
        channels = [c for c in self.loc.procedure.channels if c.fee]
        if len({c.fee for c in channels}) == 1:
            return (Line.of(self._channel_fee(channels[0].fee)),)
        labels = [self.ctx.strings.t(f"channel_{c.type}") for c in channels]
        return tuple(Line.of(Part(label, label.lang), Part(": "), self._channel_fee(c.fee))
                     for label, c in zip(labels, channels, strict=True))

    def _channel_fee(self, text: str) -> Part:
        """A way of applying's fee (not translatable: in the source language), "Miễn phí"
        as the page's language says it."""
        if text.strip().rstrip(".").lower() == self.ctx.strings.fallback["free"].lower():
            return self.money_part(0)
        return Part(shortened_fee(text), self._source_only_lang)

    @property
    def _asides_left(self) -> bool:
        """Whether the first screen leaves a fee's note to the fees section, all or part."""
        shown = "".join(part.text for line in self.fee_lines for part in line.parts)
        return any(fee.note.strip().rstrip(".").lower() not in shown.lower()
                   for fee in self.loc.procedure.fees if fee.note)

    def money_part(self, amount: int) -> Part:
        """An amount as the page writes it ("8.000 đồng", "Miễn phí"), marked Vietnamese
        when the page's language has no words of its own for it."""
        text = self.ctx.strings.money(amount)
        return Part(text, text.lang)

    def _fee_text(self, index: int, sub: str, text: str) -> Part:
        return Part(text, self.lang("fees", index, sub))

    def _aside(self, index: int, note: str) -> tuple[Part, ...]:
        """` (mỗi bản)`: the first clause of a fee's note as an aside (it says what the
        amount is for: a copy, a page), the whole note staying in the fees section below;
        none without a note or when that clause is long (FIRST_SCREEN_ASIDE)."""
        note = first_clause(note)
        if not note or len(note) > FIRST_SCREEN_ASIDE:
            return ()
        return Part(" ("), self._fee_text(index, "note", note[:1].lower() + note[1:]), Part(")")

    @property
    def office(self) -> Text:
        """The office that receives the application: the procedure's own agency (its text
        may be translated), or the commune's, in the commune's words."""
        office = self.ctx.office(self.loc.procedure)[0]
        own_agency = office == self.loc.procedure.agency
        return Text(office, self.lang("agency") if own_agency else self._source_only_lang)

    @property
    def agency(self) -> Text:
        """The procedure's own agency, as translated or shown in the source language."""
        return Text(self.loc.procedure.agency, self.lang("agency"))

    @property
    def address(self) -> Text:
        return Text(self.ctx.office(self.loc.procedure)[1], self._source_only_lang)

    @property
    def hours(self) -> tuple[Text, ...]:
        return tuple(Text(hours, self._source_only_lang) for hours in self.ctx.profile.hours)

    @property
    def _source_only_lang(self) -> str:
        """The language of words written in the source language only (the commune's profile
        and local overrides, a way of applying's fee): its code on another language's page,
        else ""."""
        return "" if self.loc.is_source else self.loc.source_lang

    @property
    def phone(self) -> str:
        return self.ctx.profile.phone

    @property
    def phones(self) -> tuple[PhoneNumber, ...]:
        """The numbers of the profile's phone, each with its own "Gọi điện" button (`dial`
        for `tel:`; an extension is shown in `shown`, never dialled)."""
        return self.ctx.profile.phones

    @property
    def map_url(self) -> str:
        return self.ctx.profile.map_url

    @property
    def local(self) -> LocalOverride:
        """The commune's own notes on this procedure (empty ones when it has none)."""
        return self.ctx.profile.overrides.get(self.loc.procedure.id) or LocalOverride()

    @property
    def online_level(self) -> str:
        """`full` or `partial` when the procedure can be done online, else ""."""
        online = self.loc.procedure.online
        return online.level if online and online.level in ("full", "partial") else ""

    @property
    def submit_url(self) -> str:
        """Where to submit online, when that is possible and a portal page is known."""
        online = self.loc.procedure.online
        return (online.url or self.ctx.profile.portal_url) if self.online_level and online else ""

    @property
    def online_guide(self) -> str:
        """A link to the site's guide to submitting online, when the site has one."""
        return self.ctx.link(self.src, self.ctx.online_guide) if self.ctx.online_guide else ""

    def counts(self, doc: Document) -> Text:
        """"1 bản chính, 2 bản sao", or "" when the catalog gives no numbers."""
        t = self.ctx.strings.t
        counts = [t("originals", count=doc.originals)] if doc.originals else []
        counts += [t("copies", count=doc.copies)] if doc.copies else []
        return joined(", ", counts)

    def form_link(self, doc: Document) -> str:
        return doc.form if "://" in doc.form else self.ctx.file_link(self.src, doc.form)

    @property
    def channel_durations(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.loc.procedure.channels if c.duration)

    @property
    def related(self) -> tuple[Link, ...]:
        """Links to the related procedures this site publishes."""
        ctx = self.ctx
        return tuple(Link(ctx.procedure_link(self.src, pid), ctx.titles[pid],
                          ctx.procedure_source_lang(pid, "title"))
                     for pid in self.loc.procedure.related if pid in ctx.titles)

    @property
    def browse(self) -> tuple[Link, ...]:
        """The procedure's category and life events, each with its icon: the pages that list
        it with the procedures people need beside it."""
        ctx, proc = self.ctx, self.loc.procedure
        category = ctx.categories[proc.category]
        found = [Link(ctx.category_link(self.src, category.id), ctx.category_name(category.id),
                      ctx.category_source_lang(category.id), beside_name(category.icon))]
        for event in (ctx.events[e] for e in proc.events if e in ctx.events):
            found.append(Link(ctx.link(self.src, event_src(event.id)),
                              event.name_in(ctx.strings.lang), ctx.event_source_lang(event),
                              beside_name(event.icon)))
        return tuple(found)

    @cached_property  # the page shows the code, its address and the notice's link
    def qr(self) -> QrLinks:
        ctx, pid = self.ctx, self.loc.procedure.id
        url = ctx.absolute(self.src)
        return QrLinks(url=url, short=short_address(url),
                       svg=ctx.site_link(self.src, qr_path(pid, "svg")),
                       png=ctx.site_link(self.src, qr_path(pid, "png")),
                       poster=ctx.site_link(self.src, poster_path(pid)))

    @property
    def review(self) -> ReviewState | None:
        """What a citizen must know about the commune's check of this text, if anything:
        not checked yet (with the national record), checked on a date by someone, or past
        the date by which it should have been checked again."""
        proc, t = self.loc.procedure, self.ctx.strings.t
        if proc.review_due and proc.review_overdue(self.ctx.today):
            return ReviewState("overdue", t("review_overdue", date=_day(proc.review_due)))
        if proc.review == "needed":
            url = proc.provenance.url if proc.provenance else ""
            return ReviewState("needed", t("review_needed"), url)
        if proc.reviewed:
            by = t("reviewed_by", by=proc.reviewed.by) if proc.reviewed.by else ""
            text = t("reviewed", date=_day(proc.reviewed.date), by=by).rstrip()
            lang = self.ctx.strings.lang_of("reviewed", *(["reviewed_by"] if by else []))
            return ReviewState("done", Text(text, lang))
        return None

    @property
    def footer(self) -> Text:
        """The date of the last update, and the national code when there is one."""
        proc, strings = self.loc.procedure, self.ctx.strings
        parts = [strings.date(proc.updated)]
        if proc.code:
            parts.append(strings.t("code", code=proc.code))
        return joined(" · ", parts)


def render_procedure(loc: Localized, ctx: PageContext,
                     terms: TermLinker | None = None) -> RenderedPage:
    """The whole page of one procedure in one language, with glossary `terms` marked."""
    proc, view = loc.procedure, ProcedureView(loc, ctx)
    glossary = terms.page(ctx.link(view.src, GLOSSARY_SRC)) if terms else None
    head = ctx.templates.render("procedure-head.html", data=procedure_page(loc, ctx))
    return ctx.page("procedure.html", view.src, Text(proc.title, view.lang("title")),
                    meta={"description": proc.summary}, head=head, proc=proc, view=view,
                    money=ctx.strings.money, glossary=glossary)
