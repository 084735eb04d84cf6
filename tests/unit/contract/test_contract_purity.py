"""The contract imports pydantic and the standard library only."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.unit

IO_LIBRARIES = frozenset(
    {"aiokafka", "faststream", "fastapi", "sqlalchemy", "sqlmodel", "psycopg", "asyncpg"}
    | {"httpx", "structlog", "samen_kit", "cloudevents", "jsonschema"}
)

PROBE = """
import importlib, pkgutil, sys
import samen_contract
for module in pkgutil.walk_packages(samen_contract.__path__, "samen_contract."):
    importlib.import_module(module.name)
samen_contract.registry.event_types()
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_importing_every_contract_module_loads_no_io_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(result.stdout.split())
    assert "pydantic" in loaded
    assert loaded.isdisjoint(IO_LIBRARIES), loaded & IO_LIBRARIES
