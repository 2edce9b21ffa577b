"""The procedure page, written for a citizen: what it is, what to bring, where, how, how much."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Procedure
from generator.render.context import PageContext, RenderedPage, TocEntry, notice, section
from generator.render.jsonld import jsonld_element
from generator.render.qrblock import render_qr_section
from generator.render.richtext import escape, markdown_to_html
from generator.translate.resolve import Localized
from generator.urls import procedure_src

# (anchor, title key, field that decides whether it is shown and translated, body renderer)
SectionRenderer = Callable[[Localized, PageContext, str], str]


def render_procedure(loc: Localized, ctx: PageContext) -> RenderedPage:
    """The whole page of one procedure in one language."""
    proc = loc.procedure
    src = procedure_src(proc.id)
    parts = [_header(loc, ctx)]
    toc = []
    for anchor, title_key, field, body in SECTIONS:
        html = body(loc, ctx, src)
        if not html:
            continue
        title = ctx.strings.t(title_key)
        parts.append(section(anchor, title, html, _translation_notice(loc, ctx, field)))
        toc.append(TocEntry(anchor, title))
    parts.append(_footer(proc, ctx))
    return RenderedPage(src=src, title=proc.title, html="\n".join(parts), toc=tuple(toc),
                        meta={"description": proc.summary, "category": proc.category},
                        head=jsonld_element(loc, ctx))


def _header(loc: Localized, ctx: PageContext) -> str:
    proc = loc.procedure
    notices = []
    if loc.draft:
        notices.append(_notice("draft", "draft_translation", ctx))
    if loc.stale:
        notices.append(_notice("stale", "stale_page", ctx))
    if notices:  # one way back to the source text is enough
        notices[-1] = _with_source_link(notices[-1], loc, ctx)
    title_notice = _translation_notice(loc, ctx, "title")
    return (f'<h1 id="tt-tieu-de"{_lang(loc, "title")}>{escape(proc.title)}</h1>{title_notice}'
            f'<p class="tt-summary"{_lang(loc, "summary")}>{escape(proc.summary)}</p>'
            f'{_translation_notice(loc, ctx, "summary")}{"".join(notices)}\n{_answer(loc, ctx)}')


def _answer(loc: Localized, ctx: PageContext) -> str:
    """The answer first: how long, how much, where, what you get; then what you can do."""
    proc, t = loc.procedure, ctx.strings.t
    facts = [(t("duration"), proc.duration, _lang(loc, "duration"))]
    if proc.fees:
        amounts = sorted({fee.amount for fee in proc.fees})
        ends = amounts[:1] if len(amounts) == 1 else [amounts[0], amounts[-1]]  # lowest – highest
        facts.append((t("fees"), " – ".join(ctx.strings.money(a) for a in ends), ""))
    facts.append((t("office"), ctx.office(proc.id)[0], ""))
    facts.append((t("result"), proc.result, _lang(loc, "result")))
    rows = "\n".join(f"<div><dt>{escape(k)}</dt><dd{lang}>{escape(v)}</dd></div>"
                      for k, v, lang in facts)
    share = (f'<button type="button" class="md-button tt-button tt-share" hidden '
             f'data-done="{escape(t("link_copied"))}">{escape(t("share"))}</button>'
             '<span class="tt-share__status" role="status"></span>')
    actions = "".join([*_contact_buttons(ctx), *_submit_button(loc, ctx), share])
    return f'<dl class="tt-facts">\n{rows}\n</dl>\n<p class="tt-actions">{actions}</p>'


def _contact_buttons(ctx: PageContext) -> list[str]:
    """"Gọi điện" (tel:) and "Chỉ đường" (the map), when the profile has them."""
    profile, t = ctx.profile, ctx.strings.t
    buttons = []
    if profile.phone:
        tel = "".join(ch for ch in profile.phone if ch.isdigit() or ch == "+")
        buttons.append(f'<a class="md-button tt-button" href="tel:{tel}">{escape(t("call"))}</a>')
    if profile.map_url:
        buttons.append(f'<a class="md-button tt-button" href="{escape(profile.map_url)}" '
                       f'rel="noopener">{escape(t("directions"))}</a>')
    return buttons


def _submit_button(loc: Localized, ctx: PageContext) -> list[str]:
    """"Nộp trực tuyến", when the procedure can be done online and a portal page is known."""
    online = loc.procedure.online
    url = (online.url or ctx.profile.portal_url) if online else ""
    if not online or online.level not in ("full", "partial") or not url:
        return []
    return [f'<a class="md-button md-button--primary tt-button tt-submit" href="{escape(url)}" '
            f'rel="noopener">{escape(ctx.strings.t("submit_online"))}</a>']


def _translation_notice(loc: Localized, ctx: PageContext, field: str) -> str:
    """What a reader must know about the translation of one section, in the page language."""
    notices = []
    if field in loc.missing:
        notices.append(_notice("untranslated", "not_translated", ctx))
    elif loc.partly_missing(field):
        notices.append(_notice("untranslated", "partly_translated", ctx))
    if loc.is_stale(field):
        notices.append(_notice("stale", "stale_translation", ctx))
    return "".join(notices)


def _notice(kind: str, key: str, ctx: PageContext) -> str:
    """A notice in the page's language, or marked as Vietnamese when it lacks that string."""
    strings = ctx.strings
    return notice(kind, strings.t(key), "" if strings.is_own(key) else strings.fallback_lang)


