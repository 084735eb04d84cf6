"""`samen demo`: the parents' journey against the running platform (`samen up`), told as
a short timeline; `samen demo load`: load the demo region into it (idempotent).

SMS waits out the quiet hours (21:00-07:30 in the Netherlands), so by default the demo
waits for SMS only outside them (`--sms/--no-sms` decides otherwise).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from datetime import datetime, time
from typing import Annotated, Any, TypeVar

import httpx
import typer
from aiokafka.errors import KafkaError

from samen_cli.demo_region import Region, StaffRole, staff_member
from samen_cli.journey.context import JourneyOptions
from samen_cli.journey.loading import PLAN_FILE, load_demo_region, region_plan
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.site import AMSTERDAM, Site
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.journey.story import journey, walk
from samen_cli.platform import running_config

QUIET_FROM, QUIET_UNTIL = time(21, 0), time(7, 30)
T = TypeVar("T")

app = typer.Typer(
    help="The parents' journey through the running platform (`samen demo`), and the demo region."
)


@app.callback(invoke_without_command=True)
def demo(
    context: typer.Context,
    sms: Annotated[
        bool | None,
        typer.Option(
            "--sms/--no-sms",
            help="Wait for SMS too (default: outside the quiet hours, 21:00-07:30).",
        ),
    ] = None,
) -> None:
    """Walk the parents' journey against the running platform and print its timeline."""
    if context.invoked_subcommand is not None:
        return
    site = running_config().site()
    expect_sms = not in_quiet_hours(site.now()) if sms is None else sms
    _run(_walk(site, JourneyOptions(expect_sms=expect_sms)))


@app.command("load")
def load() -> None:
    """Load the demo region into the running platform; loading again changes nothing."""
    if not _run(load_demo_region(running_config().site(), _line)):
        raise typer.Exit(1)


async def _walk(site: Site, options: JourneyOptions) -> None:
    if not (site.state_dir / PLAN_FILE).exists() and not await load_demo_region(site, _line):
        raise typer.Exit(1)
    plan = region_plan(site.state_dir, site.today())
    typer.echo(f"Samen demo — {plan.tenant}: the parents' journey\n")
    async with journey(site, plan, options, out=typer.echo) as j:
        await walk(j)
        fallbacks = await language_fallbacks(j.desk, plan.region)
    typer.echo(f"\nThe messages: uv run samen mail list   (folder {site.mail_dir})")
    typer.echo(f"The SMS log:  {site.sms_log}")
    typer.echo(f"The export:   {j.trail.export}")
    typer.echo(f"Written in Dutch for want of a translation: {sum(fallbacks.values())}")
    for label, count in sorted(fallbacks.items()):
        typer.echo(f"  {label}: {count}")


async def language_fallbacks(desk: StaffDesk, of: Region) -> dict[str, int]:
    """The notifications service's fallback counter for the region: messages written in
    Dutch because the reader's language had no translation, by `template:asked>used`."""
    admin = Badge.of(staff_member(of, StaffRole.SWV_ADMIN))
    stats = await desk.json("notifications", admin, "GET", "/v1/stats")
    return dict(stats["counters"].get("language_fallback", {}))


def _run(work: Coroutine[Any, Any, T]) -> T:
    """Run `work`; a platform that does not answer, or a step that fails, ends the command."""
    try:
        return asyncio.run(work)
    except (httpx.ConnectError, KafkaError) as error:
        typer.echo(
            f"The platform does not answer ({error}): start it with `uv run samen up`.", err=True
        )
        raise typer.Exit(2) from error
    except JourneyError as error:
        typer.echo(f"The journey stopped: {error}", err=True)
        raise typer.Exit(1) from error


def _line(name: str, state: str, where: str = "") -> None:
    typer.echo(f"  {name:<14} {state:<9} {where}")


def in_quiet_hours(now: datetime) -> bool:
    """Whether an SMS sent now would wait for the morning (the default quiet hours)."""
    local = now.astimezone(AMSTERDAM).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL
