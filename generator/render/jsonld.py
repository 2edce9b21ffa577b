"""Structured data for search engines: a procedure page as a schema.org `WebPage` about a
`GovernmentService`.

Search engines and assistants read it to answer "how do I register a birth in X" with the
commune's own page, fee and phone. The JSON goes inside a `<script>` element, so it is written
with `<`, `>` and `&` escaped: catalog text can never close the element or become markup.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from generator import registry
from generator.model import Channel, Fields, Procedure
from generator.registry import Field
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


# The properties of a GovernmentService in the order they are written. The field registry says
# which procedure field states each (`Field.schema`); the profile states `provider` and
# `areaServed`. A property that is not listed here is written after these.
SERVICE_PROPERTIES = ("name", "description", "identifier", "serviceType", "provider",
                      "areaServed", "audience", "availableChannel", "offers", "sameAs")
# Properties of the page (a CreativeWork), not of a GovernmentService.
PAGE_PROPERTIES = ("dateModified",)


def government_service(loc: Localized, ctx: PageContext) -> dict[str, Any]:
    """The procedure as a schema.org `GovernmentService`, without empty fields.

    The office that receives it is the `provider`; the commune is the `areaServed`.
    """
    proc, profile = loc.procedure, ctx.profile
    office, address = ctx.office(proc)
    stated = {field.schema: _property(field, proc.value(field.key), proc, ctx)
              for field in registry.fields()
              if field.schema and field.schema not in PAGE_PROPERTIES}
    stated["provider"] = {"@type": "GovernmentOffice", "name": office, "address": address,
                          "telephone": profile.phone, "email": profile.email,
                          "hasMap": profile.map_url}
    stated["areaServed"] = {"@type": "AdministrativeArea", "name": area_name(profile.name)}
    ordered = [name for name in SERVICE_PROPERTIES if name in stated]
    return {"@type": "GovernmentService",
            **{name: stated[name] for name in [*ordered, *(set(stated) - set(ordered))]}}


def _property(field: Field, value: Any, proc: Procedure, ctx: PageContext) -> Any:
    """The value of the schema.org property `field.schema` that states `value`."""
    name = field.schema
    if name == "serviceType":
        return ctx.category_name(value)
    if name == "audience":
        return {"@type": "Audience", "audienceType": "; ".join(value)}
    if name == "availableChannel":
        # A procedure without listed channels is still done at the commune's office.
        return [_channel(entry, proc, ctx) for entry in value or (Channel(type="direct"),)]
    if name == "sameAs":
        return value.url if value else ""
    if name == "offers":
        return [{"@type": "Offer", **_item(field, item)} for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "; ".join(value) if isinstance(value, tuple) else value


def _item(field: Field, item: Fields) -> dict[str, Any]:
    """One item's properties, by the schema.org property of each item field (an amount in
    đồng also says its currency)."""
    stated: dict[str, Any] = {}
    for sub in field.fields:
        if sub.schema:
            stated[sub.schema] = item.value(sub.key)
            if sub.kind == "amount":
                stated["priceCurrency"] = "VND"
    return stated


def _channel(entry: Channel, proc: Procedure, ctx: PageContext) -> dict[str, Any]:
    """One way of handing the file in as a schema.org `ServiceChannel`: where (the office),
    how to call, the online portal, and how long it takes that way."""
    profile, online = ctx.profile, entry.type == "online"
    office, address = ctx.office(proc)
    location = {"@type": "Place", "name": office, "address": address, "hasMap": profile.map_url}
    url = (proc.online.url if proc.online else "") or profile.portal_url
    return {"@type": "ServiceChannel", "name": ctx.strings.t("channel_" + entry.type),
            "serviceLocation": location if not online else None,
            "servicePhone": {"@type": "ContactPoint", "telephone": profile.phone}
            if profile.phone else None,
            "serviceUrl": url if online else "",
            "processingTime": iso_duration(entry.duration or proc.duration),
            "description": entry.note}


def procedure_page(loc: Localized, ctx: PageContext) -> dict[str, Any]:
    """The JSON-LD object of one procedure page: a `WebPage` (its language, when it was last
    checked) whose `mainEntity` is the procedure. Language and date are properties of a
    page (CreativeWork), not of a GovernmentService; its name and description are the
    service's."""
    proc = loc.procedure
    service = government_service(loc, ctx)
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": service.get("name", ""),
        "description": service.get("description", ""),
        "url": _page_address(loc, ctx),
        "inLanguage": loc.lang,
        **{field.schema: _property(field, proc.value(field.key), proc, ctx)
           for field in registry.fields() if field.schema in PAGE_PROPERTIES},
        "mainEntity": service,
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
