"""Ed25519 signatures over canonical JSON statements, and the public key's forms.

Every signed statement carries its ``type``, so a signature made for one kind
of statement (a tree head) can never pass for another (an export manifest).
"""

import base64
from hashlib import sha256

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from samen_archive.canonical import JsonObject


def statement_bytes(statement_type: str, fields: JsonObject) -> bytes:
    """The exact bytes that are signed: RFC 8785 JSON of the fields plus ``type``."""
    if "type" in fields:
        raise ValueError("the statement type is given apart from its fields")
    return rfc8785.dumps({"type": statement_type, **fields})


def sign_statement(key: Ed25519PrivateKey, statement_type: str, fields: JsonObject) -> bytes:
    return key.sign(statement_bytes(statement_type, fields))


def verify_statement(
    key: Ed25519PublicKey, statement_type: str, fields: JsonObject, signature: bytes
) -> bool:
    try:
        key.verify(signature, statement_bytes(statement_type, fields))
    except InvalidSignature:
        return False
    return True


def public_key_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_base64(key: Ed25519PublicKey) -> str:
    return base64.b64encode(public_key_raw(key)).decode("ascii")


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def key_id(key: Ed25519PublicKey) -> str:
    """A short name for a key that anyone can recompute: SHA-256 of its raw bytes, hex."""
    return sha256(public_key_raw(key)).hexdigest()


def load_public_key_pem(data: bytes) -> Ed25519PublicKey:
    """Raises ``ValueError`` for anything but an Ed25519 public key in PEM."""
    key = load_pem_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def load_public_key_raw(data: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(data)