def _with_source_link(html: str, loc: Localized, ctx: PageContext) -> str:
    """A page notice followed by a link to the same page in the source language."""
    href = ctx.source_language_link(procedure_src(loc.procedure.id))
    link = (f' <a class="tt-notice__link" href="{href}" hreflang="{loc.source_lang}">'
            f'{escape(ctx.strings.t("read_in_vietnamese"))}</a>')
    return html.removesuffix("</p>") + link + "</p>"


def _lang(loc: Localized, field: str, index: int | None = None, sub: str = "") -> str:
    """A `lang` attribute for text shown in the source language on a translated page."""
    if loc.is_source:
        return ""
    shown_in_source = (loc.untranslated(field, index, sub) if index is not None
                       else field in loc.missing)
    return f' lang="{loc.source_lang}"' if shown_in_source else ""


def _documents(loc: Localized, ctx: PageContext, src: str) -> str:
    t = ctx.strings.t
    items = []
    for index, doc in enumerate(loc.procedure.documents):
        counts = [t("originals", count=doc.originals)] if doc.originals else []
        counts += [t("copies", count=doc.copies)] if doc.copies else []
        extra = f'<span class="tt-doc__count">{escape(", ".join(counts))}</span>' if counts else ""
        if doc.form:
            href = doc.form if "://" in doc.form else ctx.file_link(src, doc.form)
            extra += (f'<a class="tt-doc__form" href="{escape(href)}" download>'
                      f'{escape(t("download_form"))}</a>')
        if doc.note:
            extra += (f'<span class="tt-doc__note"{_lang(loc, "documents", index, "note")}>'
                      f'{escape(doc.note)}</span>')
        box = f"tt-doc-{loc.procedure.id}-{index}"
        items.append(f'<li class="tt-doc"><input type="checkbox" id="{box}">'
                     f'<label for="{box}"{_lang(loc, "documents", index, "name")}>'
                     f'{escape(doc.name)}</label>{extra}</li>')
    # thutuc.js keeps the ticks on the phone (localStorage), keyed by procedure id.
    return (f'<p class="tt-lead">{escape(t("documents_lead"))}</p>'
            f'<ul class="tt-checklist" data-procedure="{loc.procedure.id}">\n'
            + "\n".join(items) + "\n</ul>")


def _where(loc: Localized, ctx: PageContext, src: str) -> str:
    profile, t = ctx.profile, ctx.strings.t
    local = profile.overrides.get(loc.procedure.id)
    office, address = ctx.office(loc.procedure.id)
    rows = [(t("office"), escape(office))]
    if loc.procedure.agency and loc.procedure.agency != office:
        rows[0] = (t("office"), f"{escape(office)}<br>{escape(loc.procedure.agency)}")
    if address:
        rows.append((t("address"), escape(address)))
    if profile.hours:
        rows.append((t("hours"), "<br>".join(escape(h) for h in profile.hours)))
    if profile.phone:
        rows.append((t("phone"), escape(profile.phone)))
    table = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    buttons = _contact_buttons(ctx)
    html = f'<dl class="tt-where">{table}</dl>'
    if buttons:
        html += f'<p class="tt-actions">{"".join(buttons)}</p>'
    if local and local.note:
        html += notice("local", f'{t("local_note")}: {local.note}')
    return html


def _steps(loc: Localized, ctx: PageContext, src: str) -> str:
    items = "\n".join(
        f'<li class="tt-step"><strong class="tt-step__title"{_lang(loc, "steps", i, "title")}>'
        f"{escape(step.title)}</strong>"
        + (f'<div class="tt-step__text"{_lang(loc, "steps", i, "text")}>'
           f"{markdown_to_html(step.text)}</div>" if step.text else "")
        + "</li>"
        for i, step in enumerate(loc.procedure.steps))
    return f'<ol class="tt-steps">\n{items}\n</ol>'


def _duration(loc: Localized, ctx: PageContext, src: str) -> str:
    proc = loc.procedure
    html = f'<p class="tt-duration">{escape(proc.duration)}</p>'
    per_channel = [(c, c.duration) for c in proc.channels if c.duration]
    if per_channel:
        html += "<ul>" + "".join(
            f"<li>{escape(ctx.strings.t('channel_' + c.type))}: {escape(d)}</li>"
            for c, d in per_channel) + "</ul>"
    return html


