"""The CTCAE v4.03 term list: 790 terms in 26 MedDRA system organ classes, loaded once from the product's CSV.

Source: ``resources/ctcae/CTCAE_v4.03.csv`` (NCI CTCAE v4.03, 14 June 2010, MedDRA v12.0 codes; see its README
and clinical-rules.md section 8). A grade cell holding ``-`` means the grade is not available for the term
(8.1); three cells of the file are blank (grade 5 of Lymph node pain, Obesity and Edema cerebral) and are read
the same way: not available. A semicolon inside a grade text means "or".

The file is read lazily, on first use, with the standard ``csv`` module and kept for the life of the process
(:func:`terminology`). A missing or malformed file raises :class:`TerminologyError` naming the file and what
is wrong; it never yields a partial term list.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from crf_desktop.core.errors import CrfError
from crf_desktop.core.resources import resource_path

CTCAE_VERSION: Final = "4.03"
MEDDRA_VERSION: Final = "12.0"
RESOURCE: Final = ("ctcae", "CTCAE_v4.03.csv")
COLUMNS: Final = (
    "MedDRA v12.0 Code", "SOC", "Term", "Grade 1", "Grade 2", "Grade 3", "Grade 4", "Grade 5", "Definition", "Errata",
)
EXPECTED_TERMS: Final = 790
EXPECTED_SOCS: Final = 26
GRADES: Final = (1, 2, 3, 4, 5)
NOT_AVAILABLE: Final = frozenset({"-", ""})

_CODE = re.compile(r"\d{8}", re.ASCII)
_OTHER_SPECIFY = re.compile(r"-\s*Other,\s*specify\s*$", re.IGNORECASE)


class TerminologyError(CrfError):
    """The CTCAE term file is missing or malformed (the installation is broken); the message names the file."""


class UnknownTermError(LookupError):
    """A MedDRA code or term name that is not in CTCAE v4.03."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One CTCAE v4.03 term.

    ``meddra_code``: the MedDRA v12.0 code as 8 digits (the value stored in the AE form). ``grades``: the texts
    of grades 1-5, ``None`` where the term does not have that grade.
    """

    meddra_code: str
    soc: str
    term: str
    grades: tuple[str | None, str | None, str | None, str | None, str | None]
    definition: str
    errata: str = ""

    def grade_text(self, grade: int) -> str | None:
        """The text of ``grade`` (1-5), ``None`` when the term does not have it; ValueError outside 1-5."""
        if grade not in GRADES:
            raise ValueError(f"grade must be 1-5, got {grade!r}")
        return self.grades[grade - 1]

    @property
    def allowed_grades(self) -> tuple[int, ...]:
        """The grades this term has (those not marked ``-``), ascending."""
        return tuple(g for g in GRADES if self.grades[g - 1] is not None)

    @property
    def is_other_specify(self) -> bool:
        """Whether this is a "<SOC> - Other, specify" term, which needs the event named in words."""
        return _OTHER_SPECIFY.search(self.term) is not None


@dataclass(frozen=True, kw_only=True)
class Terminology:
    """The loaded term list, with its lookups."""

    source: Path
    terms: tuple[Term, ...]
    socs: tuple[str, ...]
    by_code: Mapping[str, Term]
    by_name: Mapping[str, Term]

    def find(self, code_or_name: str) -> Term | None:
        """The term with this MedDRA code or this name (case and spacing ignored), else ``None``."""
        key = code_or_name.strip()
        found = self.by_code.get(key)
        return found if found is not None else self.by_name.get(name_key(key))


def name_key(name: str) -> str:
    """A term name folded for lookup: case and runs of white space ignored."""
    return " ".join(name.split()).casefold()


def _problem(path: Path, what: str) -> TerminologyError:
    return TerminologyError(
        f"the CTCAE term file {path} is malformed: {what}; the installation is damaged: reinstall crf-desktop"
    )


def _cell(text: str) -> str | None:
    cleaned = text.strip()
    return None if cleaned in NOT_AVAILABLE else cleaned


def _term(path: Path, line: int, row: list[str]) -> Term:
    if len(row) != len(COLUMNS):
        raise _problem(path, f"line {line} has {len(row)} columns, expected {len(COLUMNS)}")
    code, soc, name, g1, g2, g3, g4, g5, definition, errata = (cell.strip() for cell in row)
    if not _CODE.fullmatch(code):
        raise _problem(path, f"line {line}: the MedDRA code {code!r} is not 8 digits")
    if not soc or not name:
        raise _problem(path, f"line {line} (code {code}): the SOC or the term is empty")
    grades = (_cell(g1), _cell(g2), _cell(g3), _cell(g4), _cell(g5))
    if all(g is None for g in grades):
        raise _problem(path, f"line {line} ({name}): no grade is available")
    return Term(meddra_code=code, soc=soc, term=name, grades=grades, definition=definition, errata=errata)


def load_terminology(path: Path | None = None) -> Terminology:
    """Read and check the CTCAE v4.03 CSV (default: the product's resource); :class:`TerminologyError` naming
    the file when it is missing, unreadable or malformed. Not cached: use :func:`terminology`."""
    if path is None:
        try:
            path = resource_path(*RESOURCE)
        except CrfError as exc:
            raise TerminologyError(f"the CTCAE term file is missing: {exc}") from None
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise TerminologyError(f"the CTCAE term file {path} is missing; reinstall crf-desktop") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TerminologyError(f"the CTCAE term file {path} cannot be read ({exc}); reinstall crf-desktop") from None
    if not rows or tuple(cell.strip() for cell in rows[0]) != COLUMNS:
        raise _problem(path, f"the header is not {', '.join(COLUMNS)}")
    terms = tuple(_term(path, line, row) for line, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row))
    by_code: dict[str, Term] = {}
    by_name: dict[str, Term] = {}
    socs: list[str] = []
    for term in terms:
        if term.meddra_code in by_code:
            raise _problem(path, f"the MedDRA code {term.meddra_code} appears twice")
        if name_key(term.term) in by_name:
            raise _problem(path, f"the term {term.term!r} appears twice")
        by_code[term.meddra_code] = term
        by_name[name_key(term.term)] = term
        if term.soc not in socs:
            socs.append(term.soc)
    if len(terms) != EXPECTED_TERMS or len(socs) != EXPECTED_SOCS:
        raise _problem(
            path,
            f"it has {len(terms)} terms in {len(socs)} SOCs; CTCAE v{CTCAE_VERSION} has {EXPECTED_TERMS} terms in "
            f"{EXPECTED_SOCS} SOCs (the file is truncated or not v{CTCAE_VERSION})",
        )
    return Terminology(source=path, terms=terms, socs=tuple(socs), by_code=by_code, by_name=by_name)


@cache
def terminology() -> Terminology:
    """The product's term list, read on first use and kept."""
    return load_terminology()


def all_terms() -> tuple[Term, ...]:
    """Every term, in the file's order (by SOC, then the NCI order within it)."""
    return terminology().terms


def socs() -> tuple[str, ...]:
    """The 26 system organ classes, in the file's (alphabetical) order."""
    return terminology().socs


def term_by_code(code: str) -> Term | None:
    """The term with this MedDRA v12.0 code, ``None`` if there is none."""
    return terminology().by_code.get(code.strip())


def term_by_name(name: str) -> Term | None:
    """The term with this name (case and spacing ignored), ``None`` if there is none."""
    return terminology().by_name.get(name_key(name))


def get_term(code_or_name: str) -> Term:
    """The term with this MedDRA code or name; :class:`UnknownTermError` naming it otherwise."""
    found = terminology().find(code_or_name)
    if found is None:
        raise UnknownTermError(f"{code_or_name!r} is not a CTCAE v{CTCAE_VERSION} term or MedDRA v12.0 code")
    return found


def allowed_grades(term: Term | str) -> tuple[int, ...]:
    """The grades a term has (a :class:`Term`, a MedDRA code or a term name); :class:`UnknownTermError` when
    the term is not in CTCAE v4.03. Febrile neutropenia: (3, 4, 5); Sepsis: (4, 5)."""
    return (term if isinstance(term, Term) else get_term(term)).allowed_grades


def terms_in_soc(soc: str) -> tuple[Term, ...]:
    """The terms of one system organ class (its English name, case and spacing ignored), in the file's order;
    :class:`UnknownTermError` naming it when there is no such SOC."""
    key = name_key(soc)
    matches = [name for name in socs() if name_key(name) == key]
    if not matches:
        raise UnknownTermError(f"{soc!r} is not a CTCAE v{CTCAE_VERSION} system organ class")
    return tuple(term for term in all_terms() if term.soc == matches[0])
