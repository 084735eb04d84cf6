"""Bulk messages (broadcasts) carry a one-click unsubscribe (RFC 2369, RFC 8058) to this
service's page; a guardian who stops them gets no broadcast, but still every message
about their own child. Real HTTP, Kafka, PostgreSQL and the local SMTP server."""

from __future__ import annotations

import uuid
from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from samen_kit.access import GuardianItem, Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for
from samen_notifications.adapters import bulk
from samen_notifications.entrypoints.pages import pages

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration

TEXTS = {
    "nl": {"subject": "Studiedag", "body": "Vrijdag 20 maart zijn alle kinderen vrij."},
    "ar": {"subject": "يوم دراسي", "body": "يوم الجمعة 20 مارس جميع الأطفال في عطلة."},
}
ONE_CLICK = {"content-type": "application/x-www-form-urlencoded"}


async def _family(
    running: Running, tenant: str, school: uuid.UUID, language: str
) -> tuple[uuid.UUID, uuid.UUID]:
    pupil, guardian = await running.import_family(
        tenant, school, first_name="Sara", email=f"{language}@example.nl", language=language
    )
    fact = guardianship(pupil, guardian)
    await running.publish_about(tenant, pupil, fact)
    return pupil, guardian


def _body(school: uuid.UUID) -> dict[str, object]:
    return {
        "broadcast_id": str(uuid.uuid4()),
        "scope": "school",
        "scope_id": str(school),
        "sender_name": "Basisschool Het Kompas",
        "texts": TEXTS,
    }


async def _broadcast(
    running: Running,
    tenant: str,
    school: uuid.UUID,
    expected: int,
    body: dict[str, object] | None = None,
) -> dict[str, object] | None:
    """The broadcast's answer when it reached `expected` guardians (sent again with the
    same id until the roster has them all: a repeat plans nothing twice)."""
    headers = running.headers(tenant, Role.DIRECTOR, schools=(school,))
    sent = body or _body(school)
    response = await running.http.post("/v1/broadcasts", json=sent, headers=headers)
    assert response.status_code == 202, response.text
    found: dict[str, object] = response.json()
    return found if found["recipients"] == expected else None


def _subjects(running: Running, to: str) -> list[str]:
    return [str(mail["Subject"]) for mail in running.mails(to)]


def _unsubscribe_url(mail: EmailMessage) -> str:
    (value,) = mail.get_all("List-Unsubscribe") or [None]
    assert value is not None and value.startswith("<") and value.endswith(">")
    return str(value)[1:-1]


