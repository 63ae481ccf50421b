"""Type-ahead search over the CTCAE v4.03 terms: by term, Chinese label, MedDRA code, synonym and SOC.

Matching is case-, accent- and width-insensitive (NFKC, then accents dropped, then case folded) and reads
British spellings as American ones ("anaemia" finds Anemia, "diarrhoea" Diarrhea). Ranking, best first:

1. ``EXACT``: the query is the term, its Chinese label, its MedDRA code or a synonym;
2. ``PREFIX``: the term, label, code or a synonym starts with the query;
3. ``WORD_PREFIX``: a word of the term starts with the query (every word of a multi-word query starts a
   word of the term: "count decr" finds "Platelet count decreased");
4. ``SUBSTRING``: the query is inside the term, label or a synonym (spaces and hyphens ignored);
5. ``SOC``: the query is inside the name of the term's system organ class (English or Chinese) only.

Inner matches (4 and 5) need at least 3 letters or 2 Chinese characters, so "hb" does not list every term
holding an "h" before a "b".

Ties are ordered by the English term. Keys are normalised once per process, so a search over the 790 terms
takes well under a millisecond or two (type-ahead speed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import cache

from crf_desktop.forms.ctcae.labels import SOC_ZH, soc_text, term_text
from crf_desktop.forms.ctcae.synonyms import SYNONYMS
from crf_desktop.forms.ctcae.terms import Term, all_terms, get_term, terms_in_soc
from crf_desktop.forms.model import Text

LANGUAGES = frozenset({"en", "zh"})
_WORD = re.compile(r"\w+")
MIN_INNER = 3
MIN_INNER_CJK = 2
_BRITISH = re.compile(r"(?<=[a-z])[ao]e|^oe|^ae")

__all__ = ["MatchKind", "SearchHit", "normalise", "search", "terms_in_soc"]


class MatchKind(IntEnum):
    """How a hit matched the query; lower is better."""

    EXACT = 0
    PREFIX = 1
    WORD_PREFIX = 2
    SUBSTRING = 3
    SOC = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One search result: the term, how it matched, what matched, and labels in the asked language.

    ``specify`` is the suggested "Other, specify" text when a synonym leads to an "Other, specify" term
    (herpes zoster -> Infections and infestations - Other, specify: "Herpes zoster").
    """

    term: Term
    match: MatchKind
    matched: str
    label: str
    soc_label: str
    specify: Text | None = None

    @property
    def code(self) -> str:
        """The MedDRA v12.0 code (the value to store)."""
        return self.term.meddra_code


def normalise(text: str) -> str:
    """Text folded for matching: NFKC, accents removed, case folded, British "ae"/"oe" read as "e", single
    spaces."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    stripped = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    spaced = " ".join(stripped.split())
    return " ".join(_BRITISH.sub("e", word) for word in spaced.split(" "))


def _compact(text: str) -> str:
    return "".join(_WORD.findall(text)).replace("_", "")


@dataclass(frozen=True, slots=True)
class _Key:
    text: str
    compact: str
    shown: str
    substring: bool = True


@dataclass(frozen=True, slots=True)
class _Entry:
    term: Term
    keys: tuple[_Key, ...]
    words: tuple[str, ...]
    soc_keys: tuple[_Key, ...]


def _key(shown: str, *, substring: bool = True) -> _Key:
    text = normalise(shown)
    return _Key(text=text, compact=_compact(text), shown=shown, substring=substring)


@cache
def _index() -> tuple[_Entry, ...]:
    entries = []
    for term in all_terms():
        label = term_text(term)
        keys = [_key(term.term), _key(term.meddra_code, substring=False)]
        if label.zh != term.term:
            keys.append(_key(label.zh))
        soc_keys = (_key(term.soc), _key(SOC_ZH.get(term.soc, term.soc)))
        words = tuple(_WORD.findall(normalise(term.term)))
        entries.append(_Entry(term=term, keys=tuple(keys), words=words, soc_keys=soc_keys))
    return tuple(entries)


@cache
def _synonyms() -> tuple[tuple[_Key, Term, Text | None], ...]:
    return tuple((_key(word), get_term(s.term), s.specify) for s in SYNONYMS for word in s.words)


def _kind(key: _Key, query: str, compact: str) -> MatchKind | None:
    if key.text == query:
        return MatchKind.EXACT
    if key.text.startswith(query):
        return MatchKind.PREFIX
    if compact and key.substring and (query in key.text or compact in key.compact):
        return MatchKind.SUBSTRING
    return None


def _inner(query: str) -> str:
    """The compact query for inner (substring and SOC) matches; empty when the query is too short for them
    (fewer than 3 letters, or 2 Chinese characters)."""
    compact = _compact(query)
    needed = MIN_INNER if compact.isascii() else MIN_INNER_CJK
    return compact if len(compact) >= needed else ""


def _word_prefix(words: tuple[str, ...], tokens: list[str]) -> bool:
    return bool(tokens) and all(any(word.startswith(token) for word in words) for token in tokens)


def _best(entry: _Entry, query: str, compact: str, tokens: list[str]) -> tuple[MatchKind, str] | None:
    found: tuple[MatchKind, str] | None = None
    for key in entry.keys:
        kind = _kind(key, query, compact)
        if kind is not None and (found is None or kind < found[0]):
            found = (kind, key.shown)
    if (found is None or found[0] > MatchKind.WORD_PREFIX) and _word_prefix(entry.words, tokens):
        found = (MatchKind.WORD_PREFIX, entry.term.term)
    if found is None and compact:
        for key in entry.soc_keys:
            if query in key.text or compact in key.compact:
                return (MatchKind.SOC, key.shown)
    return found


def search(query: str, *, lang: str = "en", limit: int = 20) -> list[SearchHit]:
    """The terms matching ``query``, best first (see the module docstring for the ranking), at most ``limit``.

    ``lang`` ("en" or "zh") chooses the language of the labels in the hits; matching always covers both. An
    empty query finds nothing. ValueError for an unknown ``lang`` or a ``limit`` below 1.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit!r}")
    wanted = normalise(query)
    if not wanted:
        return []
    compact = _inner(wanted)
    tokens = _WORD.findall(wanted)
    best: dict[tuple[str, str], tuple[MatchKind, str, Term, Text | None]] = {}

    def offer(term: Term, kind: MatchKind, shown: str, specify: Text | None) -> None:
        slot = (term.meddra_code, specify.en if specify is not None else "")
        current = best.get(slot)
        if current is None or kind < current[0]:
            best[slot] = (kind, shown, term, specify)

    for entry in _index():
        found = _best(entry, wanted, compact, tokens)
        if found is not None:
            offer(entry.term, found[0], found[1], None)
    for key, term, specify in _synonyms():
        kind = _kind(key, wanted, compact)
        if kind is not None:
            offer(term, kind, key.shown, specify)
    ordered = sorted(best.values(), key=lambda hit: (hit[0], hit[2].term.casefold(), hit[3].en if hit[3] else ""))
    return [
        SearchHit(
            term=term, match=kind, matched=shown, label=term_text(term).get(lang),
            soc_label=soc_text(term.soc).get(lang), specify=specify,
        )
        for kind, shown, term, specify in ordered[:limit]
    ]
