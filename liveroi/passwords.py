"""Password hashes for the dashboard's simple login (``[liveroi.users]`` in ``.streamlit/secrets.toml``).

A stored hash is one string, ``pbkdf2_sha256$<iterations>$<salt>$<hash>`` (salt and hash in URL-safe
base64), made by ``python -m liveroi hash-password``: salted, slow on purpose, and never the password
itself. Verification compares in constant time. Nothing here imports Streamlit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256: ~0.3 s per check here
MIN_ITERATIONS = 1_000  # below this a stored hash is refused (tests use small counts to stay fast)
SALT_BYTES = 16


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None) -> str:
    """The string to store for ``password``: a salted PBKDF2-HMAC-SHA256 hash with its parameters."""
    if iterations < MIN_ITERATIONS:
        raise ValueError(f"iterations must be at least {MIN_ITERATIONS}")
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (from :func:`hash_password`). A malformed or weak stored
    value never matches; the comparison takes the same time wherever the bytes differ."""
    try:
        algorithm, iterations_text, salt_text, digest_text = str(stored).split("$")
        iterations = int(iterations_text)
        salt, expected = _unb64(salt_text), _unb64(digest_text)
    except (ValueError, TypeError):
        return False
    if algorithm != ALGORITHM or iterations < MIN_ITERATIONS or not salt or not expected:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)