def _fees(loc: Localized, ctx: PageContext, src: str) -> str:
    fees = loc.procedure.fees
    local = ctx.profile.overrides.get(loc.procedure.id)
    # Fees are often set by each province: the commune's note shows even without amounts.
    local_note = notice("local", f'{ctx.strings.t("local_note")}: {local.fee_note}') \
        if local and local.fee_note else ""
    if not fees:
        return local_note
    rows = "".join(
        f'<li><span class="tt-fee__name"{_lang(loc, "fees", i, "name")}>{escape(fee.name)}'
        "</span>: "
        f'<strong class="tt-fee__amount">{escape(ctx.strings.money(fee.amount))}</strong>'
        + (f'<span class="tt-fee__note"{_lang(loc, "fees", i, "note")}>{escape(fee.note)}</span>'
           if fee.note else "")
        + "</li>"
        for i, fee in enumerate(fees))
    return f'<ul class="tt-fees">{rows}</ul>{local_note}'


def _channels(loc: Localized, ctx: PageContext, src: str) -> str:
    proc, t = loc.procedure, ctx.strings.t
    rows = []
    for channel in proc.channels:
        details = [escape(x) for x in (channel.fee, channel.note) if x]
        rows.append(f'<li class="tt-channel tt-channel--{channel.type}">'
                    f'<strong>{escape(t("channel_" + channel.type))}</strong>'
                    + (f": {' — '.join(details)}" if details else "") + "</li>")
    html = f'<ul class="tt-channels">{"".join(rows)}</ul>' if rows else ""
    online = proc.online
    if online and online.level in ("full", "partial"):
        html += f'<p class="tt-online">{escape(t("online_" + online.level))}</p>'
        html += "".join(f'<p class="tt-actions">{b}{_guide_link(ctx, src)}</p>'
                        for b in _submit_button(loc, ctx))
    return html


def _guide_link(ctx: PageContext, src: str) -> str:
    """A link to the site's step-by-step guide to submitting online, beside the button."""
    if not ctx.online_guide:
        return ""
    return (f'<a class="tt-guide-link" href="{ctx.link(src, ctx.online_guide)}">'
            f'{escape(ctx.strings.t("online_guide"))}</a>')


def _result(loc: Localized, ctx: PageContext, src: str) -> str:
    return f'<p class="tt-result"{_lang(loc, "result")}>{escape(loc.procedure.result)}</p>'


def _applicants(loc: Localized, ctx: PageContext, src: str) -> str:
    return _text_list(loc.procedure.applicants, _lang(loc, "applicants"))


def _conditions(loc: Localized, ctx: PageContext, src: str) -> str:
    text = loc.procedure.conditions
    return (f'<div class="tt-conditions"{_lang(loc, "conditions")}>{markdown_to_html(text)}'
            "</div>" if text else "")


def _faq(loc: Localized, ctx: PageContext, src: str) -> str:
    return "".join(f'<div class="tt-faq"><h3{_lang(loc, "faq", i, "q")}>{escape(item.q)}</h3>'
                   f'{_marked(markdown_to_html(item.a), _lang(loc, "faq", i, "a"))}</div>'
                   for i, item in enumerate(loc.procedure.faq))


def _related(loc: Localized, ctx: PageContext, src: str) -> str:
    links = [f'<li><a href="{ctx.procedure_link(src, pid)}"{ctx.procedure_lang(pid, "title")}>'
             f"{escape(ctx.titles[pid])}</a></li>"
             for pid in loc.procedure.related if pid in ctx.titles]
    return f'<ul class="tt-related">{"".join(links)}</ul>' if links else ""


def _legal(loc: Localized, ctx: PageContext, src: str) -> str:
    if not loc.procedure.legal_basis:
        return ""
    label = ctx.strings.t("legal_basis_show", count=len(loc.procedure.legal_basis))
    return (f'<details class="tt-legal"><summary>{escape(label)}</summary>'
            f"{_text_list(loc.procedure.legal_basis)}</details>")


def _text_list(items: tuple[str, ...], attributes: str = "") -> str:
    return (f"<ul{attributes}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
            if items else "")


def _marked(html: str, attributes: str) -> str:
    """Rendered Markdown, in a `<div>` carrying `attributes` when there are any."""
    return f"<div{attributes}>{html}</div>" if attributes else html


def _footer(proc: Procedure, ctx: PageContext) -> str:
    parts = [escape(ctx.strings.date(proc.updated))]
    if proc.code:
        parts.append(escape(ctx.strings.t("code", code=proc.code)))
    return f'<p class="tt-updated">{" · ".join(parts)}</p>'


SECTIONS: tuple[tuple[str, str, str, SectionRenderer], ...] = (
    ("ho-so", "documents", "documents", _documents),
    ("noi-nop", "where_when", "agency", _where),
    ("cac-buoc", "steps", "steps", _steps),
    ("thoi-gian", "duration", "duration", _duration),
    ("le-phi", "fees", "fees", _fees),
    ("cach-nop", "channels", "channels", _channels),
    ("ket-qua", "result", "result", _result),
    ("doi-tuong", "applicants", "applicants", _applicants),
    ("dieu-kien", "conditions", "conditions", _conditions),
    ("hoi-dap", "faq", "faq", _faq),
    ("lien-quan", "related", "related", _related),
    ("can-cu-phap-ly", "legal_basis", "legal_basis", _legal),
    # `id` is never translated: this section never carries a translation notice.
    ("ma-qr", "qr_title", "id", render_qr_section),
)
