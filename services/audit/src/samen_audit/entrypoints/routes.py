"""What each route is about, as refused attempts name it in the trail."""

from samen_kit.access.refusal_book import ResourceKinds

RESOURCE_KINDS = ResourceKinds(
    {
        "/audit/public-key": "public_key",
        "/audit/tree-heads": "tree_head",
        "/audit/proofs/inclusion": "inclusion_proof",
        "/audit/proofs/consistency": "consistency_proof",
        "/audit/receipts": "consent_receipt",
        "/audit/exports": "audit_export",
        "/audit/retention/policy": "retention_policy",
        "/audit/retention/holds": "legal_hold",
    },
    default="audit_log",
)
