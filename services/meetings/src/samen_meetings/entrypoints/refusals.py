"""What the routes are about, as refused attempts name it in the trail (the kit
classifies, counts and reports them; never the token, the address or an id)."""

from __future__ import annotations

from samen_kit.access.refusal_book import ResourceKinds

RESOURCE_KINDS = ResourceKinds(
    {
        "/ouders/gesprekken": "meeting",
        "/ouders/verslagen": "meeting_record",
        "/meetings": "meeting",
        "/records": "meeting_record",
        "/agreements": "agreement",
        "/opps": "opp",
        "/pupils": "pupil",
        "/staff": "staff_member",
        "/settings": "tenant_settings",
    },
    default="other",
)
