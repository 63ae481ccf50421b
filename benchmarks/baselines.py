"""The bare baselines each figure is compared with, measured in the same run on the same machine."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from crf_desktop.core.resources import resource_path
from crf_desktop.store.database import connect_keyed


def bare_commit(folder: Path, key: bytes, payload: str, *, pages: int = 1) -> Callable[[], None]:
    """One INSERT of ``payload`` and a commit, in a SQLCipher database with the app's durability pragmas.

    With ``pages`` above 1, one INSERT into each of that many tables (each its own b-tree, so one more encrypted
    page in the commit): the floor of a commit that must write that many pages, with no Python and no reads.
    """
    conn = connect_keyed(folder / f"bare-commit-{pages}.db", key)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    for table in range(pages):
        conn.execute(f"CREATE TABLE IF NOT EXISTS t{table} (id INTEGER PRIMARY KEY, data TEXT)")
    conn.commit()
    inserts = [f"INSERT INTO t{table} (data) VALUES (?)" for table in range(pages)]  # noqa: S608 - fixed names

    def once() -> None:
        for insert in inserts:
            conn.execute(insert, [payload])
        conn.commit()

    return once


def file_copy(source: Path, folder: Path) -> Callable[[], None]:
    """A plain copy of ``source`` (the same bytes as the figure wrote), fsynced like the app's writes."""
    counter = iter(range(1_000_000))

    def once() -> None:
        target = folder / f"copy-{next(counter)}{source.suffix}"
        shutil.copyfile(source, target)
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())

    return once


def file_copies(sources: list[Path], folder: Path) -> Callable[[], None]:
    copies = [file_copy(source, folder) for source in sources]

    def once() -> None:
        for copy in copies:
            copy()

    return once


def bare_pdf(text: str, pages: int, out: Path) -> Callable[[], None]:
    """reportlab drawing ``text`` (the same characters as the figure's PDF) over ``pages`` pages with the
    bundled CJK font embedded, no layout, no tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "BareCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BareCJK", str(resource_path("fonts", "DroidSansFallbackFull.ttf"))))
    lines = [line for line in text.splitlines() if line.strip()] or [" "]
    per_page = max(1, -(-len(lines) // max(1, pages)))

    def once() -> None:
        pdf = canvas.Canvas(str(out), pagesize=A4)
        for start in range(0, len(lines), per_page):
            y = A4[1] - 40
            for line in lines[start:start + per_page]:
                pdf.setFont("BareCJK", 9)
                pdf.drawString(30, y, line[:160])
                y -= 11
            pdf.showPage()
        pdf.save()

    return once
