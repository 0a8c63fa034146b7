"""How a reply writes a moment in Chinese: ``11月25日 23:59``, ``周一``, ``2小时15分``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def format_duration(left: timedelta) -> str:
    """Whole minutes, rounded up (30 s left is ``1分钟``, not ``0分钟``): 2小时15分 / 45分钟."""
    minutes = -(-left // timedelta(minutes=1))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}小时{minutes}分"
    if hours:
        return f"{hours}小时"
    return f"{minutes}分钟"


def chinese_date(moment: datetime | date) -> str:
    return f"{moment.month}月{moment.day}日"


def chinese_moment(moment: datetime, now: datetime) -> str:
    """``11月25日 23:59``; with the year when it is not this year's."""
    day = chinese_date(moment)
    if moment.year != now.year:
        day = f"{moment.year}年{day}"
    return f"{day} {moment:%H:%M}"


def weekday(moment: datetime | date) -> str:
    return WEEKDAYS[moment.weekday()]
