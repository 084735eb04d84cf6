"""The realm `samen` as data, the demo accounts beside the demo region, and the JDK choice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from samen_cli.demo_region import StaffRole, region, staff
from samen_cli.journey.staff import Badge
from samen_kit.access.roles import TENANT_WIDE_ROLES, Role
from samen_kit.localinfra import fetch
from samen_kit.localinfra.demo_accounts import TENANT, demo_account, demo_accounts, demo_schools
from samen_kit.localinfra.keycloak import server_arguments
from samen_kit.localinfra.process import InfraError
from samen_kit.localinfra.realm import (
    ACCESS_TOKEN_LIFESPAN,
    DIRECT_GRANT_CLIENT,
    PORTAL_CLIENT,
    StaffAccount,
    realm_document,
)
from samen_kit.settings import STAFF_TOKEN_MAX_LIFETIME

pytestmark = pytest.mark.unit


def test_tokens_are_signed_with_ed25519_and_no_rsa_key_is_made() -> None:
    realm = realm_document(demo_accounts())
    providers = realm["components"]["org.keycloak.keys.KeyProvider"]

    assert realm["defaultSignatureAlgorithm"] == "EdDSA"
    assert {p["providerId"] for p in providers} == {
        "eddsa-generated",
        "hmac-generated",
        "aes-generated",
    }
    eddsa = next(p for p in providers if p["providerId"] == "eddsa-generated")
    assert eddsa["config"]["eddsaEllipticCurveKey"] == ["Ed25519"]


def test_access_tokens_live_shorter_than_the_services_accept() -> None:
    realm = realm_document(())
    assert realm["accessTokenLifespan"] == ACCESS_TOKEN_LIFESPAN.total_seconds()
    assert ACCESS_TOKEN_LIFESPAN < STAFF_TOKEN_MAX_LIFETIME


def test_both_clients_put_the_staff_claims_into_the_access_token_only() -> None:
    clients = {c["clientId"]: c for c in realm_document(())["clients"]}
    assert set(clients) == {PORTAL_CLIENT, DIRECT_GRANT_CLIENT}
    for client in clients.values():
        mappers = {m["name"]: m for m in client["protocolMappers"]}
        assert mappers["audience-staff"]["config"]["included.custom.audience"] == "staff"
        for claim, many in [("role", False), ("tenant", False), ("boards", True),
                            ("schools", True), ("groups", True)]:  # fmt: skip
            config = mappers[f"claim-{claim}"]["config"]
            assert (config["claim.name"], config["multivalued"]) == (claim, str(many).lower())
            assert (config["access.token.claim"], config["id.token.claim"]) == ("true", "false")
        assert "roles" not in client["defaultClientScopes"]  # no `account` audience


def test_the_portal_signs_in_with_code_and_pkce_and_the_test_client_with_passwords() -> None:
    clients = {c["clientId"]: c for c in realm_document(())["clients"]}
    portal, direct = clients[PORTAL_CLIENT], clients[DIRECT_GRANT_CLIENT]

    assert portal["standardFlowEnabled"] and not portal["directAccessGrantsEnabled"]
    assert portal["attributes"]["pkce.code.challenge.method"] == "S256"
    assert not portal["publicClient"] and not portal["implicitFlowEnabled"]
    assert "http://127.0.0.1:*" in portal["redirectUris"]
    assert direct["directAccessGrantsEnabled"] and not direct["standardFlowEnabled"]


def test_staff_attributes_are_for_administrators_only() -> None:
    component = realm_document(())["components"]["org.keycloak.userprofile.UserProfileProvider"]
    profile = json.loads(component[0]["config"]["kc.user.profile.config"][0])
    declared = {a["name"]: a for a in profile["attributes"]}
    for claim in ("role", "tenant", "boards", "schools", "groups"):
        assert declared[claim]["permissions"] == {"view": ["admin"], "edit": ["admin"]}


def test_a_user_carries_its_claims_as_attributes_and_its_id_as_sub() -> None:
    account = StaffAccount("t", "id-1", Role.TEACHER, "swv", ("b",), ("s",), ("5a",))
    (user,) = realm_document([account])["users"]
    assert user["id"] == "id-1"
    assert user["attributes"] == {
        "role": ["teacher"], "tenant": ["swv"], "boards": ["b"], "schools": ["s"], "groups": ["5a"],
    }  # fmt: skip
    assert user["requiredActions"] == [] and user["credentials"][0]["temporary"] is False


def test_the_demo_accounts_use_the_demo_regions_ids() -> None:
    demo = region()
    assert demo.tenant == TENANT
    assert {s.school_id for s in demo_schools()} == {str(s.school_id) for s in demo.schools}
    for school in demo.schools:
        ours = next(s for s in demo_schools() if s.school_id == str(school.school_id))
        assert ours.board_id == str(school.board_id)
    by_username = {a.username: a for a in demo_accounts()}
    for member in staff(demo):
        where = f".{member.school.number}" if member.school else ""
        account = by_username[f"{member.role.value}{where}"]
        assert account.user_id == str(member.person_id)
        assert account.role.value == member.role.value
    assert {r.value for r in StaffRole} <= {a.role.value for a in demo_accounts()}
    assert by_username["inspectie"].user_id == str(Badge.inspectie(demo.tenant).person_id)


def test_every_role_has_a_demo_account_and_the_lists_fit_the_role() -> None:
    accounts = demo_accounts()
    assert {a.role for a in accounts} == set(Role)
    assert len({a.username for a in accounts}) == len(accounts)
    for account in accounts:
        if account.role in TENANT_WIDE_ROLES:
            assert account.schools == ()
        if account.role is Role.TEACHER:
            assert len(account.groups) == 1
    assert demo_account("board_admin.de-brug").schools == ()


def test_the_server_serves_loopback_only_with_a_fixed_issuer_and_imports_the_realm() -> None:
    arguments = server_arguments(18080, 18081)
    assert arguments[:2] == ["start", "--optimized"]
    assert "--http-host=127.0.0.1" in arguments
    assert "--hostname=http://127.0.0.1:18080" in arguments
    assert "--http-management-port=18081" in arguments
    assert "--import-realm" in arguments


@pytest.mark.parametrize(
    ("release", "major"),
    [('JAVA_VERSION="25.0.3"\n', 25), ('IMPLEMENTOR="x"\nJAVA_VERSION="17.0.15"', 17),
     ('JAVA_VERSION="1.8.0_402"', 8), ("nothing", None)],
)  # fmt: skip
def test_the_major_java_version_is_read_from_the_release_file(
    release: str, major: int | None
) -> None:
    assert fetch.java_major(release) == major


def jdk(root: Path, name: str, version: str) -> Path:
    home = root / name
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("")
    (home / "release").write_text(f'JAVA_VERSION="{version}"\n')
    return home


def test_the_newest_jdk_of_21_or_later_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jdk(tmp_path, "java-17", "17.0.15")
    newest = jdk(tmp_path, "temurin-25", "25.0.3")
    jdk(tmp_path, "temurin-21", "21.0.5")
    monkeypatch.setattr(fetch, "JVM_ROOT", tmp_path)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("SAMEN_KEYCLOAK_JAVA_HOME", raising=False)
    assert fetch.keycloak_java_home() == newest


def test_without_a_new_enough_jdk_the_message_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jdk(tmp_path, "java-17", "17.0.15")
    monkeypatch.setattr(fetch, "JVM_ROOT", tmp_path)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("SAMEN_KEYCLOAK_JAVA_HOME", raising=False)
    with pytest.raises(InfraError, match="SAMEN_KEYCLOAK_JAVA_HOME"):
        fetch.keycloak_java_home()
    monkeypatch.setenv("SAMEN_KEYCLOAK_JAVA_HOME", str(tmp_path / "java-17"))
    with pytest.raises(InfraError, match="not a JDK 21 or newer"):
        fetch.keycloak_java_home()
