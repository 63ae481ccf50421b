"""The Chinese translation file: every string translated, with the placeholders and keyboard mnemonics of its
English source, and no markup escaped twice (which shows "&amp;" to the user instead of an underlined letter)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: S405 - our own file, not untrusted input

from crf_desktop.core.resources import resource_path

_PLACEHOLDER = re.compile(r"%\d")
_MNEMONIC = re.compile(r"&(?!&)\w")


def _messages() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message."""
    root = ET.parse(resource_path("translations", "crf_desktop_zh_CN.ts")).getroot()  # noqa: S314
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation.text or "", translation.get("type")))
    return found


def test_every_string_is_translated_with_its_placeholders_and_mnemonic() -> None:
    messages = _messages()
    assert len(messages) > 700
    problems = []
    for context, source, translation, kind in messages:
        if kind is not None or not translation:
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
            problems.append(f"{context}: {source!r} and {translation!r} differ in their %n")
        if bool(_MNEMONIC.search(source)) != bool(_MNEMONIC.search(translation)):
            problems.append(f"{context}: {source!r} and {translation!r} differ in their keyboard mnemonic")
    assert problems == []


def test_no_translation_shows_escaped_markup() -> None:
    shown = [(context, translation) for context, _source, translation, _kind in _messages()
             if re.search(r"&(amp|apos|quot|lt|gt);", translation)]
    assert shown == []
