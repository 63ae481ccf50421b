"""A site's randomisation list as the centre handles it: read from a CSV file, and checked entry by entry.

The CSV file (``centre enrol --randomisation``, ``centre unblind --randomisation``) has a header row with the
columns ``seq, rand_no, msc_kit, mmf_kit, arm`` (others are ignored), UTF-8 with or without a byte-order mark.
Every problem names the file and its line (the header is line 1), so the list can be corrected in a spreadsheet.
"""

from __future__ import annotations

import csv
from pathlib import Path

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.randomisation import list_problems, refuse_list_problems
from crf_desktop.store.randomisation import ListEntry

LIST_COLUMNS = ("seq", "rand_no", "msc_kit", "mmf_kit", "arm")


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
    problems += list_problems(entries, lambda i: f"line {lines[i]}")
    refuse_list_problems(problems, what)
    if not entries:
        raise UserInputError(f"{what} has no entries below its header line")
    return entries
