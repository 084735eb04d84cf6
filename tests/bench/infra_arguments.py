"""The two arguments every benchmark's command line takes: the Kafka broker and the
PostgreSQL server, by default those of the environment, as the tests take them."""

from __future__ import annotations

import argparse
import os

KAFKA = "127.0.0.1:19092"
SERVER = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/postgres"


def add_infra_arguments(parser: argparse.ArgumentParser) -> None:
    """`--kafka` and `--server`."""
    parser.add_argument("--kafka", default=os.environ.get("SAMEN_KAFKA_BOOTSTRAP", KAFKA))
    parser.add_argument("--server", default=os.environ.get("SAMEN_DATABASE_URL", SERVER))
