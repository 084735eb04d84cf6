"""Fakes that subclass the real ports, for unit tests (never in integration tests)."""

from __future__ import annotations

from collections.abc import Mapping

from samen_notifications.adapters.ports import (
    AbstractEmailSender,
    AbstractSmsGateway,
    InvalidReport,
    OutgoingEmail,
    OutgoingSms,
    SendFailure,
    SmsAccepted,
    SmsReport,
    SmsStatus,
)


class FakeEmailSender(AbstractEmailSender):
    def __init__(self, failure: Exception | None = None) -> None:
        self.sent: list[OutgoingEmail] = []
        self.failure = failure

    async def send(self, email: OutgoingEmail) -> None:
        if self.failure is not None:
            raise self.failure
        self.sent.append(email)


class FakeSmsGateway(AbstractSmsGateway):
    def __init__(self, failure: SendFailure | None = None) -> None:
        self.sent: list[OutgoingSms] = []
        self.failure = failure

    async def send(self, sms: OutgoingSms) -> SmsAccepted:
        if self.failure is not None:
            raise self.failure
        self.sent.append(sms)
        return SmsAccepted(provider_id=f"gw-{len(self.sent)}")

    def parse_report(
        self,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
        *,
        url: str | None = None,
    ) -> SmsReport:
        if "status" not in params:
            raise InvalidReport("no status")
        return SmsReport(
            params.get("reference"), params.get("id"), SmsStatus(params["status"]), None, None
        )
