"""A Kafka record read for the log: its tenant, id, time and school, or the platform log."""

from datetime import UTC, datetime

import pytest
from samen_archive.canonical import EntryFlag
from samen_archive.merkle import leaf_hash
from samen_audit.domain.records import RecordPosition, leaf_record

pytestmark = pytest.mark.unit

POSITION = RecordPosition("samen.consent.events", 2, 41)
HEADERS = [
    ("ce_id", b"0b7e4a4e-2f47-4a5e-9f57-1d5d6c3a9b10"),
    ("ce_source", b"/samen/consent"),
    ("ce_type", b"samen.consent.ConsentGiven.v1"),
    ("ce_specversion", b"1.0"),
    ("ce_time", b"2026-03-02T09:00:00Z"),
    ("ce_tenant", b"swv-1"),
    ("content-type", b"application/json"),
]
BODY = b'{"pupil_id": "p", "school_id": "4a3f0c1e-0000-4000-8000-000000000001"}'


def known(_: str) -> bool:
    return True


def with_tenant(value: bytes | None) -> list[tuple[str, bytes]]:
    headers = [(n, v) for n, v in HEADERS if n != "ce_tenant"]
    return headers if value is None else [*headers, ("ce_tenant", value)]


def test_a_readable_event_is_its_tenants_leaf_with_the_facts_the_log_is_searched_by() -> None:
    record = leaf_record(POSITION, HEADERS, BODY, known)
    assert record.tenant == "swv-1"
    assert record.event_id == "0b7e4a4e-2f47-4a5e-9f57-1d5d6c3a9b10"
    assert record.occurred_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert record.school == "4a3f0c1e-0000-4000-8000-000000000001"  # from the data
    assert record.leaf_hash == leaf_hash(record.entry) and record.flag is None


@pytest.mark.parametrize("tenant", [None, b"", b"swv 1; DROP", b"\xff\xfe", b"a" * 200])
def test_a_record_naming_no_readable_tenant_goes_to_the_platform_log(tenant: bytes | None) -> None:
    assert leaf_record(POSITION, with_tenant(tenant), BODY, known).tenant == "platform"


def test_a_record_without_value_or_time_is_still_a_flagged_leaf() -> None:
    headers = [(n, v) for n, v in HEADERS if n not in ("ce_id", "ce_time")]
    record = leaf_record(POSITION, headers, None, known)
    assert (record.event_id, record.occurred_at, record.flag) == (None, None, EntryFlag.UNPARSEABLE)
