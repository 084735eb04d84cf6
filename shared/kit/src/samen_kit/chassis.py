"""What a service's composition root installs around its app the same way everywhere:
access verification from its settings, the step-up gate of its sensitive parent actions,
and the book of refused attempts that the closed-window reporter reads."""

from __future__ import annotations

from fastapi import FastAPI

from samen_kit.access import install_access
from samen_kit.access.refusal_book import RefusalBook, ResourceKinds, install_refusals
from samen_kit.access.step_up_gate import install_step_up_gate
from samen_kit.access.verification import service_access, step_up_gate
from samen_kit.refusal_table import refusal_counts
from samen_kit.service import ServiceRuntime


def install_service_access(
    app: FastAPI,
    runtime: ServiceRuntime,
    resource_kinds: ResourceKinds,
    *,
    parent_pages: bool = True,
    step_up: bool = False,
) -> RefusalBook:
    """Staff tokens and (with `parent_pages`) guardian links and sessions verified, the
    step-up gate when `step_up`, and every refusal counted in the kit's table for the
    service's `resource_kinds`; the book, for the service's refusal reporter."""
    settings, clock = runtime.settings, runtime.clock
    book = RefusalBook(runtime.sessions, clock, refusal_counts, resource_kinds)
    access = service_access(settings, clock, runtime.sessions, book, parent_pages=parent_pages)
    install_access(app, access)
    if step_up:
        install_step_up_gate(app, step_up_gate(settings, clock))
    install_refusals(app, book)
    return book
