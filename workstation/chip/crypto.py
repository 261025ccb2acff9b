"""Symmetric cryptography of ICAO 9303 part 11, on the ``cryptography`` package.

* ISO/IEC 9797-1 padding method 2 (``80 00 ...``);
* 3DES (two-key, CBC, zero IV) and the retail MAC (ISO/IEC 9797-1 MAC
  algorithm 3 with DES) of BAC secure messaging;
* AES (CBC) and AES-CMAC (8-byte MACs) of PACE/CA secure messaging;
* the key derivation function KDF(K, c) of part 11 §9.7.1 (SHA-1 for 3DES and
  AES-128, SHA-256 for AES-192/256) and DES parity adjustment.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

CipherName = Literal["3DES", "AES"]

KEY_ENC = 1
KEY_MAC = 2
KEY_PI = 3


def pad(data: bytes, block: int = 8) -> bytes:
    """ISO/IEC 9797-1 padding method 2: ``80`` then zeros to a whole block."""
    out = data + b"\x80"
    return out + b"\x00" * (-len(out) % block)


def unpad(data: bytes) -> bytes:
    """Undo :func:`pad`; ``ValueError`` when the padding is malformed."""
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80:
        raise ValueError("malformed ISO 9797-1 padding")
    return stripped[:-1]


def adjust_parity(key: bytes) -> bytes:
    """Set each DES key byte's least significant bit so the byte has odd parity."""
    out = bytearray()
    for b in key:
        high = b & 0xFE
        out.append(high | (bin(high).count("1") % 2 == 0))
    return bytes(out)


def kdf(secret: bytes, counter: int, cipher: CipherName = "3DES", key_bits: int = 128) -> bytes:
    """KDF(K, c) of ICAO 9303-11 §9.7.1: ``H(K || c)`` cut to the key length.

    3DES keys (16 bytes, parity adjusted) and AES-128 use SHA-1; AES-192 and
    AES-256 use SHA-256.
    """
    data = secret + counter.to_bytes(4, "big")
    if cipher == "3DES":
        return adjust_parity(hashlib.sha1(data).digest()[:16])
    if key_bits == 128:
        return hashlib.sha1(data).digest()[:16]
    if key_bits in (192, 256):
        return hashlib.sha256(data).digest()[:key_bits // 8]
    raise ValueError(f"unsupported AES key size {key_bits}")


def _des3(key: bytes) -> TripleDES:
    if len(key) == 16:
        key = key + key[:8]
    return TripleDES(key)


def des3_encrypt(key: bytes, data: bytes, iv: bytes = b"\x00" * 8) -> bytes:
    """Two-key 3DES CBC encryption (``data`` a whole number of 8-byte blocks)."""
    enc = Cipher(_des3(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def des3_decrypt(key: bytes, data: bytes, iv: bytes = b"\x00" * 8) -> bytes:
    """Two-key 3DES CBC decryption."""
    dec = Cipher(_des3(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def _des_ecb(key8: bytes, data: bytes, decrypt: bool = False) -> bytes:
    c = Cipher(TripleDES(key8 * 3), modes.ECB())
    op = c.decryptor() if decrypt else c.encryptor()
    return op.update(data) + op.finalize()


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 (DES, CBC with key A, final 3DES with A B A)
    over already padded ``data``; 8 bytes."""
    if len(data) % 8:
        raise ValueError("retail MAC input must be padded to 8 bytes")
    ka, kb = key[:8], key[8:16]
    h = b"\x00" * 8
    for i in range(0, len(data), 8):
        block = bytes(x ^ y for x, y in zip(h, data[i:i + 8], strict=True))
        h = _des_ecb(ka, block)
    h = _des_ecb(kb, h, decrypt=True)
    return _des_ecb(ka, h)


def aes_encrypt(key: bytes, data: bytes, iv: bytes = b"\x00" * 16) -> bytes:
    """AES CBC encryption."""
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def aes_decrypt(key: bytes, data: bytes, iv: bytes = b"\x00" * 16) -> bytes:
    """AES CBC decryption."""
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def aes_ecb_encrypt(key: bytes, block: bytes) -> bytes:
    """One AES block, ECB (the secure-messaging IV of part 11 §9.8.6.1)."""
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def aes_cmac(key: bytes, data: bytes, length: int = 8) -> bytes:
    """AES-CMAC of ``data`` (no padding: CMAC pads itself), cut to ``length`` bytes."""
    c = cmac.CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()[:length]
