"""The inspectie exports the tenant's audit trail and checks it offline, with nothing but
the archive and the public key it trusts (`samen audit verify ARCHIVE --key KEY`)."""

from __future__ import annotations

import asyncio
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

from samen_archive.verbatim import exported_lines

from samen_cli.journey.context import Journey
from samen_cli.journey.polling import JourneyError, until
from samen_cli.journey.staff import Badge

EXPORTS = "exports"
ENTRIES = "entries.jsonl"


async def audit_holds(j: Journey, event_ids: set[str]) -> None:
    """Every one of these events is in the audit log (an inclusion proof is not 404)."""
    client = j.desk.at("audit", Badge.inspectie(j.plan.tenant))
    missing = set(event_ids)

    async def appended() -> bool:
        for event_id in sorted(missing):
            answer = await client.get("/audit/proofs/inclusion", params={"event_id": event_id})
            if answer.status_code == 404:
                return False
            missing.discard(event_id)
        return True

    await until(appended, what="the audit log holds the pupil's events", within=j.options.within)


async def inspectie_verifies(j: Journey) -> None:
    await j.wait("DisputeStageChanged", dispute_id=j.trail.dispute_id)
    ours = {s.id for s in j.watch.seen if j.about_pupil(s)}
    await audit_holds(j, ours)
    j.trail.audited = ours
    archive, key = await _export(j)
    j.trail.export = archive
    j.trail.verified = await verify_offline(archive, key)
    exported = await j.watch.wait("AuditExported", within=j.options.within)
    j.timeline.say("inspectie", f"exports the audit trail ({_entries_about(archive, ours)} "
                   f"entries about this pupil) and checks it offline: {j.trail.verified[0]}",
                   exported)  # fmt: skip


async def _export(j: Journey) -> tuple[Path, Path]:
    inspectie = Badge.inspectie(j.plan.tenant)
    period = {"period_from": (j.plan.anchor - timedelta(days=1)).isoformat(),
              "period_to": j.site.today().isoformat()}  # fmt: skip
    response = await j.desk.call("audit", inspectie, "POST", "/audit/exports", json=period)
    folder = j.site.state_dir / EXPORTS
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"audit-{j.plan.tenant}-{response.headers.get('X-Export-Id', 'export')}.zip"
    archive.write_bytes(response.content)
    public = await j.desk.json("audit", inspectie, "GET", "/audit/public-key")
    key = folder / "audit-public-key.pem"
    key.write_text(public["public_key_pem"], encoding="ascii")
    return archive, key


async def verify_offline(archive: Path, key: Path) -> list[str]:
    """`samen audit verify`, as the inspectie runs it on their own computer."""
    command = [
        sys.executable,
        "-m",
        "samen_cli",
        "audit",
        "verify",
        str(archive),
        "--key",
        str(key),
    ]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    output, _ = await process.communicate()
    lines = output.decode("utf-8", "replace").splitlines()
    if process.returncode != 0:
        raise JourneyError("samen audit verify: " + " / ".join(lines[:3]))
    return lines


def _entries_about(archive: Path, event_ids: set[str]) -> int:
    with zipfile.ZipFile(archive) as opened:
        lines = exported_lines(opened.read(ENTRIES))
    return sum(1 for line in lines if line.event_id in event_ids)
