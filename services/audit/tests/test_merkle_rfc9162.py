"""The log's Merkle tree is RFC 9162's: others' roots, others' proofs, published vectors."""

import pymerkle
import pytest
from samen_archive.merkle import (
    EMPTY_ROOT,
    consistency_path_ranges,
    inclusion_path_ranges,
    leaf_hash,
    node_hash,
    root_hash,
    split_point,
    verify_consistency,
    verify_inclusion,
)
from samen_archive.tree_levels import TreeLevels
from samen_audit.domain.frontier import Frontier

pytestmark = pytest.mark.unit

# Published RFC 6962 test vectors (transparency-dev/merkle, testonly/constants.go and
# proof/verify_test.go): leaf inputs, the root for each size 0..8, and known proofs.
VECTOR_INPUTS = [
    bytes.fromhex(h)
    for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
              "606162636465666768696a6b6c6d6e6f"]
]  # fmt: skip
VECTOR_LEAVES = [leaf_hash(entry) for entry in VECTOR_INPUTS]
VECTOR_TREE = TreeLevels(VECTOR_LEAVES)  # read only: the tests share it
VECTOR_ROOTS = [
    bytes.fromhex(h)
    for h in [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
]
H = {
    name: bytes.fromhex(value)
    for name, value in {
        "leaf1": "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "leaf0": "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "leaf4": "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "leaf6": "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "nodes2_4": "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "nodes4_6": "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "nodes6_8": "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "nodes0_4": "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "nodes4_8": "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "nodes0_2": "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    }.items()
}
VECTOR_INCLUSION = [  # (index counting from zero, size, path)
    (0, 8, ["leaf1", "nodes2_4", "nodes4_8"]),
    (5, 8, ["leaf4", "nodes6_8", "nodes0_4"]),
    (2, 3, ["nodes0_2"]),
    (1, 5, ["leaf0", "nodes2_4", "leaf4"]),
]
VECTOR_CONSISTENCY = [
    (1, 8, ["leaf1", "nodes2_4", "nodes4_8"]),
    (6, 8, ["nodes4_6", "nodes6_8", "nodes0_4"]),
    (2, 5, ["nodes2_4", "leaf4"]),
    (6, 7, ["nodes4_6", "leaf6", "nodes0_4"]),
]

CROSS_CHECK_SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 1000]


def entries_for(size: int) -> list[bytes]:
    return [f"entry {i}".encode() for i in range(size)]


def pymerkle_tree(entries: list[bytes]) -> pymerkle.InmemoryTree:
    # pymerkle's default (security on) is RFC 9162: 0x00 leaf and 0x01 node prefixes.
    tree = pymerkle.InmemoryTree(algorithm="sha256", disable_security=False)
    for entry in entries:
        tree.append_entry(entry)
    return tree


def test_hashes_carry_the_rfc_prefixes() -> None:
    assert leaf_hash(b"") == VECTOR_ROOTS[1]
    assert node_hash(leaf_hash(b""), leaf_hash(b"\x00")) == VECTOR_ROOTS[2]
    assert root_hash([]) == EMPTY_ROOT == VECTOR_ROOTS[0]


@pytest.mark.parametrize("size", range(9))
def test_roots_equal_the_published_rfc6962_vectors(size: int) -> None:
    leaves = VECTOR_LEAVES[:size]
    assert root_hash(leaves) == VECTOR_ROOTS[size]
    assert VECTOR_TREE.root(size) == VECTOR_ROOTS[size]
    assert Frontier().extend(leaves).root() == VECTOR_ROOTS[size]


@pytest.mark.parametrize(("index", "size", "path"), VECTOR_INCLUSION)
def test_inclusion_proofs_equal_the_published_vectors(
    index: int, size: int, path: list[str]
) -> None:
    expected = [H[name] for name in path]
    assert VECTOR_TREE.inclusion_proof(index, size) == expected
    assert verify_inclusion(VECTOR_LEAVES[index], index, size, expected, VECTOR_ROOTS[size])


@pytest.mark.parametrize(("old", "new", "path"), VECTOR_CONSISTENCY)
def test_consistency_proofs_equal_the_published_vectors(
    old: int, new: int, path: list[str]
) -> None:
    expected = [H[name] for name in path]
    assert VECTOR_TREE.consistency_proof(old, new) == expected
    assert verify_consistency(old, new, VECTOR_ROOTS[old], VECTOR_ROOTS[new], expected)


@pytest.mark.parametrize("size", CROSS_CHECK_SIZES)
def test_roots_equal_pymerkles_rfc9162_roots(size: int) -> None:
    entries = entries_for(size)
    theirs = pymerkle_tree(entries).get_root()
    leaves = [leaf_hash(entry) for entry in entries]
    assert root_hash(leaves) == theirs
    assert TreeLevels(leaves).root() == theirs
    assert Frontier().extend(leaves).root() == theirs


