"""The Kafka broker's jars from Maven Central, and the JDK that runs them."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from samen_kit.localinfra import paths
from samen_kit.localinfra.process import InfraError, file_lock, run_command

log = logging.getLogger(__name__)


async def fetch_kafka() -> Path:
    """The broker's classpath folder, fetched by Maven once; later calls stay offline."""
    libs = paths.kafka_home() / "libs"
    if _fetched(libs):
        return libs
    async with file_lock(paths.kafka_home().parent / ".fetch.lock"):
        if not _fetched(libs):
            await _maven_copy(libs)
    return libs


def _fetched(libs: Path) -> bool:
    version = paths.kafka_version()
    return (libs / f"kafka_2.13-{version}.jar").is_file() and any(libs.glob("log4j-slf4j-impl-*"))


async def _maven_copy(libs: Path) -> None:
    maven = shutil.which("mvn")
    if maven is None:
        raise InfraError("Maven (mvn) is missing: run deploy/local/install.sh")
    partial = libs.with_name("libs.partial")
    shutil.rmtree(partial, ignore_errors=True)
    log.info("kafka.fetch.started version=%s", paths.kafka_version())
    command = [maven, "-q", "-B", "-Dstyle.color=never", "-f", str(paths.deploy_dir() / "pom.xml")]
    result = await run_command(
        [*command, "package", f"-Dkafka.libs={partial}"], cwd=paths.deploy_dir(), within=900
    )
    if result.returncode != 0:
        raise InfraError(f"Maven could not fetch Kafka:\n{result.output[-3000:]}")
    shutil.rmtree(libs, ignore_errors=True)
    partial.rename(libs)  # atomic: a half-finished download never looks complete


def java() -> str:
    if home := os.environ.get("JAVA_HOME"):
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise InfraError("Java is missing: run deploy/local/install.sh")
    return found
