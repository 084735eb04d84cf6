"""The tree-head signing key: made once for development, refused when it is not Ed25519."""

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from samen_archive.signing import key_id
from samen_audit.adapters.keys import (
    UnusableSigningKey,
    dev_signing_key_path,
    load_or_create_dev_key,
    load_signing_key,
)

pytestmark = pytest.mark.unit


def test_the_development_key_is_made_once_and_then_always_the_same(tmp_path: Path) -> None:
    first = load_or_create_dev_key(tmp_path)
    second = load_or_create_dev_key(tmp_path)
    assert key_id(first.public_key()) == key_id(second.public_key())
    assert dev_signing_key_path(tmp_path).stat().st_mode & 0o077 == 0


def test_a_key_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ec.pem"
    other = generate_private_key(SECP256R1())
    path.write_bytes(other.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    with pytest.raises(UnusableSigningKey, match="Ed25519"):
        load_signing_key(path)


def test_a_missing_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnusableSigningKey):
        load_signing_key(tmp_path / "nothing.pem")
