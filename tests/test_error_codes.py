"""Every error class has its own code, and the README explains each one."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from eventwire.errors import EventwireError

# modules that define error classes of their own
MODULES = [
    "eventwire.engines.errors",
    "eventwire.events.cameo",
    "eventwire.export.errors",
    "eventwire.store.locking",
    "eventwire.stories.config",
    "eventwire.watch",
    "eventwire.web.errors",
]


def _all_error_classes() -> list[type[EventwireError]]:
    for name in MODULES:
        importlib.import_module(name)
    found, todo = [], [EventwireError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_no_two_error_classes_share_a_code():
    owners: dict[str, list[str]] = {}
    for cls in _all_error_classes():
        if "code" in vars(cls):  # a class that inherits its parent's code is the same error
            owners.setdefault(cls.code, []).append(cls.__qualname__)
    shared = {code: names for code, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_the_readme_explains_every_code():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = set()
    for first, last in re.findall(r"\| (E\d{3})(?:[–,] ?(E\d{3}))? \|", readme):
        listed.update(f"E{n:03d}" for n in range(int(first[1:]), int((last or first)[1:]) + 1))
    codes = {cls.code for cls in _all_error_classes() if cls.code != "E000"}
    assert codes <= listed, sorted(codes - listed)
