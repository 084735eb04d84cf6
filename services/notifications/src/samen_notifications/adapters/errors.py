"""Why a message did not go out, as the transports raise it.

The classes are the ports' (`samen_notifications.adapters.ports`), so the sending pipeline
catches them without knowing either protocol, with two more facts a retry may use:
a `PermanentFailure` is never retried (a refused recipient, an invalid number, a
message the relay will not take), a `TemporaryFailure` is (no connection, a timeout,
a 4xx reply, a configuration fault an operator can fix). The detail names the rule
and the protocol's code; never an address, a number or the server's free text, which
may echo them.
"""

from __future__ import annotations

from samen_notifications.adapters import ports


class TransportFailure(ports.SendFailure):
    def __init__(
        self,
        detail: str,
        *,
        code: int | None = None,
        maybe_sent: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(detail, code=code)
        # The request may have reached the other side before the failure: a resend
        # may be a second copy (same Message-ID or SMS reference, so recognisable).
        self.maybe_sent = maybe_sent
        self.retry_after = retry_after  # seconds, when the other side said so


class PermanentFailure(TransportFailure, ports.PermanentFailure):
    """Sending this message again will fail again: record it as failed."""


class TemporaryFailure(TransportFailure, ports.TemporaryFailure):
    """Worth another try later."""
