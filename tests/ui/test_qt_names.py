"""Issue 10: ``crf_desktop.ui.qt`` hands out Qt names when they are first used. Every name must still be the
PySide6 object itself, and the names type checkers see (the ``TYPE_CHECKING`` imports) must be the names the
module hands out at run time."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside6_version

from crf_desktop.ui import qt

SOURCE = Path(qt.__file__).read_text(encoding="utf-8")


def _type_checking_imports() -> dict[str, set[str]]:
    """PySide6 module → names, as imported under ``if TYPE_CHECKING:`` in ui/qt.py."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module is not None
                found.setdefault(statement.module, set()).update(alias.asname or alias.name
                                                                 for alias in statement.names)
    return found


def test_type_checkers_and_the_running_app_see_the_same_names() -> None:
    imported = _type_checking_imports()
    assert imported.pop("PySide6") == {"pyside_version"}
    assert imported == {f"PySide6.{module}": set(names) for module, names in qt._MODULES.items()}
    assert sorted(qt.__all__) == sorted({"pyside_version", *(n for names in imported.values() for n in names)})


@pytest.mark.parametrize("name", [name for name in qt.__all__ if name != "pyside_version"])
def test_every_name_is_the_pyside6_object(name: str) -> None:
    module = next(module for module, names in qt._MODULES.items() if name in names)
    assert getattr(qt, name) is getattr(importlib.import_module(f"PySide6.{module}"), name)
    assert name in vars(qt)  # kept after the first look-up
    assert name in dir(qt)


def test_the_version_and_an_unknown_name() -> None:
    assert qt.pyside_version == pyside6_version
    with pytest.raises(AttributeError, match="QNoSuchWidget"):
        qt.QNoSuchWidget  # noqa: B018 - the look-up is the test
    with pytest.raises(ImportError):
        exec("from crf_desktop.ui.qt import QNoSuchWidget", {})  # noqa: S102 - the import statement is the test
