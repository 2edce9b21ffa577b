"""Structured data for search engines: a procedure page as a schema.org `WebPage` about a
`GovernmentService`.

Search engines and assistants read it to answer "how do I register a birth in X" with the
commune's own page, fee and phone. The JSON goes inside a `<script>` element, so it is written
with `<`, `>` and `&` escaped: catalog text can never close the element or become markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from generator.model import Channel
from generator.safe_text import json_text
from generator.translate.resolve import Localized
from generator.urls import procedure_src

if TYPE_CHECKING:  # the templates, which PageContext holds, use `script_json`
    from generator.render.context import PageContext

# Durations written as "5 ngày làm việc", "3 working days", "4 giờ": number and unit.
_DURATION = re.compile(r"(\d+)\s*(?:\w+\s+)?(ngày|days?|giờ|hours?|tháng|months?)\b",
                       re.IGNORECASE)
_SAME_DAY = re.compile(r"trong ngày|same day", re.IGNORECASE)
_UNITS = {"ngày": "D", "day": "D", "days": "D", "tháng": "M", "month": "M", "months": "M"}


def iso_duration(text: str) -> str:
    """An ISO 8601 duration (`P5D`, `PT4H`) read from a duration text, or "" if unsure."""
    match = _DURATION.search(text)
    if match:
        number, unit = int(match.group(1)), match.group(2).lower()
        return f"P{number}{_UNITS[unit]}" if unit in _UNITS else f"PT{number}H"
    return "P1D" if _SAME_DAY.search(text) else ""


# "Ủy ban nhân dân xã Mẫu" is the office; the area it serves is "xã Mẫu".
_OFFICE_PREFIX = re.compile(r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+", re.IGNORECASE)


def area_name(office: str) -> str:
    """The commune (or province) an office serves, read from the office's name."""
    return _OFFICE_PREFIX.sub("", office).strip() or office


def government_service(loc: Localized, ctx: PageContext) -> dict[str, Any]:
    """The procedure as a schema.org `GovernmentService`, without empty fields.

    The office that receives it is the `provider`; the commune is the `areaServed`.
    """
    proc, profile, t = loc.procedure, ctx.profile, ctx.strings.t
    office, address = ctx.office(proc)
    provider = {"@type": "GovernmentOffice", "name": office, "address": address,
                "telephone": profile.phone, "email": profile.email, "hasMap": profile.map_url}
    location = {"@type": "Place", "name": office, "address": address, "hasMap": profile.map_url}
    phone = {"@type": "ContactPoint", "telephone": profile.phone} if profile.phone else None

    def channel(entry: Channel) -> dict[str, Any]:
        url = (proc.online.url if proc.online else "") or profile.portal_url
        return {"@type": "ServiceChannel", "name": t("channel_" + entry.type),
                "serviceLocation": location if entry.type != "online" else None,
                "servicePhone": phone,
                "serviceUrl": url if entry.type == "online" else "",
                "processingTime": iso_duration(entry.duration or proc.duration),
                "description": entry.note}

    # A procedure without listed channels is still done at the commune's office.
    channels = proc.channels or (Channel(type="direct"),)
    online_url = proc.online.url if proc.online and proc.online.url else ""
    return {
        "@type": "GovernmentService",
        "name": proc.title,
        "description": proc.summary,
        "identifier": proc.code,
        "serviceType": ctx.category_name(proc.category),
        "provider": provider,
        "areaServed": {"@type": "AdministrativeArea", "name": area_name(profile.name)},
        "audience": {"@type": "Audience", "audienceType": "; ".join(proc.applicants)},
        "availableChannel": [channel(entry) for entry in channels],
        "offers": [{"@type": "Offer", "name": fee.name, "price": fee.amount,
                    "priceCurrency": "VND", "description": fee.note} for fee in proc.fees],
        "sameAs": online_url,
    }


def procedure_page(loc: Localized, ctx: PageContext) -> dict[str, Any]:
    """The JSON-LD object of one procedure page: a `WebPage` (its language, when it was last
    checked) whose `mainEntity` is the procedure. Language and date are properties of a
    page (CreativeWork), not of a GovernmentService."""
    proc = loc.procedure
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": proc.title,
        "description": proc.summary,
        "url": _page_address(loc, ctx),
        "inLanguage": loc.lang,
        "dateModified": proc.updated.isoformat(),
        "mainEntity": government_service(loc, ctx),
    }
    pruned: dict[str, Any] = _pruned(data)
    return pruned


def _page_address(loc: Localized, ctx: PageContext) -> str:
    return ctx.absolute(procedure_src(loc.procedure.id)) if ctx.profile.site_url else ""


def _pruned(value: Any) -> Any:
    """`value` without empty strings, lists, None and objects left with only their type."""
    if isinstance(value, dict):
        kept = {k: _pruned(v) for k, v in value.items()}
        kept = {k: v for k, v in kept.items() if v not in ("", None, [], {})}
        return kept if set(kept) - {"@type", "@context"} else {}
    if isinstance(value, list):
        return [item for item in map(_pruned, value) if item not in ("", None, [], {})]
    return value


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to put between `<script>` and `</script>` (no `<`, `>` or `&` left)."""
    text = json_text(data, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