@pytest.mark.parametrize("size", [s for s in CROSS_CHECK_SIZES if 0 < s <= 100])
def test_every_inclusion_proof_is_pymerkles_and_verifies_both_ways(size: int) -> None:
    entries = entries_for(size)
    theirs = pymerkle_tree(entries)
    ours = TreeLevels([leaf_hash(entry) for entry in entries])
    root = theirs.get_root()
    for index in range(size):
        leaf = leaf_hash(entries[index])
        our_path = ours.inclusion_proof(index)
        their_proof = theirs.prove_inclusion(index + 1)  # pymerkle counts from one
        assert their_proof.path[1:] == our_path
        assert verify_inclusion(leaf, index, size, their_proof.path[1:], root)
        their_proof.path = [leaf, *our_path]
        pymerkle.verify_inclusion(leaf, root, their_proof)  # raises InvalidProof if wrong


def test_pymerkle_rejects_our_inclusion_proof_once_a_hash_is_altered() -> None:
    entries = entries_for(33)
    theirs = pymerkle_tree(entries)
    our_path = TreeLevels([leaf_hash(entry) for entry in entries]).inclusion_proof(20)
    our_path[2] = bytes(32)
    proof = theirs.prove_inclusion(21)
    proof.path = [leaf_hash(entries[20]), *our_path]
    with pytest.raises(pymerkle.InvalidProof):
        pymerkle.verify_inclusion(leaf_hash(entries[20]), theirs.get_root(), proof)


@pytest.mark.parametrize("size", [s for s in CROSS_CHECK_SIZES if 0 < s <= 100])
def test_every_consistency_proof_verifies_against_pymerkles_roots(size: int) -> None:
    # pymerkle 7 lays consistency paths out differently from RFC 9162 (it splits an
    # old size equal to the split point to the right), so its proofs and ours cannot
    # be exchanged; its roots still judge ours independently.
    entries = entries_for(size)
    theirs = pymerkle_tree(entries)
    ours = TreeLevels([leaf_hash(entry) for entry in entries])
    for old in range(size + 1):
        proof = ours.consistency_proof(old)
        assert verify_consistency(old, size, theirs.get_root(old), theirs.get_root(), proof)


def test_split_point_is_the_largest_power_of_two_below_the_width() -> None:
    expected = {2: 1, 3: 2, 4: 2, 5: 4, 8: 4, 9: 8, 1000: 512, 1 << 40: 1 << 39}
    assert {width: split_point(width) for width in expected} == expected


def test_inclusion_ranges_name_the_audit_path_bottom_up() -> None:
    assert inclusion_path_ranges(5, 8) == [(4, 5), (6, 8), (0, 4)]
    assert inclusion_path_ranges(6, 7) == [(4, 6), (0, 4)]


def test_consistency_ranges_leave_out_an_old_tree_that_is_a_whole_subtree() -> None:
    assert consistency_path_ranges(4, 7) == [(4, 7)]
    assert consistency_path_ranges(3, 7) == [(2, 3), (3, 4), (0, 2), (4, 7)]
    assert consistency_path_ranges(0, 7) == consistency_path_ranges(7, 7) == []


def test_inclusion_fails_for_a_wrong_index_size_leaf_or_root() -> None:
    path, root, leaf = VECTOR_TREE.inclusion_proof(5), VECTOR_ROOTS[8], VECTOR_LEAVES[5]
    assert verify_inclusion(leaf, 5, 8, path, root)
    assert not verify_inclusion(leaf, 4, 8, path, root)
    assert not verify_inclusion(leaf, 5, 16, path, root)
    assert not verify_inclusion(leaf, 5, 6, path, root)
    assert not verify_inclusion(VECTOR_LEAVES[4], 5, 8, path, root)
    assert not verify_inclusion(leaf, 5, 8, path, VECTOR_ROOTS[7])
    assert not verify_inclusion(leaf, 5, 8, path[:-1], root)
    assert not verify_inclusion(leaf, 5, 8, [*path, root], root)
    assert not verify_inclusion(leaf, 8, 8, path, root)


def test_consistency_edge_cases_follow_the_rfc() -> None:
    some, other = VECTOR_ROOTS[3], VECTOR_ROOTS[4]
    assert verify_consistency(0, 4, some, other, [])
    assert not verify_consistency(0, 4, some, other, [some])
    assert verify_consistency(4, 4, other, other, [])
    assert not verify_consistency(4, 4, some, other, [])
    assert not verify_consistency(4, 3, other, some, [])
    assert not verify_consistency(3, 4, some, other, [])


def test_consistency_fails_when_an_old_entry_changed() -> None:
    rewritten = [*VECTOR_LEAVES[:2], leaf_hash(b"changed"), *VECTOR_LEAVES[3:]]
    proof = TreeLevels(rewritten).consistency_proof(5)
    assert not verify_consistency(5, 8, VECTOR_ROOTS[5], root_hash(rewritten), proof)


def test_frontier_roundtrips_through_its_stored_bytes() -> None:
    leaves = [leaf_hash(entry) for entry in entries_for(37)]
    frontier = Frontier().extend(leaves)
    stored = Frontier.from_bytes(frontier.size, frontier.to_bytes())
    assert stored == frontier
    assert len(stored.roots) == 3  # 37 = 32 + 4 + 1
    assert stored.append(leaf_hash(b"next")).root() == root_hash([*leaves, leaf_hash(b"next")])


def test_frontier_refuses_roots_that_do_not_fit_its_size() -> None:
    with pytest.raises(ValueError, match="needs 2 roots"):
        Frontier(3, (bytes(32),))
