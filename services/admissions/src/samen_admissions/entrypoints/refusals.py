"""What the routes are about, as refused attempts name it in the trail (the kit
classifies, counts and reports them)."""

from samen_kit.access.refusal_book import ResourceKinds

RESOURCE_KINDS = ResourceKinds(
    {
        "/admission-requests": "admission_request",
        "/registrations": "registration",
        "/absences": "absence",
        "/inspectie-report": "report",
        "/ouders/aanvragen": "admission_request",
    },
    default="service",
)
