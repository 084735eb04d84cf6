"""SMTP security as configured: STARTTLS, implicit TLS and login, against a real server."""

from __future__ import annotations

import ipaddress
import ssl
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from samen_kit.localinfra.mailserver import MailServer
from samen_notifications.adapters.email import OutgoingEmail, SmtpEmailSender, SmtpSecurity
from samen_notifications.adapters.errors import TemporaryFailure
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key

pytestmark = pytest.mark.integration

CREDENTIALS = ("samen", "een-lang-wachtwoord")


def _email() -> OutgoingEmail:
    return OutgoingEmail(
        message_id=message_key(uuid.uuid4(), uuid.uuid4(), Channel.EMAIL).message_id,
        to="ouder@example.nl",
        subject="Herinnering",
        text="Beste ouder,",
        html="",
        language="nl",
    )


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed certificate for 127.0.0.1, key and certificate in one PEM file."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    path = tmp_path_factory.mktemp("tls") / "server.pem"
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key_pem)
    return path


def _server_context(certificate: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate)
    return context


def _client(
    server: MailServer, certificate: Path, security: SmtpSecurity, password: str
) -> SmtpEmailSender:
    return SmtpEmailSender(
        "127.0.0.1",
        server.port,
        username=CREDENTIALS[0],
        password=password,
        security=security,
        timeout=5,
        tls_context=ssl.create_default_context(cafile=str(certificate)),
    )


def _server(tmp_path: Path, certificate: Path, *, implicit_tls: bool = False) -> MailServer:
    """A mail server that takes a login only over TLS."""
    context = _server_context(certificate)
    return MailServer(
        tmp_path, credentials=CREDENTIALS, tls_context=context, implicit_tls=implicit_tls
    )


@pytest.mark.parametrize(
    ("security", "implicit_tls"),
    [pytest.param("starttls", False, id="starttls"), pytest.param("tls", True, id="implicit_tls")],
)
async def test_a_login_over_tls_delivers(
    tmp_path: Path, certificate: Path, security: SmtpSecurity, implicit_tls: bool
) -> None:
    # The server takes a login only over TLS, so a stored message proves both.
    async with _server(tmp_path, certificate, implicit_tls=implicit_tls) as server:
        async with _client(server, certificate, security, CREDENTIALS[1]) as smtp:
            await smtp.send(_email())
        assert len(server.folder.entries()) == 1


async def test_a_login_without_tls_is_refused_when_the_server_demands_it(
    tmp_path: Path, certificate: Path
) -> None:
    async with _server(tmp_path, certificate) as server:
        async with _client(server, certificate, "none", CREDENTIALS[1]) as smtp:
            with pytest.raises(TemporaryFailure):
                await smtp.send(_email())
        assert server.folder.entries() == []


async def test_a_wrong_password_is_a_temporary_failure_for_the_operator(
    tmp_path: Path, certificate: Path
) -> None:
    async with (
        _server(tmp_path, certificate) as server,
        _client(server, certificate, "starttls", "fout") as smtp,
    ):
        with pytest.raises(TemporaryFailure) as refused:
            await smtp.send(_email())
    assert refused.value.code == 535
    assert server.folder.entries() == []


def test_an_unknown_security_mode_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="security"):
        SmtpEmailSender("127.0.0.1", 25, security="ssl")  # type: ignore[arg-type]
