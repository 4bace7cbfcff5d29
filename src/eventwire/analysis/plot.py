"""Plots of a dyad timeline and an actor network, as PNG or SVG files.

matplotlib runs with the Agg backend (no display needed). The network is laid
out on a circle, biggest node first, so the drawing needs no graph package and
the same data always gives the same picture.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.colors import TwoSlopeNorm

from ..export.errors import ExportError
from .network import Network

PLOT_SUFFIXES = (".png", ".svg")
_QUADS = (
    ("verbal_cooperation", "verbal cooperation", "#7fbf7b"),
    ("material_cooperation", "material cooperation", "#1b7837"),
    ("verbal_conflict", "verbal conflict", "#f4a582"),
    ("material_conflict", "material conflict", "#b2182b"),
)


def _check_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise ExportError(f"plot file must end in .png or .svg, not {path.name!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def plot_dyad(
    timeline: pd.DataFrame, path: str | Path, *, by: str = "week", title: str = ""
) -> Path:
    """Stacked QuadClass bars per period with the mean Goldstein score as a line."""
    path = _check_path(path)
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=110)
    try:
        periods = pd.to_datetime(timeline["period"]) if len(timeline) else pd.Series([])
        width = _bar_width(periods, by)
        bottom = [0] * len(timeline)
        for column, label, colour in _QUADS:
            values = timeline[column].tolist() if len(timeline) else []
            ax.bar(periods, values, width=width, bottom=bottom, color=colour, label=label)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_ylabel("events")
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        tone = ax.twinx()
        if len(timeline):
            tone.plot(periods, timeline["goldstein_mean"], color="#2166ac", marker="o", ms=3)
        tone.axhline(0, color="#999999", linewidth=0.6)
        tone.set_ylim(-10.5, 10.5)
        tone.set_ylabel("mean Goldstein", color="#2166ac")
        ax.set_title(title or "dyad timeline")
        if not len(timeline):
            ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center")
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path


def _bar_width(periods: pd.Series, by: str) -> float:
    if len(periods) < 2:
        return 0.8 * {"day": 1, "week": 7, "month": 30}.get(by, 7)
    gaps = periods.sort_values().diff().dropna().dt.days
    return max(0.8, float(gaps.min()) * 0.8)


def circle_layout(node_ids: list[str]) -> dict[str, tuple[float, float]]:
    """Positions of nodes on the unit circle, the first at the top, going clockwise."""
    n = max(len(node_ids), 1)
    return {
        node: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
        for i, node in enumerate(node_ids)
    }


def plot_network(network: Network, path: str | Path, *, title: str = "") -> Path:
    """Nodes sized by events, directed edges as wide as their event count and
    coloured by their mean Goldstein score (red conflict, blue cooperation)."""
    path = _check_path(path)
    nodes, edges = network.nodes, network.edges
    positions = circle_layout(nodes["id"].astype(str).tolist())
    fig, ax = plt.subplots(figsize=(8, 8), dpi=110)
    try:
        cmap, norm = plt.get_cmap("RdBu"), TwoSlopeNorm(vmin=-5, vcenter=0, vmax=5)
        widest = max(edges["events"].max(), 1) if len(edges) else 1
        for edge in edges.itertuples():
            start, end = positions[str(edge.source)], positions[str(edge.target)]
            ax.annotate(
                "",
                xy=end,
                xytext=start,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": cmap(norm(_clamped(edge.goldstein_mean))),
                    "lw": 0.5 + 5 * edge.events / widest,
                    "shrinkA": 12,
                    "shrinkB": 12,
                    "connectionstyle": "arc3,rad=0.12",
                    "alpha": 0.85,
                },
            )
        biggest = max(nodes["events"].max(), 1) if len(nodes) else 1
        for node in nodes.itertuples():
            x, y = positions[str(node.id)]
            ax.scatter(
                [x],
                [y],
                s=80 + 900 * node.events / biggest,
                color="#dddddd",
                edgecolors="#333333",
                zorder=3,
            )
            ax.text(x * 1.16, y * 1.16, str(node.label), ha="center", va="center", fontsize=9)
        if not len(nodes):
            ax.text(0, 0, "no events with a source and a target", ha="center")
        ax.set_xlim(-1.45, 1.45)
        ax.set_ylim(-1.45, 1.45)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(title or "actor network (edge colour: mean Goldstein)")
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path


def _clamped(goldstein: float | None) -> float:
    """Goldstein mean for the colour scale; none known (a dictionary's own code) is neutral."""
    if goldstein is None or goldstein != goldstein:  # NaN from pandas for a missing value
        return 0.0
    return max(-5.0, min(5.0, goldstein))
