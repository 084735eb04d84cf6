"""What the API answers and accepts (its OpenAPI shapes)."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator
from samen_archive.treehead import SignedTreeHead
from samen_kit.inputs import INT64_MAX, SensibleDate

from samen_audit.handlers.proofs import ConsistencyProof, InclusionProof

HexHash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class PublicKeyOut(BaseModel):
    algorithm: Literal["Ed25519"] = "Ed25519"
    key_id: HexHash
    public_key_pem: str
    public_key_base64: str


class TreeHeadOut(BaseModel):
    """A signed tree head, exactly as `samen audit verify --since` reads it."""

    type: Literal["samen.audit.tree_head.v1"] = "samen.audit.tree_head.v1"
    tenant: str
    tree_size: int
    root_hash: HexHash
    timestamp: str
    signature: str

    @classmethod
    def of(cls, head: SignedTreeHead) -> TreeHeadOut:
        return cls.model_validate(head.to_json_dict())


class InclusionProofOut(BaseModel):
    leaf_index: int
    event_id: str | None
    leaf_hash: HexHash
    tree_size: int
    root_hash: HexHash
    path: list[HexHash]
    tree_head: TreeHeadOut | None = Field(
        description="The head signed at this tree size, when there is one"
    )

    @classmethod
    def of(cls, proof: InclusionProof) -> InclusionProofOut:
        head = proof.tree_head
        return cls(
            leaf_index=proof.leaf.index,
            event_id=proof.leaf.event_id,
            leaf_hash=proof.leaf.leaf_hash.hex(),
            tree_size=proof.tree_size,
            root_hash=proof.root_hash.hex(),
            path=[node.hex() for node in proof.path],
            tree_head=TreeHeadOut.of(head) if head is not None else None,
        )


class ReceiptCheckOut(InclusionProofOut):
    """A receipt's event in the log: its entry, its proof and the signed head it is under."""

    entry: str | None = Field(description="The canonical entry (RFC 8785); null once erased")
    key_id: HexHash

    @classmethod
    def of_receipt(cls, proof: InclusionProof, key_id: str) -> ReceiptCheckOut:
        base = InclusionProofOut.of(proof).model_dump()
        entry = proof.leaf.entry.decode("utf-8") if proof.leaf.entry is not None else None
        return cls(**base, entry=entry, key_id=key_id)


class ConsistencyProofOut(BaseModel):
    from_size: int
    to_size: int
    from_root: HexHash
    to_root: HexHash
    path: list[HexHash]

    @classmethod
    def of(cls, proof: ConsistencyProof) -> ConsistencyProofOut:
        return cls(
            from_size=proof.old_size,
            to_size=proof.new_size,
            from_root=proof.old_root.hex(),
            to_root=proof.new_root.hex(),
            path=[node.hex() for node in proof.path],
        )


class ExportIn(BaseModel):
    """The tenant comes from the token; narrow to one board or one school, or neither."""

    model_config = ConfigDict(extra="forbid")

    period_from: SensibleDate
    period_to: SensibleDate
    board_id: UUID | None = None
    school_id: UUID | None = None
    consistency_from: int | None = Field(
        default=None,
        ge=0,
        le=INT64_MAX,
        description="The size of a tree head kept from an earlier visit: the archive then "
        "proves that the log only grew since",
    )

    @model_validator(mode="after")
    def _one_narrowing(self) -> ExportIn:
        if self.board_id is not None and self.school_id is not None:
            raise ValueError("give a board or a school, not both")
        if self.period_to < self.period_from:
            raise ValueError("the period ends before it starts")
        return self
