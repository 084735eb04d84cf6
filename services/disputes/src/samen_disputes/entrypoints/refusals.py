"""What the routes are about, as refused attempts name it in the trail (the kit
classifies, counts and reports them)."""

from samen_kit.access.refusal_book import ResourceKinds

RESOURCE_KINDS = ResourceKinds(
    {
        "/tenant-settings": "tenant_settings",
        "/disputes": "dispute",
        "/schools": "school",
        "/ouders/geschillen": "dispute",
        "/ouders/geschil-starten": "pupil",
    },
    default="service",
)
