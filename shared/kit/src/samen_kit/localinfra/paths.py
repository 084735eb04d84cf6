"""Where deploy/local lives, where local state goes, and which Kafka and Keycloak versions
are pinned."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path

from samen_kit.localinfra.process import InfraError

POM = Path("deploy/local/pom.xml")
MAVEN_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


@cache
def repo_root() -> Path:
    """The checkout holding deploy/local: `SAMEN_REPO_ROOT`, else found upwards from here or cwd."""
    if configured := os.environ.get("SAMEN_REPO_ROOT"):
        return Path(configured).resolve()
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / POM).is_file():
                return folder
    raise InfraError(f"cannot find {POM}; set SAMEN_REPO_ROOT to the checkout")


def deploy_dir() -> Path:
    return repo_root() / POM.parent


def default_state_dir() -> Path:
    """`SAMEN_STATE_DIR` when set, else deploy/local/.state (ignored by git)."""
    if configured := os.environ.get("SAMEN_STATE_DIR"):
        return Path(configured).resolve()
    return deploy_dir() / ".state"


@cache
def kafka_version() -> str:
    """The version pinned in deploy/local/pom.xml: the pom is the one place it is written."""
    return _pom_property("kafka.version")


@cache
def keycloak_version() -> str:
    """Keycloak's version, pinned in deploy/local/pom.xml beside Kafka's."""
    return _pom_property("keycloak.version")


def _pom_property(name: str) -> str:
    tree = ElementTree.parse(repo_root() / POM)
    version = tree.findtext(f"m:properties/m:{name}", namespaces=MAVEN_NS)
    if not version:
        raise InfraError(f"{POM} has no <{name}> property")
    return version.strip()


def kafka_home() -> Path:
    """deploy/local/.cache/kafka-<version>: Maven copies the broker's classpath into libs/."""
    return deploy_dir() / ".cache" / f"kafka-{kafka_version()}"


def keycloak_home() -> Path:
    """deploy/local/.cache/keycloak-<version>: the unpacked, pre-built distribution."""
    return deploy_dir() / ".cache" / f"keycloak-{keycloak_version()}"


def log4j_config() -> Path:
    return deploy_dir() / "log4j2.xml"
