"""`samen pss`: the running platform's memory as proportional set size (PSS).

PSS shares each page among the processes that map it, so the sum over processes is
what the platform really holds. Counted: the Kafka broker, the PostgreSQL server (its
postmaster, background processes and the connections to the platform's databases) and
every process `samen up` started (`<state>/platform.pids.json`). Connections of other
clients to other databases on the same server are listed, not counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from samen_kit.localinfra import InfraConfig, KafkaNode
from samen_kit.localinfra.process import command_line, descendants

from samen_cli.platform import PIDS_FILE, running_config

KIB_PER_MIB = 1024


@dataclass(frozen=True)
class Part:
    name: str
    pids: tuple[int, ...]
    pss_kib: int
    note: str = ""

    def line(self) -> str:
        count = f"{len(self.pids)} process{'es' if len(self.pids) != 1 else ''}"
        return f"  {self.name:<14} {self.pss_kib / KIB_PER_MIB:>8.1f} MiB  {count}{self.note}"


def pss_of(smaps_rollup: str) -> int:
    """The `Pss:` line of /proc/<pid>/smaps_rollup, in KiB."""
    for line in smaps_rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise ValueError("no Pss line")


def read_pss(pid: int) -> int:
    try:
        return pss_of(Path(f"/proc/{pid}/smaps_rollup").read_text())
    except (OSError, ValueError):
        return 0  # gone meanwhile


def serves_platform(cmdline: Iterable[str], database_prefix: str) -> bool | None:
    """For a PostgreSQL child: True for a connection to one of the platform's databases,
    False for another database's, None for the server's own processes."""
    title = " ".join(cmdline)
    if not title.startswith("postgres: "):
        return None
    words = title.removeprefix("postgres: ").split()
    is_connection = (len(words) >= 3 and "(" in words[2]) or (
        len(words) >= 3 and words[2] == "[local]"
    )
    if not is_connection:
        return None
    return words[1].startswith(database_prefix)


def part(name: str, pids: Iterable[int], note: str = "") -> Part:
    found = tuple(pids)
    return Part(name, found, sum(read_pss(pid) for pid in found), note)


def postgres_parts(postmaster: int, database_prefix: str) -> list[Part]:
    ours: list[int] = [postmaster]
    others: list[int] = []
    for pid in descendants(postmaster):
        serving = serves_platform(command_line(pid), database_prefix)
        (others if serving is False else ours).append(pid)
    counted = part("postgres", ours, " (server and the platform's connections)")
    other = part("(not counted)", others, " (other clients' connections to other databases)")
    return [counted, other] if others else [counted]


def platform_parts(state_dir: Path) -> list[Part]:
    path = state_dir / PIDS_FILE
    if not path.exists():
        return []
    pids: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))
    return [part(name, [pid, *descendants(pid)]) for name, pid in pids.items() if is_samen(pid)]


def is_samen(pid: int) -> bool:
    """Still the process `samen up` started (a stale file's pid may be another's now)."""
    return any("samen_" in argument for argument in command_line(pid))


def pss(
    database_prefix: Annotated[
        str, typer.Option(help="The platform's databases start so.")
    ] = "samen_",
) -> None:
    """Print the running platform's memory (PSS) per component and in total."""
    infra, state = InfraConfig(), running_config().state_dir
    parts: list[Part] = []
    broker = infra.kafka()  # the one broker `samen up` starts, not a cluster
    if isinstance(broker, KafkaNode) and (kafka := broker.pid()) is not None:
        parts.append(part("kafka", [kafka, *descendants(kafka)]))
    if (postmaster := infra.postgres().pid()) is not None:
        parts.extend(postgres_parts(postmaster, database_prefix))
    parts.extend(platform_parts(state))
    if not parts:
        typer.echo("Nothing of the platform runs here (start it with `uv run samen up`).")
        raise typer.Exit(1)
    for found in parts:
        typer.echo(found.line())
    total = sum(p.pss_kib for p in parts if p.name != "(not counted)")
    typer.echo(f"  {'total':<14} {total / KIB_PER_MIB:>8.1f} MiB  (proportional set size)")
