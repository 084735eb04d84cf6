"""Signed tree heads: the log's size and root hash at a moment, signed with Ed25519."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from samen_archive.merkle import HASH_SIZE
from samen_archive.signing import sign_statement, statement_bytes, verify_statement

TREE_HEAD_TYPE = "samen.audit.tree_head.v1"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

_T = TypeVar("_T")


class MalformedTreeHead(ValueError):
    """A tree head document that cannot be read."""


@dataclass(frozen=True)
class TreeHead:
    tenant: str
    tree_size: int
    root_hash: bytes
    timestamp: datetime

    def __post_init__(self) -> None:
        if self.tree_size < 0 or len(self.root_hash) != HASH_SIZE:
            raise ValueError("a tree head has a size >= 0 and a 32-byte root hash")
        if self.timestamp.tzinfo is None:
            raise ValueError("a tree head's timestamp must carry its time zone")
        object.__setattr__(self, "timestamp", self.timestamp.astimezone(UTC))

    def fields(self) -> dict[str, object]:
        """The signed fields, in their JSON form."""
        return {
            "tenant": self.tenant,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash.hex(),
            "timestamp": self.timestamp.strftime(TIMESTAMP_FORMAT),
        }

    def signing_bytes(self) -> bytes:
        """RFC 8785 JSON of the fields with ``type``; what the signature covers."""
        return statement_bytes(TREE_HEAD_TYPE, self.fields())

    def sign(self, key: Ed25519PrivateKey) -> "SignedTreeHead":
        signature = sign_statement(key, TREE_HEAD_TYPE, self.fields())
        return SignedTreeHead(
            self.tenant, self.tree_size, self.root_hash, self.timestamp, signature
        )


@dataclass(frozen=True)
class SignedTreeHead(TreeHead):
    signature: bytes

    def verify(self, key: Ed25519PublicKey) -> bool:
        return verify_statement(key, TREE_HEAD_TYPE, self.fields(), self.signature)

    def to_json_dict(self) -> dict[str, object]:
        return {
            "type": TREE_HEAD_TYPE,
            **self.fields(),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    def to_json(self) -> bytes:
        return json.dumps(self.to_json_dict(), indent=2).encode("utf-8") + b"\n"

    @classmethod
    def from_json_dict(cls, document: object) -> "SignedTreeHead":
        """Raises ``MalformedTreeHead`` for anything but a well-formed tree head."""
        try:
            if not isinstance(document, dict):
                raise MalformedTreeHead("a tree head is a JSON object")
            if document["type"] != TREE_HEAD_TYPE:
                raise MalformedTreeHead(f"not a {TREE_HEAD_TYPE} document")
            return cls(
                tenant=_typed(document["tenant"], str),
                tree_size=_typed(document["tree_size"], int),
                root_hash=bytes.fromhex(_typed(document["root_hash"], str)),
                timestamp=datetime.strptime(
                    _typed(document["timestamp"], str), TIMESTAMP_FORMAT
                ).replace(tzinfo=UTC),
                signature=base64.b64decode(_typed(document["signature"], str), validate=True),
            )
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            raise MalformedTreeHead(f"tree head cannot be read: {error}") from error

    @classmethod
    def from_json(cls, data: bytes) -> "SignedTreeHead":
        try:
            document = json.loads(data)
        except ValueError as error:
            raise MalformedTreeHead("tree head is not JSON") from error
        return cls.from_json_dict(document)


def _typed(value: object, kind: type[_T]) -> _T:
    # bool is an int in Python; a size of "true" is still malformed.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value
