"""Why a message did not go out, as the sender decides what to do next.

Both transports (SMTP, the SMS gateway) raise one of two classes, so the caller needs
no knowledge of either protocol: a `PermanentFailure` is never retried (a refused
recipient, an invalid number, a message the relay will not take), a
`TemporaryFailure` is retried with backoff (no connection, a timeout, a 4xx reply, a
configuration fault an operator can fix). The text says which rule applied and the
protocol's code; never an address, a number or the server's free text, which may
echo them.
"""

from __future__ import annotations


class TransportFailure(Exception):
    """A message was not accepted by the relay or gateway."""

    def __init__(
        self,
        reason: str,
        *,
        code: str | None = None,
        maybe_sent: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{reason} ({code})" if code else reason)
        self.reason = reason
        self.code = code  # the protocol's code: "550 5.1.1", "422/9"
        # The request may have reached the other side before the failure: look the
        # message up by its reference before sending it again (SMS), or accept that a
        # resend carries the same Message-ID (e-mail).
        self.maybe_sent = maybe_sent
        self.retry_after = retry_after  # seconds, when the other side said so


class PermanentFailure(TransportFailure):
    """Sending this message again will fail again: record it as failed."""


class TemporaryFailure(TransportFailure):
    """Worth another try later."""
