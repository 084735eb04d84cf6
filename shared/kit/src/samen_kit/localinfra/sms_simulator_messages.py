"""The SMS gateway simulator's message objects, list pages and balance, as MessageBird shows them.

Field names follow the gateway's REST API and what its official Python client reads
(`Message`, `Recipient`, `MessageList` with `Links`, `Balance`): a message's
`recipients` holds `totalCount`, `totalSentCount`, `totalDeliveredCount`,
`totalDeliveryFailedCount` and `items[]` with `recipient`, `status`, `statusDatetime`.
The totals are counted from the items, so they can never disagree with them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from samen_kit.sms import sms_length

# A recipient counts as sent once the message left for the network, whatever came after.
_SENT = frozenset({"sent", "delivered", "delivery_failed"})
DEFAULT_LIMIT = 20  # the gateway's (and its clients') default page size


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def message_object(message: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The object the gateway answers for a message just accepted (`validate`'s fields)."""
    gateway_id, created = uuid.uuid4().hex, now()
    parts = sms_length(message["body"]).segments
    items = [
        {"recipient": int(number), "status": "sent", "statusReason": None,
         "statusErrorCode": None, "statusDatetime": created, "messagePartCount": parts}
        for number in message["recipients"]
    ]  # fmt: skip
    stored = {
        "id": gateway_id,
        "href": f"{base_url}/messages/{gateway_id}",
        "direction": "mt",
        "type": "sms",
        "originator": message["originator"],
        "body": message["body"],
        "reference": message["reference"],
        "reportUrl": message["reportUrl"],
        "validity": None,
        "gateway": 10,
        "typeDetails": {},
        "datacoding": message["datacoding"],
        "mclass": 1,
        "scheduledDatetime": None,
        "createdDatetime": created,
        "recipients": {"items": items},
    }
    _recount(stored)
    return stored


def set_status(
    message: dict[str, Any],
    item: dict[str, Any],
    status: str,
    reason: str,
    error_code: int | None = None,
) -> None:
    """One recipient's status changes; the message's totals follow it."""
    item.update(
        status=status, statusReason=reason, statusErrorCode=error_code, statusDatetime=now()
    )
    _recount(message)


def _recount(message: dict[str, Any]) -> None:
    recipients = message["recipients"]
    statuses = [item["status"] for item in recipients["items"]]
    recipients.update(
        totalCount=len(statuses),
        totalSentCount=sum(status in _SENT for status in statuses),
        totalDeliveredCount=statuses.count("delivered"),
        totalDeliveryFailedCount=statuses.count("delivery_failed"),
    )


def message_page(
    messages: Sequence[dict[str, Any]], base_url: str, offset: int, limit: int
) -> dict[str, Any]:
    """A page of the message list, most recent first, with the gateway's paging links."""
    newest_first = list(reversed(messages))
    items = newest_first[offset : offset + limit]
    total = len(newest_first)

    def link(at: int) -> str:
        return f"{base_url}/messages?{urlencode({'offset': at, 'limit': limit})}"

    last = max(0, (total - 1) // limit * limit)
    return {
        "offset": offset,
        "limit": limit,
        "count": len(items),
        "totalCount": total,
        "links": {
            "first": link(0),
            "previous": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None,
            "last": link(last),
        },
        "items": items,
    }


def balance_object(amount: float) -> dict[str, Any]:
    """A prepaid account's balance in credits, as `GET /balance` answers it."""
    return {"payment": "prepaid", "type": "credits", "amount": amount}
