"""Signed tree heads: canonical bytes, Ed25519 signatures, the published key's forms."""

import base64
import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from hashlib import sha256
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive.signing import (
    key_id,
    load_public_key_pem,
    load_public_key_raw,
    public_key_base64,
    public_key_pem,
    sign_statement,
    verify_statement,
)
from samen_archive.treehead import MalformedTreeHead, SignedTreeHead, TreeHead

pytestmark = pytest.mark.unit

KEY = Ed25519PrivateKey.from_private_bytes(sha256(b"treehead test key").digest())
ROOT = sha256(b"root").digest()
AT = datetime(2025, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)


def head() -> TreeHead:
    return TreeHead("swv-1", 42, ROOT, AT)


def test_the_signed_bytes_are_rfc8785_json_with_the_statement_type() -> None:
    assert head().signing_bytes() == rfc8785.dumps(
        {
            "type": "samen.audit.tree_head.v1",
            "tenant": "swv-1",
            "tree_size": 42,
            "root_hash": ROOT.hex(),
            "timestamp": "2025-05-01T12:30:15.123456Z",
        }
    )


def test_a_signed_head_verifies_with_the_public_key_alone() -> None:
    signed = head().sign(KEY)
    raw = base64.b64decode(public_key_base64(KEY.public_key()))
    assert signed.verify(load_public_key_raw(raw))
    assert signed.verify(load_public_key_pem(public_key_pem(KEY.public_key())))


@pytest.mark.parametrize(
    "change",
    [
        {"tree_size": 43},
        {"root_hash": sha256(b"other").digest()},
        {"tenant": "swv-2"},
        {"timestamp": AT + timedelta(microseconds=1)},
    ],
)
def test_changing_any_signed_field_breaks_the_signature(change: dict[str, Any]) -> None:
    changed = dataclasses.replace(head().sign(KEY), **change)
    assert not changed.verify(KEY.public_key())


def test_another_key_does_not_verify() -> None:
    other = Ed25519PrivateKey.from_private_bytes(sha256(b"other").digest())
    assert not head().sign(KEY).verify(other.public_key())


def test_json_roundtrip_keeps_the_signature_valid() -> None:
    signed = head().sign(KEY)
    again = SignedTreeHead.from_json(signed.to_json())
    assert again == signed
    assert again.verify(KEY.public_key())


def test_a_timestamp_in_another_zone_is_stored_in_utc() -> None:
    local = AT.astimezone(timezone(timedelta(hours=2)))
    assert TreeHead("swv-1", 42, ROOT, local).fields() == head().fields()


def test_a_naive_timestamp_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        TreeHead("swv-1", 1, ROOT, datetime(2025, 1, 1))


@pytest.mark.parametrize(
    "document",
    [b"[]", b"not json", b'{"type": "other"}', b'{"type": "samen.audit.tree_head.v1"}'],
)
def test_malformed_tree_heads_are_refused(document: bytes) -> None:
    with pytest.raises(MalformedTreeHead):
        SignedTreeHead.from_json(document)


def test_a_size_written_as_true_is_malformed() -> None:
    document = head().sign(KEY).to_json_dict() | {"tree_size": True}
    with pytest.raises(MalformedTreeHead):
        SignedTreeHead.from_json(json.dumps(document).encode())


def test_a_tree_head_signature_cannot_pass_for_another_statement() -> None:
    fields = head().fields()
    signature = sign_statement(KEY, "samen.audit.tree_head.v1", fields)
    assert verify_statement(KEY.public_key(), "samen.audit.tree_head.v1", fields, signature)
    assert not verify_statement(KEY.public_key(), "samen.audit.export.v1", fields, signature)


def test_the_key_id_is_the_sha256_of_the_raw_key() -> None:
    raw = base64.b64decode(public_key_base64(KEY.public_key()))
    assert key_id(KEY.public_key()) == sha256(raw).hexdigest()
