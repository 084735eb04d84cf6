"""structlog set-up: JSON off a terminal, key=value on one; personal data kept out.

Every log line carries the bound context (tenant, correlation id, event id) through
`structlog.contextvars`. The `redact_personal_data` processor drops values of keys that
could hold personal data and masks e-mail addresses and phone numbers found in any
string value, so a careless `log.info("x", email=...)` cannot leak a parent's address.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

_PERSONAL_KEYS = frozenset(
    {
        "name",
        "first_name",
        "last_name",
        "full_name",
        "email",
        "e_mail",
        "phone",
        "mobile",
        "address",
        "birth_date",
        "date_of_birth",
        "description",
        "comment",
        "note",
        "text",
        "body",
        "password",
        "token",
        "cookie",
        "authorization",
    }
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Phone numbers, but not ISO dates and times ("2026-11-23 18:33:02").
_PHONE = re.compile(r"(?<![\w:-])\+?\d[\d \-]{7,}\d(?![\w:-])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
REDACTED = "[redacted]"


def _scrub(value: str) -> str:
    value = _EMAIL.sub(REDACTED, value)
    return _PHONE.sub(lambda m: m[0] if _DATE.search(m[0]) else REDACTED, value)


def redact_personal_data(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in list(event_dict.items()):
        if key.lower() in _PERSONAL_KEYS:
            event_dict[key] = REDACTED
        elif isinstance(value, str):
            event_dict[key] = _scrub(value)
    return event_dict


def configure_logging(*, json: bool | None = None, level: str = "INFO") -> None:
    """Configure structlog and route the standard library's logging through it."""
    as_json = (not sys.stderr.isatty()) if json is None else json
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact_personal_data,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if as_json
        # Plain tracebacks: the rich ones print local variables, which can be personal data.
        else structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)
    )
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                *shared,
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                renderer,
            ],
            foreign_pre_chain=[],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiokafka is chatty about every rebalance at INFO.
    logging.getLogger("aiokafka").setLevel(logging.WARNING)


def bind_event_context(*, tenant: str, correlationid: str, event_id: str) -> None:
    structlog.contextvars.bind_contextvars(
        tenant=tenant, correlation_id=correlationid, event_id=event_id
    )


def clear_event_context() -> None:
    structlog.contextvars.clear_contextvars()
