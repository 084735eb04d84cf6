"""The tree-head signing key: a PEM file (PKCS#8 Ed25519), made once for development.

In production the key file is given (`SAMEN_SIGNING_KEY_FILE`) and kept out of the
database: whoever can write the log still cannot sign a tree head for it.
"""

import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from samen_kit.access.devkeys import keys_dir

DEV_KEY_NAME = "audit-tree-head.pem"


class UnusableSigningKey(ValueError):
    """The key file is missing, unreadable or not an Ed25519 private key."""


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise UnusableSigningKey(f"cannot read the signing key {path}: {error}") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise UnusableSigningKey(f"{path} does not hold an Ed25519 private key")
    return key


def dev_signing_key_path(directory: Path | None = None) -> Path:
    return keys_dir(directory) / DEV_KEY_NAME


def load_or_create_dev_key(directory: Path | None = None) -> Ed25519PrivateKey:
    """The development key; made on first use, the same in every process afterwards."""
    path = dev_signing_key_path(directory)
    if not path.exists():
        _publish_once(path, private_key_pem(Ed25519PrivateKey.generate()))
    return load_signing_key(path)


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def _publish_once(path: Path, data: bytes) -> None:
    """Write beside, then link into place: a racing process keeps the first key, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".audit-key-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o600)
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
