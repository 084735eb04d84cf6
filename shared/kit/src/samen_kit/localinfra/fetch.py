"""From Maven Central: the Kafka broker's jars and Keycloak's distribution; and the JDKs
that run them (Keycloak 26 wants Java 21 or newer, Debian bookworm's JDK is 17)."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tarfile
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


# Build-time options, baked into the distribution once by `kc.sh build`: every instance
# then starts `--optimized`, skipping the Quarkus re-augmentation `start-dev` does.
KEYCLOAK_BUILD_OPTIONS = ("--db=dev-file", "--health-enabled=true", "--cache=local")
KEYCLOAK_MIN_JAVA = 21
JVM_ROOT = Path("/usr/lib/jvm")
_BUILT_MARKER = ".samen-built"


async def fetch_keycloak() -> Path:
    """Keycloak's home, unpacked and built once; later calls stay offline."""
    home = paths.keycloak_home()
    if _built(home):
        return home
    async with file_lock(home.parent / ".fetch-keycloak.lock"):
        if not home.is_dir():
            await _maven_unpack_keycloak(home)
        if not _built(home):
            await _build_keycloak(home)
    return home


def _built(home: Path) -> bool:
    marker = home / _BUILT_MARKER
    return marker.is_file() and marker.read_text() == " ".join(KEYCLOAK_BUILD_OPTIONS)


async def _maven_unpack_keycloak(home: Path) -> None:
    maven = shutil.which("mvn")
    if maven is None:
        raise InfraError("Maven (mvn) is missing: run deploy/local/install.sh")
    version = paths.keycloak_version()
    download = home.with_name(f"keycloak-{version}.download")
    shutil.rmtree(download, ignore_errors=True)
    log.info("keycloak.fetch.started version=%s", version)
    artifact = f"org.keycloak:keycloak-quarkus-dist:{version}:tar.gz"
    command = [maven, "-q", "-B", "-Dstyle.color=never", "-f", str(paths.deploy_dir() / "pom.xml")]
    command += ["dependency:copy", f"-Dartifact={artifact}", f"-DoutputDirectory={download}"]
    result = await run_command(command, cwd=paths.deploy_dir(), within=900)
    if result.returncode != 0:
        raise InfraError(f"Maven could not fetch Keycloak:\n{result.output[-3000:]}")
    partial = home.with_name(f"keycloak-{version}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    with tarfile.open(download / f"keycloak-quarkus-dist-{version}.tar.gz") as archive:
        archive.extractall(partial, filter="data")
    shutil.rmtree(download, ignore_errors=True)
    partial.joinpath(f"keycloak-{version}").rename(home)  # atomic, as for Kafka
    shutil.rmtree(partial, ignore_errors=True)


async def _build_keycloak(home: Path) -> None:
    log.info("keycloak.build.started")
    env = {**os.environ, "JAVA_HOME": str(keycloak_java_home())}
    command = [str(home / "bin" / "kc.sh"), "build", *KEYCLOAK_BUILD_OPTIONS]
    result = await run_command(command, cwd=home, within=600, env=env)
    if result.returncode != 0:
        raise InfraError(f"building Keycloak failed:\n{result.output[-3000:]}")
    (home / _BUILT_MARKER).write_text(" ".join(KEYCLOAK_BUILD_OPTIONS))


def java_major(release: str) -> int | None:
    """The major version in a JDK's `release` file (`JAVA_VERSION="25.0.3"` -> 25)."""
    found = re.search(r'^JAVA_VERSION="(?:1\.)?(\d+)', release, re.MULTILINE)
    return int(found.group(1)) if found else None


def keycloak_java_home() -> Path:
    """`SAMEN_KEYCLOAK_JAVA_HOME`, else the newest JDK >= 21 in JAVA_HOME or /usr/lib/jvm."""
    if configured := os.environ.get("SAMEN_KEYCLOAK_JAVA_HOME"):
        home = Path(configured)
        if (_major_of(home) or 0) < KEYCLOAK_MIN_JAVA:
            raise InfraError(f"SAMEN_KEYCLOAK_JAVA_HOME={home} is not a JDK 21 or newer")
        return home
    java_home = os.environ.get("JAVA_HOME")
    candidates = [Path(java_home)] if java_home else []
    if JVM_ROOT.is_dir():
        candidates += sorted(JVM_ROOT.iterdir())
    majors = {path: major for path in candidates if (major := _major_of(path)) is not None}
    usable = [path for path, major in majors.items() if major >= KEYCLOAK_MIN_JAVA]
    if not usable:
        raise InfraError(
            f"Keycloak needs Java {KEYCLOAK_MIN_JAVA} or newer; none found in JAVA_HOME or "
            f"{JVM_ROOT}. Install one (e.g. a Temurin JDK) and/or set SAMEN_KEYCLOAK_JAVA_HOME"
        )
    return max(usable, key=lambda path: majors[path])


def _major_of(home: Path) -> int | None:
    try:
        release = (home / "release").read_text(errors="replace")
    except OSError:
        return None
    return java_major(release) if (home / "bin" / "java").is_file() else None
