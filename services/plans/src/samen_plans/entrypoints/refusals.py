"""What the routes are about, as refused attempts name it in the trail."""

from samen_kit.access.refusal_book import ResourceKinds

RESOURCE_KINDS = ResourceKinds(
    {
        "/opps": "opp",
        "/pupils": "pupil",
        "/reports": "report",
        "/ouders/opp": "opp",
        "/ouders/documenten": "opp",
        "/ouders/groeidocument": "groeidocument",
    },
    default="service",
)
