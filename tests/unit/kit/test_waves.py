"""A claimed batch in waves: at most one event per pupil in a wave, each pupil's
events in successive waves in their order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_kit.waves import waves

pytestmark = pytest.mark.unit


def test_events_of_different_pupils_make_one_wave() -> None:
    assert waves(["a1", "b1", "c1"], key=lambda e: e[0]) == [["a1", "b1", "c1"]]


def test_a_pupils_second_and_third_event_go_to_the_next_waves() -> None:
    batch = ["a1", "a2", "a3", "b1", "c1", "c2"]
    assert waves(batch, key=lambda e: e[0]) == [["a1", "b1", "c1"], ["a2", "c2"], ["a3"]]


def test_an_empty_batch_has_no_waves() -> None:
    assert waves([], key=lambda e: e) == []


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers())))
def test_waves_keep_every_event_once_and_each_pupils_order(batch: list[tuple[str, int]]) -> None:
    result = waves(batch, key=lambda e: e[0])
    assert sorted(e for wave in result for e in wave) == sorted(batch)
    for wave in result:
        assert len({pupil for pupil, _ in wave}) == len(wave)
    for pupil in "abcd":
        assert [e for wave in result for e in wave if e[0] == pupil] == [
            e for e in batch if e[0] == pupil
        ]
