"""Errors with stable codes and messages that say what to do.

Every error eventwire raises on purpose is an ``EventwireError`` carrying a code
(``E001`` …) so that users can search for it and tests can match it without
depending on the wording.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, record: str | None = None):
        self.message = message
        self.path = path
        self.record = record
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}"
            if self.record:
                where += f" ({self.record})"
            where += ": "
        return f"[{self.code}] {where}{self.message}"


class InputError(EventwireError):
    """An input file or record could not be read as an article."""

    code = "E001"


class UnsupportedFormatError(InputError):
    """The input's format is not one eventwire reads."""

    code = "E002"


class TooLargeError(InputError):
    """The input exceeds the configured size limit."""

    code = "E003"


class EmptyInputError(InputError):
    """The input has no article text."""

    code = "E004"


class DataFileError(EventwireError):
    """A packaged or user data file (lexicon, actor list) is invalid."""

    code = "E010"


class StoreError(EventwireError):
    """The DuckDB store could not be opened, migrated or written."""

    code = "E020"


class MissingExtraError(EventwireError):
    """An optional feature needs an extra that is not installed."""

    code = "E030"

    def __init__(self, feature: str, extra: str):
        super().__init__(
            f"{feature} needs the optional '{extra}' extra: pip install 'eventwire[{extra}]'"
        )
