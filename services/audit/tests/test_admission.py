"""Which records become leaves: idempotent on event id, and nothing is ever dropped."""

import pytest
from samen_archive.canonical import EntryFlag
from samen_archive.merkle import leaf_hash
from samen_audit.domain.admission import ID_CONFLICT, admit

from services.audit.tests.audit_fakes import bus_record as record

pytestmark = pytest.mark.unit


def test_a_new_event_is_admitted_under_its_id() -> None:
    [admitted] = admit([record("e-1", b"a", 0)], {}, set())
    assert (admitted.event_id, admitted.record_key, admitted.flag) == ("e-1", None, None)


def test_a_redelivered_event_is_skipped_whether_known_before_or_earlier_in_the_batch() -> None:
    first = record("e-1", b"a", 0)
    assert admit([record("e-1", b"a", 7)], {"e-1": first.leaf_hash}, set()) == []
    assert len(admit([first, record("e-1", b"a", 7)], {}, set())) == 1


def test_a_known_id_with_other_bytes_is_kept_under_its_place_and_flagged() -> None:
    known = {"e-1": leaf_hash(b"a")}
    [admitted] = admit([record("e-1", b"forged", 9)], known, set())
    assert admitted.event_id is None
    assert admitted.record_key == "samen.consent.events/0/9"
    assert admitted.flag == ID_CONFLICT


def test_a_record_without_an_id_is_keyed_by_its_place_and_kept_once() -> None:
    broken = record(None, b"\xff", 3, flag=EntryFlag.UNPARSEABLE)
    [admitted] = admit([broken], {}, set())
    assert (admitted.record_key, admitted.flag) == ("samen.consent.events/0/3", "unparseable")
    assert admit([broken], {}, {"samen.consent.events/0/3"}) == []
