"""Local development keys: the staff identity provider's and the guardian-link key.

Made on first use and kept in a folder git ignores (`SAMEN_KEYS_DIR`, default
`<repo>/deploy/local/.state/keys`), each as a private JWK beside a public JWKS that
services verify against. Never used in production: there an OpenID Connect provider
signs staff tokens and the notifications service holds its own guardian key.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from joserfc.jwk import OKPKey

from samen_kit.settings import DEV_STAFF_ISSUER as DEV_STAFF_ISSUER

KEYS_DIR_ENV = "SAMEN_KEYS_DIR"
STAFF_KEY = "staff-idp"
GUARDIAN_KEY = "notifications-guardian"


def keys_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    configured = os.environ.get(KEYS_DIR_ENV)
    if configured:
        return Path(configured)
    return _repo_root() / "deploy" / "local" / ".state" / "keys"


def _repo_root() -> Path:
    for start in (Path.cwd(), Path(__file__).resolve()):
        for folder in (start, *start.parents):
            if (folder / "deploy" / "local").is_dir() and (folder / "pyproject.toml").exists():
                return folder
    return Path.cwd()


def public_jwks(*keys: OKPKey) -> dict[str, Any]:
    return {"keys": [dict(key.as_dict(private=False)) for key in keys]}


def jwks_path(name: str, directory: Path | None = None) -> Path:
    return keys_dir(directory) / f"{name}.jwks.json"


def load_or_create_key(name: str, directory: Path | None = None) -> OKPKey:
    """The named key pair; made once, then the same on every call and in every process."""
    folder = keys_dir(directory)
    private_path = folder / f"{name}.jwk.json"
    if not private_path.exists():
        key = OKPKey.generate_key("Ed25519", parameters={"use": "sig"}, auto_kid=True)
        _publish_once(private_path, json.dumps(key.as_dict(private=True)))
    key = OKPKey.import_key(json.loads(private_path.read_text(encoding="utf-8")))
    _write_if_changed(jwks_path(name, folder), json.dumps(public_jwks(key), indent=2))
    return key


def dev_staff_key(directory: Path | None = None) -> OKPKey:
    return load_or_create_key(STAFF_KEY, directory)


def dev_guardian_key(directory: Path | None = None) -> OKPKey:
    return load_or_create_key(GUARDIAN_KEY, directory)


def _publish_once(path: Path, text: str) -> None:
    """Write beside, then link into place: a racing process keeps the first key, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jwks-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
