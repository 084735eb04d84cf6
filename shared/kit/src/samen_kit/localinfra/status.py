"""What `status` reports about one local server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ComponentStatus:
    """One server as seen now.

    `running`: a process answers on the port or ours is alive. `ready`: it answered a real
    request (a Kafka metadata round trip, an SQL query). `owned`: the process is the one
    started from `state_dir`; a server on the port started elsewhere is running, not owned.
    """

    name: str
    address: str
    state_dir: Path
    running: bool
    ready: bool
    owned: bool
    pid: int | None = None
    detail: str = ""

    @property
    def state(self) -> str:
        if self.ready:
            return "ready"
        return "starting" if self.running else "stopped"

    def line(self) -> str:
        """One human-readable line, as `python -m samen_kit.localinfra status` prints it."""
        parts = [f"{self.name:<9}", f"{self.state:<9}", f"{self.address:<16}"]
        if self.pid is not None:
            parts.append(f"pid {self.pid}")
        elif self.running and not self.owned:
            parts.append("started elsewhere")
        parts.append(str(self.state_dir))
        if self.detail:
            parts.append(f"({self.detail})")
        return "  ".join(parts)
