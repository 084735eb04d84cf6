"""The composition root: settings -> runtime -> app. Nothing is built at import time."""

from pathlib import Path

from samen_kit.clock import Clock
from samen_kit.composition import StaffAndParentsService
from samen_kit.service import BuiltService

from samen_disputes.adapters.base import DisputesTable
from samen_disputes.adapters.retention import ERASERS
from samen_disputes.entrypoints.api import staff_router
from samen_disputes.entrypoints.consumers import add_consumers
from samen_disputes.entrypoints.errors import install_error_handlers
from samen_disputes.entrypoints.jobs import scheduler_job
from samen_disputes.entrypoints.pages import parent_router
from samen_disputes.entrypoints.refusals import RESOURCE_KINDS
from samen_disputes.handlers.context import Deps
from samen_disputes.settings import DisputesSettings

TITLE = "Samen disputes"
DESCRIPTION = (
    "Disputes between guardians and school: the procedure (conversation, mediation, "
    "onderwijsconsulent, objection, disputes committee), its deadlines and the guardians' "
    "rights. Staff routes take a staff bearer token; parent pages under /ouders take a "
    "guardian link or session."
)
MIGRATIONS = Path(__file__).parent / "migrations"
DISPUTES = StaffAndParentsService[DisputesSettings, Deps](
    title=TITLE,
    description=DESCRIPTION,
    resource_kinds=RESOURCE_KINDS,
    context=Deps,
    consumers=add_consumers,
    sweep=scheduler_job,
    erasers=ERASERS,
    tables=DisputesTable.metadata,
)


DisputesService = BuiltService[DisputesSettings, Deps]


def build_service(
    settings: DisputesSettings | None = None, *, clock: Clock | None = None
) -> DisputesService:
    service = DISPUTES.build(
        settings or DisputesSettings(),
        lambda deps, data: [staff_router(deps), parent_router(deps), *data],
        clock=clock,
    )
    install_error_handlers(service.app)
    return service
