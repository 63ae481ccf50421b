"""Prohibited medications (exclusion criterion 1): MMF, CTX, other potent immunosuppressants (cyclosporine,
tacrolimus, Tripterygium wilfordii, leflunomide) and biologics (rituximab or others), matched by name.

Matching: the name is NFKC-normalised (full-width letters from a Chinese input method read as ASCII) and
case-folded. Chinese names and Latin names or stems of 5 or more characters match anywhere in the text
("吗替麦考酚酯胶囊", "Mycophenolate mofetil 500 mg"); short abbreviations (MMF, CTX, CsA, FK506, RTX ...) match
only as a whole word, so "MMF" does not match inside another word. Brand names (CellCept, 骁悉, 赛可平, Prograf,
MabThera/美罗华, Benlysta/倍力腾 ...) are listed with their agent.

Other potent immunosuppressants not named by the registry (azathioprine, methotrexate) are not flagged: the
investigator judges them (open point for the protocol team).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from crf_desktop.forms.model import Text


@dataclass(frozen=True, kw_only=True)
class ProhibitedAgent:
    """A prohibited agent: code, name, class, and the names it is written under."""

    code: str
    name: Text
    drug_class: Text
    synonyms: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ProhibitedMatch:
    """A medication name recognised as a prohibited agent; ``matched`` is the synonym found."""

    agent: ProhibitedAgent
    matched: str


_IMMUNO = Text(en="potent immunosuppressant", zh="强效免疫抑制剂")
_BIOLOGIC = Text(en="biologic", zh="生物制剂")


def _agent(code: str, en: str, zh: str, drug_class: Text, *synonyms: str) -> ProhibitedAgent:
    return ProhibitedAgent(code=code, name=Text(en=en, zh=zh), drug_class=drug_class, synonyms=(en, zh, *synonyms))


AGENTS: tuple[ProhibitedAgent, ...] = (
    _agent("MMF", "mycophenolate mofetil", "吗替麦考酚酯", _IMMUNO,
           "MMF", "mycophenol", "CellCept", "Myfortic", "骁悉", "霉酚酸酯", "麦考酚", "霉酚酸", "赛可平",
           "米芙", "麦考酚钠"),
    _agent("CTX", "cyclophosphamide", "环磷酰胺", _IMMUNO, "CTX", "CYC", "Endoxan", "Cytoxan", "安道生"),
    _agent("CSA", "cyclosporine", "环孢素", _IMMUNO,
           "cyclosporin", "ciclosporin", "CsA", "Sandimmun", "Neoral", "新山地明", "山地明", "环孢霉素"),
    _agent("TAC", "tacrolimus", "他克莫司", _IMMUNO, "FK506", "FK-506", "Prograf", "Advagraf", "普乐可复",
           "赛福开"),
    _agent("VCS", "voclosporin", "伏环孢素", _IMMUNO, "Lupkynis"),
    _agent("TW", "Tripterygium wilfordii", "雷公藤", _IMMUNO, "tripterygium", "TwHF", "雷公藤多苷", "雷公藤总苷"),
    _agent("LEF", "leflunomide", "来氟米特", _IMMUNO, "Arava", "爱若华"),
    _agent("RTX", "rituximab", "利妥昔单抗", _BIOLOGIC, "RTX", "Rituxan", "MabThera", "美罗华", "汉利康"),
    _agent("BEL", "belimumab", "贝利尤单抗", _BIOLOGIC, "Benlysta", "倍力腾"),
    _agent("TEL", "telitacicept", "泰它西普", _BIOLOGIC, "RC18", "泰爱"),
    _agent("ANI", "anifrolumab", "阿尼鲁单抗", _BIOLOGIC, "Saphnelo"),
    _agent("OBI", "obinutuzumab", "奥妥珠单抗", _BIOLOGIC, "Gazyva", "佳罗华"),
    _agent("OCR", "ocrelizumab", "奥瑞珠单抗", _BIOLOGIC, "Ocrevus"),
    _agent("OFA", "ofatumumab", "奥法妥木单抗", _BIOLOGIC, "Arzerra", "Kesimpta"),
    _agent("ABA", "abatacept", "阿巴西普", _BIOLOGIC, "Orencia"),
    _agent("TCZ", "tocilizumab", "托珠单抗", _BIOLOGIC, "Actemra", "RoActemra", "雅美罗"),
    _agent("IFX", "infliximab", "英夫利西单抗", _BIOLOGIC, "Remicade"),
    _agent("ADA", "adalimumab", "阿达木单抗", _BIOLOGIC, "Humira", "修美乐"),
    _agent("ETN", "etanercept", "依那西普", _BIOLOGIC, "Enbrel", "益赛普"),
    _agent("ECU", "eculizumab", "依库珠单抗", _BIOLOGIC, "Soliris"),
    _agent("USK", "ustekinumab", "乌司奴单抗", _BIOLOGIC, "Stelara"),
)

_SHORT = 5  # Latin synonyms shorter than this match only as whole words
_WORD = re.compile(r"[0-9a-z]+", re.ASCII)


def normalise_name(name: str) -> str:
    """A medication name as compared: NFKC, case-folded, inner white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 128 for ch in text)


def _matches(name: str, words: frozenset[str], synonym: str) -> bool:
    wanted = normalise_name(synonym)
    if _is_latin(wanted) and len(wanted.replace("-", "")) < _SHORT:
        return wanted.replace("-", "") in words or wanted in words
    return wanted in name


def _words(name: str) -> frozenset[str]:
    found = set(_WORD.findall(name))
    found |= {w.replace("-", "") for w in re.findall(r"[0-9a-z-]+", name)}
    return frozenset(found)


def prohibited_medication(name: str) -> ProhibitedMatch | None:
    """The prohibited agent ``name`` refers to (English, Chinese, brand names; any case), or ``None``."""
    normal = normalise_name(name)
    if not normal:
        return None
    words = _words(normal)
    for agent in AGENTS:
        for synonym in agent.synonyms:
            if _matches(normal, words, synonym):
                return ProhibitedMatch(agent=agent, matched=synonym)
    return None


def prohibited_medications(names: Iterable[str]) -> list[tuple[str, ProhibitedMatch]]:
    """Every name of ``names`` that is a prohibited agent, with its match, in the given order."""
    found: list[tuple[str, ProhibitedMatch]] = []
    for name in names:
        match = prohibited_medication(name)
        if match is not None:
            found.append((name, match))
    return found
