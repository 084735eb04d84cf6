"""`samen pss`: reading PSS and telling the platform's PostgreSQL connections apart."""

from __future__ import annotations

import pytest
from samen_cli.pss import Part, pss_of, serves_platform

pytestmark = pytest.mark.unit

ROLLUP = """55d0c0a00000-7ffd3f5e7000 ---p 00000000 00:00 0  [rollup]
Rss:              123456 kB
Pss:               98765 kB
Pss_Anon:          80000 kB
"""


def test_the_pss_line_of_smaps_rollup_is_read_in_kib() -> None:
    assert pss_of(ROLLUP) == 98765


def test_a_rollup_without_pss_is_refused() -> None:
    with pytest.raises(ValueError):
        pss_of("Rss: 1 kB\n")


@pytest.mark.parametrize(
    ("title", "serving"),
    [
        (["postgres: samen samen_consent 127.0.0.1(40022) idle"], True),
        (["postgres: samen_audit samen_audit 127.0.0.1(40023) idle in transaction"], True),
        (["postgres: samen t_ab12_db 127.0.0.1(40024) idle"], False),
        (["postgres: postgres postgres [local] idle"], False),
        (["postgres: checkpointer "], None),
        (["postgres: autovacuum launcher "], None),
        (["/usr/lib/postgresql/15/bin/postgres", "-D", "/data"], None),
    ],
)
def test_connections_to_the_platforms_databases_are_told_from_the_rest(
    title: list[str], serving: bool | None
) -> None:
    assert serves_platform(title, "samen_") is serving


def test_a_part_is_shown_in_mib_with_its_process_count() -> None:
    line = Part("kafka", (1, 2), 2048).line()
    assert "kafka" in line and "2.0 MiB" in line and "2 processes" in line
