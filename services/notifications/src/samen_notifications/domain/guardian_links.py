"""Guardian links: tokens minted with this service's own key, and SMS short links.

A token is bound to one guardian, one pupil and one item, and expires (14 days by
default). The link points at the owning service's parent page; an SMS gets a short
code of ours instead, which redirects there. The code is derived from the message key,
so a resend of the same SMS carries the same text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from joserfc.jwk import OKPKey
from samen_kit.access import GuardianItem, mint_guardian_token
from samen_kit.access.devkeys import public_jwks

from samen_notifications.domain.items import ItemKind, ItemRef

SHORT_CODE_LENGTH = 10
SHORT_LINK_PATH = "/l/"
BULK_PREFERENCE_PATH = "/ouders/voorkeuren"  # where a guardian stops (or resumes) bulk messages
NO_PUPIL = UUID(int=0)  # the pupil claim of a link that is about the guardian alone
# A bulk message's link lives as long as this service lets any guardian link live (the
# settings cap `guardian_link_ttl_days` at 90): a mail is often read long after.
BULK_LINK_TTL = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class GuardianLink:
    url: str
    expires_at: datetime


class GuardianLinks:
    def __init__(
        self,
        key: OKPKey,
        *,
        base_urls: dict[str, str],
        page_paths: dict[str, str],
        public_base_url: str,
        code_secret: bytes,
        ttl: timedelta,
        language_params: dict[str, str] | None = None,
    ) -> None:
        self._key = key
        self._bases = {service: url.rstrip("/") for service, url in base_urls.items()}
        self._paths = page_paths
        self._public = public_base_url.rstrip("/")
        self._secret = code_secret
        self.ttl = ttl
        # Per owning service, the query parameter its pages read the language from.
        self._language_params = language_params or {}

    def page_url(self, item: ItemRef) -> str:
        path = self._paths[item.kind.value].format(id=item.id)
        return self._bases[item.owner] + path

    def mint(
        self,
        *,
        tenant: str,
        guardian_id: UUID,
        pupil_id: UUID,
        item: ItemRef,
        now: datetime,
        language: str | None = None,
    ) -> GuardianLink:
        token = mint_guardian_token(
            self._key,
            guardian_id=guardian_id,
            pupil_id=pupil_id,
            item=GuardianItem(item.kind.value, item.id),
            tenant=tenant,
            now=now,
            ttl=self.ttl,
        )
        query = {"token": token}
        param = self._language_params.get(item.owner)
        if param and language and language != "nl":
            query[param] = language  # the page opens in the language the message used
        return GuardianLink(f"{self.page_url(item)}?{urlencode(query)}", now + self.ttl)

    def bulk_opt_out(self, *, tenant: str, guardian_id: UUID, now: datetime) -> GuardianLink:
        """The List-Unsubscribe link of a bulk message: this service's page where the
        guardian stops bulk messages, in one click (RFC 8058) or on the page.

        Bound to the guardian, not to a pupil (the nil id stands in the pupil claim); it
        lives `BULK_LINK_TTL`, however short the links about one item are."""
        token = mint_guardian_token(
            self._key,
            guardian_id=guardian_id,
            pupil_id=NO_PUPIL,
            item=GuardianItem(ItemKind.BULK_MESSAGES.value, str(guardian_id)),
            tenant=tenant,
            now=now,
            ttl=BULK_LINK_TTL,
        )
        url = f"{self._public}{BULK_PREFERENCE_PATH}?{urlencode({'token': token})}"
        return GuardianLink(url, now + BULK_LINK_TTL)

    def short_code(self, message_id: UUID) -> str:
        digest = hmac.new(self._secret, message_id.bytes, hashlib.sha256).digest()
        return base64.b32encode(digest).decode("ascii").lower()[:SHORT_CODE_LENGTH]

    def short_url(self, code: str) -> str:
        return f"{self._public}{SHORT_LINK_PATH}{code}"

    def jwks(self) -> dict[str, Any]:
        """The public half, served at /.well-known/guardian-jwks.json."""
        return public_jwks(self._key)
