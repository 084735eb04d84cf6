"""Personal data never reaches a log line, whatever a caller passes."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr

import pytest
import structlog
from samen_kit.logging import configure_logging, redact_personal_data

pytestmark = pytest.mark.unit


def redact(**fields: object) -> dict[str, object]:
    return dict(redact_personal_data(None, "info", dict(fields)))


def test_keys_that_hold_personal_data_are_dropped_whatever_their_value() -> None:
    out = redact(email="ouder@example.nl", name="Sara", comment="zorgen", pupil_id="p-1")
    assert out == {
        "email": "[redacted]",
        "name": "[redacted]",
        "comment": "[redacted]",
        "pupil_id": "p-1",
    }


def test_addresses_and_phone_numbers_inside_other_values_are_masked() -> None:
    out = redact(event="sent to ouder@example.nl", detail="sms to +31 6 12345678 failed")
    assert out == {"event": "sent to [redacted]", "detail": "sms to [redacted] failed"}


def test_dates_times_and_ids_are_not_mistaken_for_phone_numbers() -> None:
    text = "next run at 2026-11-23 18:33:02 for 0a1b2c3d-1234-4abc-8def-001122334455"
    assert redact(detail=text) == {"detail": text}


def test_a_json_log_line_carries_the_bound_context_and_no_address() -> None:
    stream = io.StringIO()
    with redirect_stderr(stream):
        configure_logging(json=True)
        structlog.contextvars.bind_contextvars(tenant="swv-1", correlation_id="c-1")
        structlog.get_logger("t").info("mail.sent", to="ouder@example.nl")
        structlog.contextvars.clear_contextvars()
    configure_logging()  # back to the real stderr for the tests after this one
    line = json.loads(stream.getvalue().strip().splitlines()[-1])
    assert line["tenant"] == "swv-1"
    assert line["correlation_id"] == "c-1"
    assert line["to"] == "[redacted]"
