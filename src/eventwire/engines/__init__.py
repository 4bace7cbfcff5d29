"""Engines that run eventwire's stages: a local process pool (``local``) and Ray (``ray_engine``).

``ingest_ray`` reads shards (every format the local readers take, and Parquet tables
of articles) with Ray Data, processes them in a pool of actors that each hold one spaCy
pipeline, writes Parquet and loads it into DuckDB so that the database is the one the
local engine would have written. Ray is only imported when the engine runs.

Names are imported on first use, so that importing one engine (a pool worker imports
``engines.local``) does not load the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "EngineError": "errors",
    "EngineOutputError": "errors",
    "load_output": "load",
    "output_rows": "load",
    "RayIngestSummary": "ray_engine",
    "default_output": "ray_engine",
    "ingest_ray": "ray_engine",
    "Shard": "shards",
    "list_shards": "shards",
    "read_shard": "shards",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
