"""A short English description of what a claim counts, built from its kind, actor, place and noun."""

from __future__ import annotations


def _in(location: str | None) -> str:
    return f" in {location}" if location else ""


def claim_subject(kind: str, actor: str | None, location: str | None, noun: str | None) -> str:
    group = actor if actor and actor != "civilians" else None
    if kind == "fighters":
        return f"{group} fighters{_in(location)}" if group else f"fighters{_in(location)}"
    if kind == "civilians":
        return f"civilians{_in(location)}"
    if kind == "casualties":
        return f"people killed{_in(location)}"
    if kind == "displaced":
        return f"people displaced{_in(location)}"
    if kind == "control_share":
        where = location or "the territory"
        return f"share of {where} controlled by {group}" if group else f"share of {where} under control"
    if kind == "area":
        held = f" held by {group}" if group else ""
        return f"area of territory{held}{_in(location)}"
    if kind == "distance":
        return f"distance from {location}" if location else "distance"
    if kind == "duration" and noun:
        # "duration of the siege of Deir ez-Zor by Islamic State": noun is the state that lasts
        of = f" of {location}" if location else ""
        by = f" by {group}" if group else ""
        return f"duration of the {noun}{of}{by}"
    if kind == "duration":
        by = f" involving {group}" if group else ""
        return f"duration{by}{_in(location)}"
    if kind == "ratio":
        of = f" of {group}" if group else ""
        return f"ratio{of}{_in(location)}"
    things = noun or "items"
    by = f" held or taken by {group}" if group else ""
    return f"{things}{by}{_in(location)}"
