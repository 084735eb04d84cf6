"""How a refused request is named in the trail: its method, route template and the kind
of resource it aimed at — never the concrete path, which may hold ids."""

from samen_audit.handlers.refusals import RouteShape

UNMATCHED = "/audit"
RESOURCE_KINDS = {
    "/audit/public-key": "public_key",
    "/audit/tree-heads/latest": "tree_head",
    "/audit/tree-heads/{tree_size}": "tree_head",
    "/audit/tree-heads": "tree_head",
    "/audit/proofs/inclusion": "inclusion_proof",
    "/audit/proofs/consistency": "consistency_proof",
    "/audit/receipts/{event_id}": "consent_receipt",
    "/audit/exports": "audit_export",
}


def route_shape(method: str, route: str | None) -> RouteShape:
    """``route`` is the matched template, None when no route matched."""
    template = route if route in RESOURCE_KINDS else UNMATCHED
    return RouteShape(method, template, RESOURCE_KINDS.get(template, "audit_log"))
