"""What keeps residents anonymous: keyed hashes of their ids and sealed reply channels.

One master secret (``SECRET_KEY``, or a key file made on first start) gives two subkeys:
one for the keyed hash under which preferences and rate limits are kept, one for the AEAD
that seals a reply chat id. Neither the secret nor the subkeys are ever in the database.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.config import Settings

log = logging.getLogger(__name__)
_NONCE_BYTES = 12
_SEAL_CONTEXT = b"homthu reply channel v1"


class Anonymizer:
    """Derives resident keys and seals or opens reply channels."""

    def __init__(self, master_secret: bytes) -> None:
        self._hash_key = hmac.digest(master_secret, b"homthu resident key", "sha256")
        self._aead = AESGCM(hmac.digest(master_secret, b"homthu reply channel", "sha256"))

    def resident_key(self, user_id: int) -> str:
        """A stable pseudonym for a Telegram user id; not reversible without the secret."""
        digest = hmac.digest(self._hash_key, str(user_id).encode(), "sha256")
        return digest.hex()[:32]

    def seal_chat(self, chat_id: int) -> bytes:
        """The chat id encrypted and authenticated, with a fresh nonce in front."""
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, str(chat_id).encode(), _SEAL_CONTEXT)

    def open_chat(self, sealed: bytes) -> int | None:
        """The chat id sealed by ``seal_chat``, or None if it was sealed under another key."""
        try:
            plain = self._aead.decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], _SEAL_CONTEXT)
        except (InvalidTag, ValueError):
            return None
        return int(plain)


def master_secret(settings: Settings) -> bytes:
    """``SECRET_KEY`` when set, otherwise the key file beside the database (made if missing)."""
    if settings.secret_key:
        return hashlib.sha256(settings.secret_key.encode()).digest()
    return _read_or_create_key_file(settings.key_file)


def _read_or_create_key_file(path: Path) -> bytes:
    try:
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = secrets.token_hex(32)
        try:
            # O_EXCL: two processes starting at once must not write two different keys.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return _read_or_create_key_file(path)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text + "\n")
        log.warning("secret key file created path=%s: back it up with the database", path)
    return bytes.fromhex(text)
