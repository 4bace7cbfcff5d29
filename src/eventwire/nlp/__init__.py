"""The spaCy pipeline of eventwire: one pipeline per process, own components inside."""

from .pipeline import MODEL_NAME, build_pipeline, get_pipeline

__all__ = ["MODEL_NAME", "build_pipeline", "get_pipeline"]
