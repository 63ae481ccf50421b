"""Issue 8: the randomisation list CSV that ``centre enrol --randomisation`` and ``centre unblind --randomisation``
read (one reader for both): every list written reads back the same; every fault names the file and its line."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.randomisation_lists import read_list_csv
from crf_desktop.store.randomisation import ListEntry
from tests.services.unblinding_world import write_list

_CODE = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=12).filter(
    lambda t: t.strip("-") == t)


@st.composite
def lists(draw: st.DrawFn) -> list[ListEntry]:
    size = draw(st.integers(min_value=1, max_value=30))
    seqs = draw(st.lists(st.integers(min_value=1, max_value=10_000), min_size=size, max_size=size, unique=True))
    codes = draw(st.lists(_CODE, min_size=3 * size, max_size=3 * size, unique_by=str.upper))
    arms = draw(st.lists(st.sampled_from(["A", "B"]), min_size=size, max_size=size))
    return [ListEntry(seq=seq, rand_no=f"R{codes[3 * i]}", msc_kit=f"MSC{codes[3 * i + 1]}",
                      mmf_kit=f"MMF{codes[3 * i + 2]}", arm=arm)
            for i, (seq, arm) in enumerate(zip(seqs, arms, strict=True))]


@settings(max_examples=60, deadline=None)
@given(entries=lists())
def test_a_list_written_as_csv_reads_back_the_same(entries: list[ListEntry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert read_list_csv(write_list(Path(folder) / "list.csv", entries)) == entries


def test_blank_lines_and_extra_columns_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("site,seq,rand_no,msc_kit,mmf_kit,arm,note\n01,1, R1 ,M1,P1,A,first\n,,,,,,\n", encoding="utf-8")
    assert read_list_csv(path) == [ListEntry(seq=1, rand_no="R1", msc_kit="M1", mmf_kit="P1", arm="A")]


@pytest.mark.parametrize(("text", "problem"), [
    ("seq,rand_no,msc_kit,mmf_kit,arm\n", "has no entries below its header line"),
    ("seq,rand_no,msc_kit,mmf_kit,arm\n0,R1,M1,P1,A\n", "line 2: the sequence 0 must be a number from 1"),
    ("seq,rand_no,msc_kit,mmf_kit,arm\n1,R1,M1,P1,A\n2,R2,M1,P2,B\n", "line 3: kit number M1 is also used at "
                                                                    "line 2"),
    ("seq,rand_no,msc_kit,mmf_kit,arm\n1,R1,M1,P1,A\n1,R2,M2,P2,B\n", "line 3: sequence 1 is also used at"),
    ("seq,rand_no,msc_kit,mmf_kit,arm\n1,R1,M1,P1,\n", "line 2: arm '' is not an arm code of the study"),
])
def test_each_fault_names_the_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserInputError) as refused:
        read_list_csv(path)
    assert str(path) in refused.value.message and problem in refused.value.message


def test_a_file_that_is_not_utf8_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("seq,rand_no,msc_kit,mmf_kit,arm\n1,随机1,M1,P1,A\n".encode("gb18030"))
    with pytest.raises(UserInputError, match="list.csv is not UTF-8 text; save it as CSV UTF-8"):
        read_list_csv(path)
