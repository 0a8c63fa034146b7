"""The lead's report as one self-contained HTML page: tables and inline SVG charts (pygal).

No script, no stylesheet or font from elsewhere: the page opens from a mail attachment with
no network. pygal's tooltips need its JavaScript from a CDN, so they are turned off.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pygal
from pygal.style import Style

from quickreply.core.kpi import QueueTotals
from quickreply.core.share.report import AgentDay, TeamReport, agent_day, sum_totals

FONTS = "'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
_STYLE = Style(font_family=FONTS, background="white", plot_background="white")
TOP_REPLIES = 20
WEEKS_AFTER_DAYS = 35
MAX_AGENT_LINES = 20
WORST_AGENTS = 10
TEAM_LINE = "全队"
# pygal's credits comment (with its address) and its inline config script (only read by the
# tooltip script, which is off): neither belongs in a page a lead mails.
_UNWANTED = re.compile(r"<!--.*?-->|<script\b.*?</script>", re.S)

_CSS = f"""
body {{ font-family: {FONTS}; margin: 24px; color: #222; max-width: 1100px; }}
h1 {{ font-size: 22px; }} h2 {{ font-size: 17px; margin-top: 28px; }}
table {{ border-collapse: collapse; font-size: 13px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; }} td.n {{ text-align: right; }}
th {{ background: #f2f2f2; }} .note {{ color: #666; font-size: 13px; }}
.chart svg {{ width: 100%; height: auto; }}
"""


def _svg(chart: pygal.graph.graph.Graph) -> str:
    svg = _UNWANTED.sub("", chart.render(is_unicode=True))
    return f'<div class="chart">{svg}</div>'


def _config(**kw: object) -> dict[str, object]:
    return {
        "style": _STYLE,
        "js": [],  # the tooltip script would come from a CDN
        "disable_xml_declaration": True,
        "width": 1000,
        "height": 380,
        "legend_at_bottom": True,
        "truncate_legend": 20,
        **kw,
    }


def _bars(rows: int) -> int:
    return 110 + 30 * rows


def _days_axis(days: list[date]) -> dict[str, object]:
    return {
        "x_labels": [d.strftime("%m-%d") for d in days],
        "x_labels_major_every": max(1, len(days) // 12),
        "show_minor_x_labels": False,
        "x_label_rotation": 30,
    }


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="n">{html.escape(c)}</td>'
            if i >= numeric_from
            else f"<td>{html.escape(c)}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _buckets(days: list[date]) -> tuple[list[date], int]:
    """The x axis: days, or weeks (Mondays) over a long range, where a line per agent and day
    would be noise (and pygal slow: every point is an SVG node)."""
    if len(days) <= WEEKS_AFTER_DAYS:
        return days, 1
    return sorted({d - timedelta(days=d.weekday()) for d in days}), 7


@dataclass(frozen=True, slots=True)
class _Points:
    """The agents' days summed per point of the x axis, once for all four response charts."""

    per_agent: dict[str, dict[int, QueueTotals]]
    team: dict[int, QueueTotals]
    overall: dict[str, QueueTotals]  # each agent's whole range


def _points(report: TeamReport, points: list[date], step: int) -> _Points:
    index = {d: i for i, d in enumerate(points)}
    sums: dict[str, dict[int, list[QueueTotals]]] = defaultdict(lambda: defaultdict(list))
    for row in report.agent_days:
        start = row.day - timedelta(days=row.day.weekday()) if step == 7 else row.day
        sums[row.agent][index[start]].append(row.totals)
    team: dict[int, list[QueueTotals]] = defaultdict(list)
    for by_point in sums.values():
        for i, totals in by_point.items():
            team[i].extend(totals)
    return _Points(
        {a: {i: sum_totals(t) for i, t in by_point.items()} for a, by_point in sums.items()},
        {i: sum_totals(t) for i, t in team.items()},
        {a: sum_totals(t for ts in sums[a].values() for t in ts) for a in sums},
    )


def _per_agent_series(
    report: TeamReport,
    summed: _Points,
    points: list[date],
    pick: Callable[[AgentDay], float | None],
    higher_is_worse: bool = False,
) -> dict[str, list[float | None]]:
    """A line per agent; over :data:`MAX_AGENT_LINES` agents, the team's line and the
    :data:`WORST_AGENTS` agents worst on this figure over the range (200 lines are no chart,
    and pygal's time grows with lines times options)."""
    agents = sorted(summed.per_agent)
    series: dict[str, list[float | None]] = {}
    if len(agents) > MAX_AGENT_LINES:
        team = summed.team
        series[TEAM_LINE] = [
            pick(agent_day(TEAM_LINE, d, team[i])) if i in team else None
            for i, d in enumerate(points)
        ]
        overall = {a: pick(agent_day(a, report.end, summed.overall[a])) for a in agents}
        rated = sorted((v, a) for a, v in overall.items() if v is not None)
        worst = rated[-WORST_AGENTS:] if higher_is_worse else rated[:WORST_AGENTS]
        agents = sorted(a for _, a in worst)
    for agent in agents:
        values: list[float | None] = [None] * len(points)
        for i, totals in summed.per_agent[agent].items():
            values[i] = pick(agent_day(agent, points[i], totals))
        series[agent] = values
    return series


def render_page(
    report: TeamReport,
    tables: Mapping[str, tuple[list[str], list[list[str]]]],
    group_of: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    title: str = "团队报表",
) -> str:
    """The page: charts first, then ``tables`` (heading -> (headers, rows)) in order."""
    days = sorted({d.day for d in report.agent_days} | set(report.adoption))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)} {report.start} – {report.end}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)} {report.start} – {report.end}</h1>",
        f'<p class="note">{report.files}  份客服日报（每人每天一份），{len(report.versions)} 位客服'
        + (f"，跳过 {len(report.skipped)} 个无法读取的文件" if report.skipped else "")
        + "</p>",
    ]
    if report.replies:
        if group_of:
            by_group: dict[str, int] = defaultdict(int)
            for r in report.replies:
                # The top level (售后 of 售后/退款): a lead's groups, not every sub-folder.
                by_group[group_of.get(r.snippet_id, "（不在话术库中）").split("/")[0]] += r.uses
            ordered = sorted(by_group.items(), key=lambda kv: kv[1])
            chart = pygal.HorizontalBar(
                **_config(title="各分组使用次数", show_legend=False, height=_bars(len(ordered)))
            )
            chart.x_labels = [g for g, _ in ordered]
            chart.add("使用次数", [n for _, n in ordered])
            parts.append(_svg(chart))
        top = report.replies[:TOP_REPLIES][::-1]
        chart = pygal.HorizontalBar(
            **_config(
                title=f"最常用的 {len(top)} 条话术", show_legend=False, height=_bars(len(top))
            )
        )
        names = titles or {}
        chart.x_labels = [
            f"{names[r.snippet_id]} ({r.snippet_id})" if r.snippet_id in names else r.snippet_id
            for r in top
        ]
        chart.add("使用次数", [r.uses for r in top])
        parts.append(_svg(chart))
    if days and report.agent_days:
        points, step = _buckets(days)
        summed = _points(report, points, step)
        per = "（按周）" if step == 7 else ""
        many = len({d.agent for d in report.agent_days}) > MAX_AGENT_LINES
        if many:
            per += f"（全队及最差的 {WORST_AGENTS} 位客服）"
        picks: list[
            tuple[str, Callable[[AgentDay], float | None], float, bool, dict[str, object]]
        ] = [
            ("3分钟人工响应率（%）", lambda r: r.within_3min, 100.0, False, {"range": (0, 100)}),
            ("30秒应答率（%）", lambda r: r.within_30s, 100.0, False, {"range": (0, 100)}),
            ("平均响应（秒）", lambda r: r.response_avg, 1.0, True, {}),
            ("首次响应平均（秒）", lambda r: r.first_response_avg, 1.0, True, {}),
        ]
        for title_text, pick, unit, higher_is_worse, extra in picks:
            chart = pygal.Line(
                **_config(
                    title=title_text + per,
                    show_dots=step == 1 and len(points) <= 14,
                    **_days_axis(points),
                    **extra,
                )
            )
            lines = _per_agent_series(report, summed, points, pick, higher_is_worse)
            for agent, values in lines.items():
                chart.add(agent, [None if v is None else round(v * unit, 1) for v in values])
            parts.append(_svg(chart))
    if report.adoption:
        versions = sorted({v for per in report.adoption.values() for v in per})
        chart = pygal.StackedBar(
            **_config(title="团队话术版本（每天的客服数）", **_days_axis(days))
        )
        for version in versions:
            chart.add(
                f"v{version}" if version != "-" else "未加入团队",
                [report.adoption.get(d, {}).get(version, 0) for d in days],
            )
        parts.append(_svg(chart))
    for heading, (headers, rows) in tables.items():
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(_table(headers, rows) if rows else '<p class="note">（无）</p>')
    if report.skipped:
        parts.append("<h2>跳过的文件</h2><ul>")
        parts += [f"<li>{html.escape(line)}</li>" for line in report.skipped]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
