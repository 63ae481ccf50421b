"""Reading rows as dicts with one statement.

sqlite-utils' ``Database.query`` wraps every read in a SAVEPOINT and its table helpers re-read the schema; on
the save path (several reads per save) that doubles the statements, so the store reads through this instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils


def rows(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
