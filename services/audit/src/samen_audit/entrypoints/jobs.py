"""The scheduler (APScheduler): sign grown logs at a set interval, report refusal windows,
carry out erasure facts."""

from datetime import timedelta

import structlog
from samen_kit.periodic import Every, periodic

from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.refusals import report_closed_windows
from samen_audit.handlers.retention import carry_out_erasures, erase_old_access_entries
from samen_audit.handlers.tree_heads import sign_grown_logs

log = structlog.get_logger(__name__)


class AuditScheduler:
    def __init__(
        self,
        context: AuditContext,
        *,
        tree_head_interval: float,
        sweep_interval: float,
        refusal_grace: float,
    ) -> None:
        self._context = context
        self._tree_head_interval = tree_head_interval
        self._sweep_interval = sweep_interval
        self._refusal_grace = timedelta(seconds=refusal_grace)

    async def run(self) -> None:
        """A background job of the runtime: runs until the service stops (a failed run is
        logged by the kit's `periodic`, and the next interval tries again)."""
        heads = Every("audit.tree_heads", self._tree_head_interval, self.sign_heads, False)
        report = Every("audit.refusals", self._sweep_interval, self.report, False)
        erase = Every("audit.retention", self._sweep_interval, self.erase, False)
        await periodic(heads, report, erase)()

    async def sign_heads(self) -> None:
        for head in await sign_grown_logs(self._context):
            log.info("audit.tree_head.signed", tenant=head.tenant, tree_size=head.tree_size)

    async def erase(self) -> None:
        """Carry out the services' `PersonalDataErased` facts and erase old access entries
        (bodies go, leaves stay)."""
        erased = await carry_out_erasures(self._context)
        erased += await erase_old_access_entries(self._context)
        if erased:
            log.info("audit.retention.done", bodies=erased)

    async def report(self) -> None:
        await report_closed_windows(self._context, self._refusal_grace)
