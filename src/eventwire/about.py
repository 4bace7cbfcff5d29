"""Package metadata: the one place the version number lives."""

__title__ = "eventwire"
__version__ = "0.1.0"
