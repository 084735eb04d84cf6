"""The region benchmark: its shapes and growth figures as pure rules, and the whole run
end to end at a smoke size (the platform as processes; no time is asserted)."""

from __future__ import annotations

import pytest

from tests.bench.bench_region import Shape, Step, growth, region_schools, run, table
from tests.bench.peak_rss import peak_kib

STEPS = ("roster_import", "broadcast", "consent_answers", "due_scan")


def _step(seconds: float) -> Step:
    return Step("broadcast", 10, "messages", seconds, None, {})


@pytest.mark.unit
def test_a_region_of_a_hundred_thousand_pupils_has_a_hundred_and_fifty_thousand_guardians() -> None:
    assert Shape.of(100_000) == Shape(50, 500, 100_000, 150_000)


@pytest.mark.unit
def test_the_region_s_pupils_and_guardians_are_shared_over_its_schools_and_boards() -> None:
    schools = region_schools(Shape(boards=2, schools=3, pupils=10, guardians=15))

    assert [len(s.rows) for s in schools] == [4, 3, 3]
    assert [len(s.guardians) for s in schools] == [5, 5, 5]
    assert len({s.tenant for s in schools}) == 1 and len({s.board_id for s in schools}) == 2
    assert all(1 <= len(row.guardians) <= 2 for s in schools for row in s.rows)
    ids = [g.guardian_id for s in schools for g in s.guardians]
    assert len(set(ids)) == len(ids) == 15


@pytest.mark.unit
def test_growth_sets_each_step_s_time_factor_beside_the_size_factor() -> None:
    small, large, largest = ({"broadcast": _step(s)} for s in (2.0, 6.0, 24.0))

    factors = growth([10_000, 30_000, 100_000], [small, large, largest])

    assert factors == {"size": [3.0, 3.33], "broadcast": [3.0, 4.0]}


@pytest.mark.unit
def test_a_process_s_peak_memory_is_read_from_its_high_water_mark() -> None:
    status = "Name:\tpython\nVmPeak:\t  900 kB\nVmHWM:\t  512 kB\nVmRSS:\t  300 kB\n"

    assert peak_kib(status) == 512


@pytest.mark.bench
@pytest.mark.timeout(900)
async def test_the_region_benchmark_reports_every_step_beside_its_raw_pipe_and_their_growth(
    kafka_bootstrap: str, postgres_server_url: str
) -> None:
    result = await run(
        [12, 24],
        bootstrap=kafka_bootstrap,
        server=postgres_server_url,
        boards=1,
        schools=2,
        answers_count=4,
    )

    assert [size["guardians"] for size in result["sizes"]] == [18, 36]
    for size in result["sizes"]:
        assert tuple(size["steps"]) == STEPS
        for step in size["steps"].values():
            assert step["per_second"] > 0 and step["raw_per_second"] > 0
            assert max(step["peak_mib"].values()) > 0
    big = result["sizes"][1]["steps"]
    assert big["broadcast"]["count"] == 36 and big["consent_answers"]["count"] == 4
    assert big["roster_import"]["pupils"] == 24 and big["due_scan"]["count"] == 24
    assert result["growth"]["size"] == [2.0] and set(result["growth"]) == {"size", *STEPS}
    assert "roster_import" in table(result)
