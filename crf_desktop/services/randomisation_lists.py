"""A site's randomisation list as the centre handles it: read from a CSV file, and checked entry by entry.

The CSV file (``centre enrol --randomisation``, ``centre unblind --randomisation``) has a header row with the
columns ``seq, rand_no, msc_kit, mmf_kit, arm`` (others are ignored), UTF-8 with or without a byte-order mark.
Every problem names the file and its line (the header is line 1), so the list can be corrected in a spreadsheet.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.randomisation import ARM_MMF, ARM_MSC
from crf_desktop.store.randomisation import ListEntry

LIST_COLUMNS = ("seq", "rand_no", "msc_kit", "mmf_kit", "arm")
_SHOWN = 10


def entry_problems(entries: Sequence[ListEntry], where: Callable[[int], str]) -> list[str]:
    """What is wrong with a list: a sequence below 1, an empty number or kit, an arm that is neither arm code,
    a sequence, randomisation number or kit number given twice (MSC and MMF kits share one namespace, as at the
    site). ``where(i)`` names the ``i``-th entry in the messages ("line 4", "entry with sequence 3")."""
    problems: list[str] = []
    seen: dict[str, dict[str, int]] = {"sequence": {}, "randomisation number": {}, "kit number": {}}
    for index, entry in enumerate(entries):
        here = where(index)
        if entry.seq < 1:
            problems.append(f"{here}: the sequence {entry.seq} must be a number from 1")
        if entry.arm not in (ARM_MSC, ARM_MMF):
            problems.append(f"{here}: arm {entry.arm!r} is not an arm code of the study ({ARM_MSC} or {ARM_MMF})")
        for kind, value in (("sequence", str(entry.seq)), ("randomisation number", entry.rand_no),
                            ("kit number", entry.msc_kit), ("kit number", entry.mmf_kit)):
            key = value.strip().upper()
            if not key:
                problems.append(f"{here}: the {kind} is empty")
            elif key in seen[kind]:
                problems.append(f"{here}: {kind} {value} was given before, at {where(seen[kind][key])}")
            else:
                seen[kind][key] = index
    return problems


def refuse_problems(problems: list[str], what: str) -> None:
    """Raise one UserInputError listing the first problems (``what``: the list, e.g. "the randomisation list
    x.csv")."""
    if problems:
        shown = "; ".join(problems[:_SHOWN])
        more = f"; and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
        raise UserInputError(f"{what} was not used, nothing was written: {shown}{more}. Correct it and try again")


def read_list_csv(path: Path) -> list[ListEntry]:
    """The entries of a randomisation list file; UserInputError naming the file and line of every problem."""
    what = f"the randomisation list {path}"
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in LIST_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise UserInputError(f"{what} lacks the column(s) {', '.join(missing)} in its first line; it needs "
                                     f"{', '.join(LIST_COLUMNS)}")
            rows = list(reader)
    except FileNotFoundError:
        raise UserInputError(f"{what} does not exist; check the path") from None
    except UnicodeDecodeError:
        raise UserInputError(f"{what} is not UTF-8 text; save it as CSV UTF-8") from None
    except csv.Error as exc:
        raise UserInputError(f"{what} is not a readable CSV file ({exc})") from None
    except OSError as exc:
        raise UserInputError(f"{what} cannot be read ({exc.strerror})") from None
    entries: list[ListEntry] = []
    lines: list[int] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        if all(not (value or "").strip() for value in row.values() if isinstance(value, str)):
            continue  # a blank line, as spreadsheets leave at the end
        cells = {c: (row.get(c) or "").strip() for c in LIST_COLUMNS}
        try:
            seq = int(cells["seq"])
        except ValueError:
            problems.append(f"line {number}: seq {cells['seq']!r} is not a whole number")
            continue
        entries.append(ListEntry(seq=seq, rand_no=cells["rand_no"], msc_kit=cells["msc_kit"],
                                 mmf_kit=cells["mmf_kit"], arm=cells["arm"]))
        lines.append(number)
    problems += entry_problems(entries, lambda i: f"line {lines[i]}")
    refuse_problems(problems, what)
    if not entries:
        raise UserInputError(f"{what} has no entries below its header line")
    return entries
