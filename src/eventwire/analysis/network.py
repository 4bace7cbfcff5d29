"""Actor networks: who acted on whom in a period, as nodes and weighted edges.

Edges are directed (source → target) and weighted by the number of events;
each also carries mentions, the Goldstein sum and mean and the cooperation and
conflict counts (QuadClass 1+2 and 3+4). GraphML is written with the standard
library, so no graph package is needed; it opens in Gephi, Cytoscape, igraph
and networkx.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..store.where import Where
from .frames import node_sql, period_filter, units


@dataclass
class Network:
    """Nodes (``id``, ``label``, ``events``, ``out_events``, ``in_events``) and edges
    (``source``, ``target``, ``events``, ``mentions``, ``goldstein_sum``,
    ``goldstein_mean``, ``cooperation``, ``conflict``)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame


def actor_network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    level: str = "country",
    min_events: int = 1,
    unit: str = "auto",
) -> Network:
    """The network of events with both a source and a target in since..until.

    ``level="country"`` joins actors of one country (CHNGOV, CHNMIL → CHN);
    ``level="actor"`` keeps full CAMEO codes. Edges with fewer than
    ``min_events`` events are dropped, and so are nodes left without edges.
    """
    source, target = node_sql("source", level), node_sql("target", level)
    q = Where()
    period_filter(q, since, until)
    q.add(f"{source} IS NOT NULL AND {target} IS NOT NULL AND {source} <> {target}")
    base = f"SELECT {source} AS src, {target} AS tgt, u.* FROM ({units(con, unit)}) u {q.sql()}"
    edges = con.execute(
        f"""
        SELECT src AS source, tgt AS target, count(*) AS events,
               CAST(sum(mentions) AS BIGINT) AS mentions,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM ({base}) GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, 1, 2
        """,
        [*q.params, int(min_events)],
    ).df()
    labels = con.execute(
        f"""
        SELECT node, mode(name) AS label FROM (
            SELECT src AS node, source_name AS name FROM ({base})
            UNION ALL SELECT tgt, target_name FROM ({base}))
        GROUP BY node
        """,
        [*q.params, *q.params],
    ).df()
    return Network(_nodes(edges, labels, level), edges)


def _nodes(edges: pd.DataFrame, labels: pd.DataFrame, level: str) -> pd.DataFrame:
    out = edges.groupby("source")["events"].sum().rename("out_events")
    into = edges.groupby("target")["events"].sum().rename("in_events")
    nodes = pd.concat([out, into], axis=1).fillna(0).astype("int64")
    nodes["events"] = nodes["out_events"] + nodes["in_events"]
    nodes.index.name = "id"
    nodes = nodes.reset_index()
    names = dict(zip(labels["node"], labels["label"], strict=True))
    # At country level the node is a country code, and the most common actor name
    # of that country may be a ministry; the code reads better there.
    nodes["label"] = (
        nodes["id"] if level == "country" else nodes["id"].map(names).fillna(nodes["id"])
    )
    nodes = nodes.sort_values(["events", "id"], ascending=[False, True], ignore_index=True)
    return nodes[["id", "label", "events", "out_events", "in_events"]]


def network_dict(network: Network) -> dict[str, Any]:
    """The network as JSON-ready nodes and links (the d3/networkx node-link layout)."""
    return {
        "directed": True,
        "nodes": [_plain(r) for r in network.nodes.to_dict("records")],
        "links": [_plain(r) for r in network.edges.to_dict("records")],
    }


def write_network_json(network: Network, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(network_dict(network), ensure_ascii=False, indent=1), "utf-8")
    return path


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(network: Network, path: str | Path) -> Path:
    """Write the network as GraphML (attributes typed: string, int or double)."""
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    node_keys = _declare(root, "node", network.nodes, skip={"id"})
    edge_keys = _declare(root, "edge", network.edges, skip={"source", "target"})
    graph = ET.SubElement(root, f"{{{_GRAPHML_NS}}}graph", id="G", edgedefault="directed")
    for row in network.nodes.to_dict("records"):
        node = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}node", id=str(row["id"]))
        _data(node, node_keys, row)
    for n, row in enumerate(network.edges.to_dict("records")):
        attrs = {"id": f"e{n}", "source": str(row["source"]), "target": str(row["target"])}
        edge = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}edge", attrs)
        _data(edge, edge_keys, row)
    ET.indent(root)
    path = Path(path)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _declare(root: ET.Element, kind: str, frame: pd.DataFrame, skip: set[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for column in frame.columns:
        if column in skip:
            continue
        key = f"{kind[0]}_{column}"
        dtype = frame[column].dtype
        if pd.api.types.is_integer_dtype(dtype):
            kind_type = "int"
        elif pd.api.types.is_float_dtype(dtype):
            kind_type = "double"
        else:
            kind_type = "string"
        attrs = {"id": key, "for": kind, "attr.name": column, "attr.type": kind_type}
        ET.SubElement(root, f"{{{_GRAPHML_NS}}}key", attrs)
        keys[column] = key
    return keys


def _data(element: ET.Element, keys: dict[str, str], row: dict[str, Any]) -> None:
    for column, key in keys.items():
        value = _plain({column: row[column]})[column]
        if value is not None:
            ET.SubElement(element, f"{{{_GRAPHML_NS}}}data", key=key).text = str(value)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Numpy scalars to Python ones and NaN to None, for JSON and XML."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            value = None
        out[key] = value
    return out
