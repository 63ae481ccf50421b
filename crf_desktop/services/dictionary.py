"""``dictionary``: the data dictionary CSV of every declared form, written whole or not at all."""

from __future__ import annotations

import io
from pathlib import Path

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.dictionary import dictionary_rows, write_dictionary_csv
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.store.datadir import write_atomic


def write_data_dictionary(path: Path, *, force: bool = False) -> int:
    """Write one row per field (UTF-8 with BOM, so spreadsheets show the Chinese labels); returns the row count.

    An existing file is kept unless ``force``; a failed write (no permission, a full or read-only disk) leaves
    nothing behind and names the file."""
    if path.is_dir():
        raise UserInputError(f"--out {path} is a folder; give a file name such as dictionary.csv")
    if not path.parent.exists():
        raise UserInputError(f"--out {path}: the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise UserInputError(f"--out {path} already exists; choose a new name, or add --force to replace it")
    buffer = io.StringIO(newline="")
    count = write_dictionary_csv(dictionary_rows(REGISTRY.all_forms(), REGISTRY.schedule), buffer)
    try:
        write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
    except PermissionError:
        raise UserInputError(f"--out {path}: no permission to write there") from None
    except OSError as exc:
        raise UserInputError(f"--out {path}: could not be written ({exc.strerror or exc}); nothing was written: "
                             "choose another folder or free some space") from None
    return count
