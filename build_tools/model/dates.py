"""Reading review dates written by authors in YAML."""

from __future__ import annotations

import datetime as dt


def parse_date(value: object) -> dt.date | None:
    """A YAML date (`2027-11-01`) or an ISO date string; None when it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def long_date(value: dt.date) -> str:
    """`1 November 2027`: the UK form, spelled out so it cannot be misread."""
    return f"{value.day} {value:%B %Y}"
