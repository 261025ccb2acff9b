"""Secure messaging (ICAO 9303-11 §9.8): protect commands and check responses, and the
chip's side of the same (for the simulated chip).

3DES (after BAC, or PACE/CA with 3DES): two-key 3DES CBC with a zero IV and the
ISO 9797-1 retail MAC, 8-byte send sequence counter. AES (after PACE or CA with
AES): AES CBC with IV = E(KSenc, SSC) and AES-CMAC cut to 8 bytes, 16-byte counter.
Every response MAC is checked before anything in it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workstation.chip import crypto
from workstation.chip.apdu import ChipError, Command, Response
from workstation.chip.tlv import iter_tlv, tlv


@dataclass
class SecureMessaging:
    """Session keys and counter of one secure-messaging channel.

    Attributes:
        ks_enc: encryption key (16 bytes for 3DES; 16, 24 or 32 for AES).
        ks_mac: MAC key.
        ssc: send sequence counter (incremented before each command and each response).
        cipher: ``"3DES"`` or ``"AES"``.
    """

    ks_enc: bytes
    ks_mac: bytes
    ssc: int
    cipher: crypto.CipherName = "3DES"
    _block: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._block = 8 if self.cipher == "3DES" else 16

    # -- primitives -----------------------------------------------------------------------
    def _ssc_bytes(self) -> bytes:
        return self.ssc.to_bytes(self._block, "big")

    def _mac(self, data: bytes) -> bytes:
        padded = crypto.pad(self._ssc_bytes() + data, self._block)
        if self.cipher == "3DES":
            return crypto.retail_mac(self.ks_mac, padded)
        return crypto.aes_cmac(self.ks_mac, padded)

    def _encrypt(self, data: bytes) -> bytes:
        padded = crypto.pad(data, self._block)
        if self.cipher == "3DES":
            return crypto.des3_encrypt(self.ks_enc, padded)
        iv = crypto.aes_ecb_encrypt(self.ks_enc, self._ssc_bytes())
        return crypto.aes_encrypt(self.ks_enc, padded, iv)

    def _decrypt(self, data: bytes) -> bytes:
        if not data or len(data) % self._block:
            raise ChipError("secure messaging: encrypted data is not whole blocks", 0x6988)
        if self.cipher == "3DES":
            plain = crypto.des3_decrypt(self.ks_enc, data)
        else:
            iv = crypto.aes_ecb_encrypt(self.ks_enc, self._ssc_bytes())
            plain = crypto.aes_decrypt(self.ks_enc, data, iv)
        try:
            return crypto.unpad(plain)
        except ValueError:
            raise ChipError("secure messaging: bad padding in decrypted data", 0x6988) from None

    def _header(self, cla: int, ins: int, p1: int, p2: int) -> bytes:
        return crypto.pad(bytes([cla | 0x0C, ins, p1, p2]), self._block)

    # -- terminal side --------------------------------------------------------------------
    def protect(self, cmd: Command) -> Command:
        """The protected form of ``cmd`` (increments the counter)."""
        self.ssc += 1
        dos = b""
        if cmd.data:
            body = self._encrypt(cmd.data)
            dos += tlv(0x85, body) if cmd.ins & 1 else tlv(0x87, b"\x01" + body)
        if cmd.le is not None:
            le = cmd.le
            dos += tlv(0x97, bytes([0 if le >= 256 else le]) if le <= 256
                       else (0 if le >= 65536 else le).to_bytes(2, "big"))
        mac = self._mac(self._header(cmd.cla, cmd.ins, cmd.p1, cmd.p2) + dos)
        return Command(cmd.cla | 0x0C, cmd.ins, cmd.p1, cmd.p2, dos + tlv(0x8E, mac), 256)

    def unprotect(self, resp: Response) -> Response:
        """Check and open a protected response (increments the counter).

        Raises:
            ChipError: a missing or wrong MAC, or malformed secure-messaging data.
        """
        self.ssc += 1
        if resp.sw != 0x9000 and not resp.data:
            # errors may come unprotected (ISO 7816-4: 6987/6988 and checking errors)
            return resp
        found: dict[int, bytes] = {}
        mac_input = b""
        try:
            for obj in iter_tlv(resp.data):
                if obj.tag in (0x85, 0x87, 0x99):
                    found[obj.tag] = obj.value
                    mac_input += tlv(obj.tag, obj.value)
                elif obj.tag == 0x8E:
                    found[0x8E] = obj.value
        except ValueError as exc:
            raise ChipError(f"secure messaging: malformed response ({exc})", 0x6988) from None
        if 0x8E not in found:
            raise ChipError("secure messaging: the response carries no MAC", 0x6987)
        if self._mac(mac_input) != found[0x8E]:
            raise ChipError("secure messaging: the response MAC does not verify "
                            "(wrong keys or an altered response)", 0x6988)
        data = b""
        if 0x87 in found:
            body = found[0x87]
            if not body or body[0] != 0x01:
                raise ChipError("secure messaging: unknown padding indicator", 0x6988)
            data = self._decrypt(body[1:])
        elif 0x85 in found:
            data = self._decrypt(found[0x85])
        sw = int.from_bytes(found[0x99], "big") if 0x99 in found else resp.sw
        return Response(data, sw)

    # -- chip side (the simulated chip) ---------------------------------------------------
    def open_command(self, cmd: Command) -> Command:
        """Check and open a protected command (chip side; increments the counter).

        Raises:
            ChipError: with status 6987 (objects missing) or 6988 (objects incorrect).
        """
        self.ssc += 1
        found: dict[int, bytes] = {}
        mac_input = b""
        try:
            for obj in iter_tlv(cmd.data):
                if obj.tag in (0x85, 0x87, 0x97):
                    found[obj.tag] = obj.value
                    mac_input += tlv(obj.tag, obj.value)
                elif obj.tag == 0x8E:
                    found[0x8E] = obj.value
        except ValueError:
            raise ChipError("malformed secure messaging objects", 0x6988) from None
        if 0x8E not in found:
            raise ChipError("secure messaging MAC missing", 0x6987)
        if self._mac(self._header(cmd.cla, cmd.ins, cmd.p1, cmd.p2) + mac_input) != found[0x8E]:
            raise ChipError("secure messaging MAC wrong", 0x6988)
        data = b""
        if 0x87 in found:
            if not found[0x87] or found[0x87][0] != 0x01:
                raise ChipError("unknown padding indicator", 0x6988)
            data = self._decrypt(found[0x87][1:])
        elif 0x85 in found:
            data = self._decrypt(found[0x85])
        le: int | None = None
        if 0x97 in found:
            raw = found[0x97]
            le = int.from_bytes(raw, "big") or (256 if len(raw) == 1 else 65536)
        return Command(cmd.cla & ~0x0C & 0xFF, cmd.ins, cmd.p1, cmd.p2, data, le)

    def seal_response(self, resp: Response) -> Response:
        """The protected form of a response (chip side; increments the counter)."""
        self.ssc += 1
        dos = b""
        if resp.data:
            dos += tlv(0x87, b"\x01" + self._encrypt(resp.data))
        dos += tlv(0x99, resp.sw.to_bytes(2, "big"))
        return Response(dos + tlv(0x8E, self._mac(dos)), resp.sw)