async def test_a_guardian_stops_broadcasts_in_one_click_and_still_gets_messages_about_the_child(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        dutch_pupil, dutch = await _family(running, tenant, school, "nl")
        await _family(running, tenant, school, "ar")

        first = _body(school)
        await wait_for(lambda: _broadcast(running, tenant, school, 2, first))
        await wait_for(lambda: len(running.mails()) >= 2)
        (first_nl,) = running.mails("nl@example.nl")
        (first_ar,) = running.mails("ar@example.nl")

        dutch_url, arabic_url = _unsubscribe_url(first_nl), _unsubscribe_url(first_ar)
        arabic_page = await running.http.get(arabic_url)
        # The mailbox provider's one-click POST: no session, no cookie, only the link.
        async with httpx.AsyncClient(timeout=30) as provider:
            stopped = await provider.post(
                dutch_url, content="List-Unsubscribe=One-Click", headers=ONE_CLICK
            )
            again = await provider.post(
                dutch_url, content="List-Unsubscribe=One-Click", headers=ONE_CLICK
            )
            bulk_token = parse_qs(urlsplit(dutch_url).query)["token"][0]
            contact = await provider.get(
                f"{running.base_url}/ouders/contact", params={"token": bulk_token}
            )

        second = await _broadcast(running, tenant, school, 1)
        request = consent_requested(dutch_pupil, school, dutch, purpose="arrangement")
        await running.publish_about(tenant, dutch_pupil, request)
        await wait_for(lambda: len(running.mails("ar@example.nl")) >= 2)
        await wait_for(lambda: len(running.mails("nl@example.nl")) >= 2)
        between = _subjects(running, "nl@example.nl")
        arabic_between = _subjects(running, "ar@example.nl")
        (consent_mail,) = [m for m in running.mails("nl@example.nl") if m["Subject"] != "Studiedag"]

        async with httpx.AsyncClient(timeout=30) as browser:
            resumed = await browser.post(dutch_url, content="choice=resume", headers=ONE_CLICK)
        third = await _broadcast(running, tenant, school, 2)
        await wait_for(lambda: len(running.mails("nl@example.nl")) >= 3)

    assert first_nl["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain = first_nl.get_body(("plain",))
    assert plain is not None and dutch_url in plain.get_content()  # the link under the words
    assert first_ar["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert dutch_url.startswith(f"{running.base_url}/ouders/voorkeuren?token=")
    assert dutch_url != arabic_url
    assert arabic_page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in arabic_page.text
    assert _said(arabic_page.text, "ar", "bulk_title", "bulk_stop")
    assert stopped.status_code == again.status_code == 200
    assert "set-cookie" not in stopped.headers
    assert "U krijgt geen berichten aan alle ouders meer" in stopped.text
    assert contact.status_code == 403  # the unsubscribe link opens nothing else
    assert second is not None  # it reached the Arabic reader alone
    assert arabic_between == ["يوم دراسي", "يوم دراسي"]
    assert between.count("Studiedag") == 1 and len(between) == 2
    assert consent_mail.get_all("List-Unsubscribe") is None  # transactional: no unsubscribe
    assert consent_mail.get_all("Auto-Submitted") == ["auto-generated"]
    assert resumed.status_code == 200 and third is not None
    assert "U krijgt weer berichten aan alle ouders" in resumed.text
    assert _subjects(running, "nl@example.nl").count("Studiedag") == 2


SIX = {"nl": "ltr", "en": "ltr", "ar": "rtl", "tr": "ltr", "pl": "ltr", "uk": "ltr"}


def _said(page: str, language: str, *keys: str) -> bool:
    """Each phrase as the kit's pages say it: Dutch first, the reader's language beside."""
    phrases = pages().phrases(language)
    return all(str(phrases.say(key)) in page for key in keys)


async def test_the_page_about_bulk_messages_is_dutch_first_with_the_readers_language_beside_it(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        readers = {lang: (await _family(running, tenant, school, lang))[1] for lang in SIX}
        links = running.service.context.links
        now = running.clock.now()
        pages = {
            lang: await running.http.get(
                links.bulk_opt_out(tenant=tenant, guardian_id=guardian, now=now).url
            )
            for lang, guardian in readers.items()
        }
        contact_token = running.guardian_token(
            tenant,
            readers["nl"],
            uuid.uuid4(),
            GuardianItem("contact", str(readers["nl"])),
            now=now,
        )
        other_link = await running.http.get("/ouders/voorkeuren", params={"token": contact_token})
        without_token = await running.http.get("/ouders/voorkeuren")
        expired = links.bulk_opt_out(
            tenant=tenant, guardian_id=readers["nl"], now=now - timedelta(days=91)
        )
        too_old = await running.http.post(expired.url, content="List-Unsubscribe=One-Click")
        expired_token = parse_qs(urlsplit(expired.url).query)["token"][0]
        renewal = await running.http.post("/v1/links/renew", data={"token": expired_token})
        await running.drain()
        async with running.service.runtime.sessions() as session:
            stopped = await bulk.opted_out(session, tenant, list(readers.values()))

    for lang, direction in SIX.items():
        page = pages[lang]
        assert page.status_code == 200, lang
        assert page.headers["cache-control"] == "no-store"
        assert f'<html lang="{lang}" dir="{direction}">' in page.text
        assert _said(page.text, lang, "bulk_title", "bulk_stop")  # nobody stopped yet
    assert other_link.status_code == 403  # a link for something else opens nothing here
    assert without_token.status_code == 401
    assert too_old.status_code == 401
    assert renewal.status_code == 400  # the next broadcast brings a fresh link instead
    assert running.mails() == []
    assert stopped == set()  # opening the page, or an expired link, stopped nothing
