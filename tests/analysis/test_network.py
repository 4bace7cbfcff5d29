from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import duckdb
import pytest
from analysis_db import build

from eventwire.analysis import actor_network, network_dict, write_graphml, write_network_json
from eventwire.analysis.top import top_actors, top_events, top_quotes

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("network") / "a.duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def _edges(network):
    return {(r.source, r.target): r for r in network.edges.itertuples()}


def test_country_network_weights_edges_by_events(con):
    network = actor_network(con)
    edges = _edges(network)
    assert set(edges) == {("CHN", "TWN"), ("JPN", "PHL"), ("USA", "CHN"), ("TWN", "CHN")}
    assert edges[("CHN", "TWN")].events == 17
    assert edges[("CHN", "TWN")].conflict == 16 and edges[("CHN", "TWN")].cooperation == 1
    assert edges[("USA", "CHN")].events == 30
    nodes = network.nodes.set_index("id")
    assert nodes.loc["CHN", "events"] == 17 + 30 + 1
    assert nodes.loc["CHN", "out_events"] == 17 and nodes.loc["CHN", "in_events"] == 31


def test_actor_level_period_and_minimum_weight(con):
    network = actor_network(con, level="actor", since="2026-03-09", until="2026-03-15")
    edges = _edges(network)
    assert edges[("CHNMIL", "TWNGOV")].events == 6
    assert edges[("CHNGOV", "TWNGOV")].events == 1
    heavy = actor_network(con, level="actor", since="2026-03-09", min_events=3)
    assert set(_edges(heavy)) == {("CHNMIL", "TWNGOV"), ("USAGOV", "CHNGOV")}
    assert set(heavy.nodes["id"]) == {"CHNMIL", "TWNGOV", "USAGOV", "CHNGOV"}


def test_graphml_is_valid_xml_with_typed_weights(con, tmp_path):
    network = actor_network(con)
    path = write_graphml(network, tmp_path / "n.graphml")
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    assert graph.get("edgedefault") == "directed"
    assert len(graph.findall("g:node", NS)) == len(network.nodes)
    assert len(graph.findall("g:edge", NS)) == len(network.edges)
    key = root.find("g:key[@attr.name='events'][@for='edge']", NS)
    assert key.get("attr.type") == "int"
    weights = {
        (e.get("source"), e.get("target")): e.find(f"g:data[@key='{key.get('id')}']", NS).text
        for e in graph.findall("g:edge", NS)
    }
    assert weights[("CHN", "TWN")] == "17"


def test_network_json_round_trips(con, tmp_path):
    network = actor_network(con)
    path = write_network_json(network, tmp_path / "n.json")
    data = json.loads(path.read_text())
    assert data == json.loads(json.dumps(network_dict(network)))
    assert len(data["links"]) == 4 and data["directed"] is True


def test_top_actors_events_and_quotes(con):
    actors = top_actors(con, level="country")
    assert actors["actor"].tolist()[:2] == ["CHN", "USA"]
    assert actors.set_index("actor").loc["CHN", "events"] == 48
    events = top_events(con, n=3)
    # The reprinted week-5 report is the only event carried by two articles.
    assert events["articles"].tolist() == [2, 1, 1]
    assert str(events["date"].iloc[0])[:10] == "2026-02-04"
    quotes = top_quotes(con)
    assert quotes["articles"].tolist()[:2] == [2, 1]
    assert quotes["text"].iloc[0] == "We will defend our sovereignty."
    only_january = top_quotes(con, until="2026-01-31")
    assert sorted(only_january["text"]) == ["Stop it now.", "We will defend our sovereignty."]
    assert only_january["articles"].tolist() == [1, 1]
