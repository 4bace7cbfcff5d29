from __future__ import annotations

import xml.etree.ElementTree as ET

import duckdb
import pytest
from analysis_db import build

from eventwire.analysis import actor_network, dyad_timeline
from eventwire.analysis.plot import circle_layout, plot_dyad, plot_network
from eventwire.export import ExportError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("plot") / "a.duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_dyad_plot_writes_png_and_svg(con, tmp_path):
    frame = dyad_timeline(con, "CHN", "TWN", by="week")
    png = plot_dyad(frame, tmp_path / "d.png", title="CHN → TWN")
    assert png.read_bytes()[:8] == PNG_MAGIC and png.stat().st_size > 5_000
    svg = plot_dyad(frame, tmp_path / "d.svg")
    assert ET.parse(svg).getroot().tag.endswith("svg")


def test_network_plot_writes_png_and_svg(con, tmp_path):
    network = actor_network(con)
    assert plot_network(network, tmp_path / "n.png").read_bytes()[:8] == PNG_MAGIC
    assert ET.parse(plot_network(network, tmp_path / "n.svg")).getroot().tag.endswith("svg")


def test_empty_data_still_gives_a_picture(con, tmp_path):
    frame = dyad_timeline(con, "FRA", "DEU")
    assert plot_dyad(frame, tmp_path / "e.png").read_bytes()[:8] == PNG_MAGIC
    empty = actor_network(con, since="2030-01-01")
    assert plot_network(empty, tmp_path / "e.svg").stat().st_size > 0


def test_plot_refuses_other_file_types(con, tmp_path):
    with pytest.raises(ExportError, match=r"\.png or \.svg"):
        plot_dyad(dyad_timeline(con, "CHN", "TWN"), tmp_path / "d.pdf")


def test_circle_layout_puts_nodes_on_the_unit_circle():
    positions = circle_layout(["a", "b", "c", "d"])
    assert positions["a"] == pytest.approx((0.0, 1.0))
    assert positions["c"] == pytest.approx((0.0, -1.0))
    assert all(x * x + y * y == pytest.approx(1.0) for x, y in positions.values())
