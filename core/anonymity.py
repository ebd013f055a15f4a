"""What keeps residents anonymous: keyed hashes of their ids, and sealed records.

One master secret (``SECRET_KEY``, or a key file made on first start) gives the subkeys:
one for the keyed hash under which everything kept per resident is filed (drafts,
conversation states, language, notices, rate limits), another for the officers who take
feedback on (staff are not anonymous, but their ids are not kept in plain form either),
and AEAD keys that seal what must
hold an id itself: a reply channel (the chat answers go to) and a resident's session (the
draft and conversation, to resume them after a restart). Every sealed record is bound by
its associated data to the row it belongs to, so a sealed value moved to another row (a
reply channel swapped between two feedbacks) does not open. Neither the secret nor the
subkeys are ever in the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.models import SealedChannel
from texts import bilingual

log = logging.getLogger(__name__)
_NONCE_BYTES = 12
KEY_BYTES = 32
# The key file holds the key as 64 hexadecimal digits and a newline.
_KEY_TEXT = re.compile(r"[0-9a-fA-F]{64}")
# Reply channels sealed before they were bound to their feedback (migration 0005 re-seals).
LEGACY_CHANNEL_CONTEXT = b"homthu reply channel v1"


class SecretKeyError(Exception):
    """The secret key is unusable; the message says what is wrong and how to mend it."""


class Anonymizer:
    """Derives resident keys and seals or opens what must hold a Telegram id."""

    def __init__(self, master_secret: bytes) -> None:
        if len(master_secret) != KEY_BYTES:
            raise SecretKeyError(f"the master secret must be {KEY_BYTES} bytes")
        self._hash_key = hmac.digest(master_secret, b"homthu resident key", "sha256")
        self._channels = AESGCM(hmac.digest(master_secret, b"homthu reply channel", "sha256"))
        self._sessions = AESGCM(hmac.digest(master_secret, b"homthu resident session", "sha256"))
        # Officers' own key: an officer who also writes as a resident is not linked to it.
        self._officer_key = hmac.digest(master_secret, b"homthu officer key", "sha256")

    def resident_key(self, user_id: int) -> str:
        """A stable pseudonym for a Telegram user id; not reversible without the secret."""
        digest = hmac.digest(self._hash_key, str(user_id).encode(), "sha256")
        return digest.hex()[:32]

    def officer_key(self, user_id: int) -> str:
        """A stable pseudonym for an officer's Telegram account, under a key of its own:
        it never equals the same account's ``resident_key``, so the two cannot be joined."""
        digest = hmac.digest(self._officer_key, str(user_id).encode(), "sha256")
        return digest.hex()[:32]

    def conversation_key(self, chat_id: int, user_id: int) -> str:
        """A stable pseudonym for a conversation (a chat and a user)."""
        digest = hmac.digest(
            self._hash_key, f"conversation {chat_id} {user_id}".encode(), "sha256"
        )
        return digest.hex()[:32]

    # --- reply channels ---------------------------------------------------------------

    def seal_channel(self, chat_id: int, code: str, language: str) -> SealedChannel:
        """A chat that receives the answers of feedback ``code`` (and in which language),
        sealed for that feedback and no other, with its keyed hash for that feedback."""
        plain = json.dumps([chat_id, language]).encode()
        return SealedChannel(
            self.channel_key(chat_id, code),
            _seal(self._channels, plain, _channel_context(code)),
        )

    def channel_key(self, chat_id: int, code: str) -> str:
        """The chat's pseudonym for one feedback: the same chat asking twice is one channel,
        and no two feedbacks of one chat share it."""
        digest = hmac.digest(self._hash_key, f"channel {code} {chat_id}".encode(), "sha256")
        return digest.hex()[:32]

    def receipt_tag(self, chat_id: int, code: str) -> str:
        """What the receipt's «Nhận trả lời» button carries: proof that it was pressed in
        the chat the feedback was sent from (a copy pressed in another chat does not match).
        It is never stored."""
        digest = hmac.digest(self._hash_key, f"receipt {code} {chat_id}".encode(), "sha256")
        return digest.hex()[:16]

    def open_channel(self, sealed: bytes, code: str) -> tuple[int, str | None] | None:
        """The chat id and language sealed for ``code``; None for another key or feedback.

        Channels sealed by migration 0005's version hold the chat id alone.
        """
        plain = _open(self._channels, sealed, _channel_context(code))
        if plain is None:
            return None
        if plain.startswith(b"["):
            chat_id, language = json.loads(plain)
            return int(chat_id), str(language)
        return int(plain), None

    def reseal_legacy_chat(self, code: str, sealed: bytes) -> bytes | None:
        """A channel sealed before channels were bound, sealed again for ``code``."""
        plain = _open(self._channels, sealed, LEGACY_CHANNEL_CONTEXT)
        return None if plain is None else _seal(self._channels, plain, _channel_context(code))

    # --- sessions: drafts and conversation states ----------------------------------------

    def seal_record(self, context: str, record: Any) -> bytes:
        """A JSON-able record sealed for the row named by ``context``."""
        plain = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        return _seal(self._sessions, plain, context.encode())

    def open_record(self, context: str, sealed: bytes) -> Any:
        """The record sealed for ``context``; None when it does not open."""
        plain = _open(self._sessions, sealed, context.encode())
        return None if plain is None else json.loads(plain)


def _channel_context(code: str) -> bytes:
    return b"homthu reply channel v2 " + code.encode()


def _seal(aead: AESGCM, plain: bytes, context: bytes) -> bytes:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return nonce + aead.encrypt(nonce, plain, context)


def _open(aead: AESGCM, sealed: bytes, context: bytes) -> bytes | None:
    try:
        return aead.decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], context)
    except (InvalidTag, ValueError):
        return None


# --- the master secret -----------------------------------------------------------------


def master_secret(secret_key: str | None, key_file: Path) -> bytes:
    """``secret_key`` (SECRET_KEY) when set, otherwise the key in ``key_file`` (the file
    beside the database, made if missing). Plain values, not the bot's settings: whatever
    way in starts the product (the bot, a web server, a maintenance command) derives the
    same secret.

    Raises SecretKeyError for a key file that is empty or malformed: starting with another
    secret would silently make every sealed channel unreadable, and an empty one would be
    no secret at all.
    """
    if secret_key:
        return hashlib.sha256(secret_key.encode()).digest()
    return read_or_create_key_file(key_file)


def read_key_file(path: Path) -> bytes:
    """The key in ``path``; SecretKeyError when it cannot be read or is not a key."""
    try:
        text = path.read_text("ascii").strip()
    except UnicodeDecodeError:
        raise SecretKeyError(f"{path}: {bilingual('key_not_text')}") from None
    except OSError as error:
        raise SecretKeyError(
            f"{path}: {bilingual('key_unreadable', error=error.strerror)}"
        ) from None
    if not text:
        raise SecretKeyError(
            f"{path}: {bilingual('key_empty')}. {bilingual('key_restore')}; "
            f"{bilingual('key_delete_only_new')}"
        )
    if not _KEY_TEXT.fullmatch(text):
        raise SecretKeyError(f"{path}: {bilingual('key_not_hex')}. {bilingual('key_restore')}")
    return bytes.fromhex(text)


def read_or_create_key_file(path: Path) -> bytes:
    """The key in ``path``, created atomically (owner-only) when there is no file yet."""
    if path.exists():
        return read_key_file(path)
    try:
        return _create_key_file(path)
    except OSError as error:
        raise SecretKeyError(
            f"{path}: {bilingual('key_not_created', error=error.strerror)}; "
            f"{bilingual('key_check_disk')}"
        ) from None


def _create_key_file(path: Path) -> bytes:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        try:
            # A hard link never replaces: two processes starting at once cannot end up with
            # two different keys; the loser reads the winner's.
            os.link(partial, path)
        except FileExistsError:
            return read_key_file(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    _fsync_folder(path.parent)
    log.warning("secret key file created path=%s: back it up with the database", path)
    return key


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
