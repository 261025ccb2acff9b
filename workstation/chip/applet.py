"""The simulated chip's card side: an ICAO 9303 eMRTD application answering APDUs.

It holds the personalised files (:class:`~workstation.chip.personalise.ChipImage`)
and plays the chip's part of every protocol the reader uses: SELECT, READ
BINARY (optionally refusing long reads, as some chips do), BAC, PACE (ECDH
Generic Mapping), secure messaging (3DES and AES), Chip Authentication and
Active Authentication. The in-process simulated card reader and the virtual
PC/SC card (vpcd) both drive this same object, so the reader code is tested
through the same path as a real chip.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec as cec
from cryptography.hazmat.primitives.asymmetric import utils

from workstation.chip import bac, crypto, oids, pace
from workstation.chip.apdu import ChipError, Command, Response
from workstation.chip.personalise import ChipImage
from workstation.chip.security_infos import parse_security_infos
from workstation.chip.sm import SecureMessaging
from workstation.chip.tlv import Tlv, TlvError, iter_tlv, parse_all, tlv
from workstation.pki.ec import Curve, curve

EMRTD_AID = bytes.fromhex("A0000002471001")
#: File identifiers of the eMRTD application.
FIDS: dict[int, str] = {0x011E: "EF.COM", 0x011D: "EF.SOD",
                        **{0x0100 + n: f"DG{n}" for n in range(1, 17)}}
#: Short file identifiers.
SFIS: dict[int, str] = {0x1E: "EF.COM", 0x1D: "EF.SOD", **{n: f"DG{n}" for n in range(1, 17)}}
#: The ATR of the simulated chip (ISO 14443-4 contactless card, as a PC/SC reader reports it).
ATR = bytes.fromhex("3B8880014245535420454D52540D")


@dataclass
class _PaceState:
    """The chip's side of a PACE run in progress."""

    info: pace.PaceInfo
    ref: int
    step: int = 1
    s: bytes = b""
    mapped: Curve | None = None
    pk_ic: bytes = b""
    pk_ifd: bytes = b""
    ks: tuple[bytes, bytes] = (b"", b"")


class _Refusal(Exception):
    def __init__(self, sw: int) -> None:
        self.sw = sw


class SimulatedChip:
    """An eMRTD chip in memory. :meth:`transmit` takes a command APDU and returns the
    response; :meth:`reset` is a power cycle (access and secure messaging are lost).

    Args:
        image: the personalised files and keys.
        max_read: the longest READ BINARY the chip answers (longer ones get 6700), to
            exercise a reader's fall-back to shorter reads.
        random: source of the chip's random bytes (tests make it repeatable).
    """

    def __init__(self, image: ChipImage, *, max_read: int = 256,
                 random: Callable[[int], bytes] = os.urandom) -> None:
        self.image = image
        self.max_read = max_read
        self._random = random
        self._lock = threading.Lock()
        self.commands = 0
        self.reset()

    @property
    def atr(self) -> bytes:
        return ATR

    def reset(self) -> None:
        """Power cycle: the MF is selected, no access, no secure messaging."""
        self._app = False
        self._file: str | None = None
        self._sm: SecureMessaging | None = None
        self._access: str | None = None
        self._rnd_ic: bytes | None = None
        self._pace: _PaceState | None = None
        self._ca_protocol: str | None = None
        self._ca_pending: tuple[bytes, bytes, crypto.CipherName] | None = None

    # -- the wire -------------------------------------------------------------------------
    def transmit(self, apdu: bytes) -> bytes:
        """One command APDU in, one response APDU out."""
        with self._lock:
            self.commands += 1
            try:
                cmd = Command.decode(apdu)
            except ChipError:
                return (0x6700).to_bytes(2, "big")
            protected = cmd.cla & 0x0C == 0x0C
            sm = self._sm
            if protected:
                if sm is None:
                    return (0x6882).to_bytes(2, "big")
                try:
                    cmd = sm.open_command(cmd)
                except ChipError as exc:
                    self._drop_session()
                    return (exc.sw or 0x6988).to_bytes(2, "big")
            try:
                resp = self._dispatch(cmd, protected)
            except _Refusal as r:
                resp = Response(b"", r.sw)
            except ChipError as exc:
                resp = Response(b"", exc.sw or 0x6F00)
            if protected and sm is not None:
                out = sm.seal_response(resp)
                if self._ca_pending is not None:
                    self._switch_to_ca_keys()
                return out.encode()
            return resp.encode()

    def _drop_session(self) -> None:
        self._sm = None
        self._access = None

    # -- commands -------------------------------------------------------------------------
    def _dispatch(self, cmd: Command, protected: bool) -> Response:
        ins = cmd.ins
        if ins == 0xA4:
            return self._select(cmd, protected)
        if ins == 0xB0:
            return self._read_binary(cmd, protected)
        if ins == 0x84:
            return self._get_challenge(cmd)
        if ins == 0x82:
            return self._external_authenticate(cmd)
        if ins == 0x22:
            return self._mse(cmd, protected)
        if ins == 0x86:
            return self._general_authenticate(cmd, protected)
        if ins == 0x88:
            return self._internal_authenticate(cmd, protected)
        raise _Refusal(0x6D00)

    def _select(self, cmd: Command, protected: bool) -> Response:
        if cmd.p1 == 0x04:
            if cmd.data != EMRTD_AID:
                raise _Refusal(0x6A82)
            self._app, self._file = True, None
            return Response(b"", 0x9000)
        if cmd.p1 == 0x00 and cmd.data in (b"", b"\x3f\x00"):
            self._app, self._file = False, None
            return Response(b"", 0x9000)
        if cmd.p1 in (0x02, 0x00) and len(cmd.data) == 2:
            fid = int.from_bytes(cmd.data, "big")
            if fid == 0x011C and "EF.CardAccess" in self.image.files:
                self._file = "EF.CardAccess"
                return Response(b"", 0x9000)
            name = FIDS.get(fid)
            if name is None or not self._app or name not in self.image.files:
                raise _Refusal(0x6A82)
            self._check_access(name, protected)
            self._file = name
            return Response(b"", 0x9000)
        raise _Refusal(0x6A86)

    def _check_access(self, name: str, protected: bool) -> None:
        if name == "EF.CardAccess":
            return
        if self._access is None or not protected:
            raise _Refusal(0x6982)
        if name in ("DG3", "DG4"):
            raise _Refusal(0x6982)  # extended access control is not simulated

    def _read_binary(self, cmd: Command, protected: bool) -> Response:
        if cmd.p1 & 0x80:
            name = SFIS.get(cmd.p1 & 0x1F) if cmd.p1 & 0x1F != 0x1C else "EF.CardAccess"
            if name is None or name not in self.image.files or \
                    (name != "EF.CardAccess" and not self._app):
                raise _Refusal(0x6A82)
            self._check_access(name, protected)
            self._file, offset = name, cmd.p2
        else:
            if self._file is None:
                raise _Refusal(0x6986)
            self._check_access(self._file, protected)
            offset = (cmd.p1 << 8) | cmd.p2
        data = self.image.files[self._file]
        le = cmd.le or 256
        if le > self.max_read:
            raise _Refusal(0x6700)
        if offset > len(data):
            raise _Refusal(0x6B00)
        chunk = data[offset:offset + le]
        return Response(chunk, 0x9000 if len(chunk) == le or offset + le <= len(data)
                        else 0x6282)

    # -- BAC ------------------------------------------------------------------------------
    def _get_challenge(self, cmd: Command) -> Response:
        if not self.image.bac:
            raise _Refusal(0x6D00)
        self._rnd_ic = self._random(8)
        return Response(self._rnd_ic, 0x9000)

    def _external_authenticate(self, cmd: Command) -> Response:
        if not self.image.bac or self._rnd_ic is None:
            raise _Refusal(0x6985)
        k_enc, k_mac = bac.document_keys(self.image.mrz_key)
        k_ic = self._random(16)
        try:
            answer, rnd_ifd, k_ifd = bac.chip_respond(k_enc, k_mac, self._rnd_ic, cmd.data, k_ic)
        except ChipError as exc:
            self._rnd_ic = None
            raise _Refusal(exc.sw or 0x6300) from None
        ks_enc, ks_mac = bac.session_keys(k_ifd, k_ic)
        self._sm = SecureMessaging(ks_enc, ks_mac, bac.initial_ssc(self._rnd_ic, rnd_ifd), "3DES")
        self._access, self._rnd_ic = "BAC", None
        return Response(answer, 0x9000)

    # -- PACE and CA: MSE, GENERAL AUTHENTICATE -------------------------------------------
    def _mse(self, cmd: Command, protected: bool) -> Response:
        try:
            dos = parse_all(cmd.data)
        except TlvError:
            raise _Refusal(0x6A80) from None
        if (cmd.p1, cmd.p2) == (0xC1, 0xA4):  # PACE
            protocol = oids.decode_oid(dos[0x80].value) if 0x80 in dos else ""
            offered = [p for p in self._pace_infos() if p.protocol == protocol]
            if not offered or 0x83 not in dos:
                raise _Refusal(0x6A80)
            ref = dos[0x83].value[0]
            if ref not in (pace.PASSWORD_MRZ, pace.PASSWORD_CAN):
                raise _Refusal(0x6A88)
            self._pace = _PaceState(offered[0], ref)
            self._sm, self._access = None, None
            return Response(b"", 0x9000)
        if (cmd.p1, cmd.p2) in ((0x41, 0xA4), (0x41, 0xA6)) and protected:  # CA
            if cmd.p2 == 0xA6:
                if 0x91 not in dos:
                    raise _Refusal(0x6A80)
                self._chip_authenticate(dos[0x91].value, "3DES")
                return Response(b"", 0x9000)
            protocol = oids.decode_oid(dos[0x80].value) if 0x80 in dos else ""
            if protocol not in oids.CA_PROTOCOLS:
                raise _Refusal(0x6A80)
            self._ca_protocol = protocol
            return Response(b"", 0x9000)
        raise _Refusal(0x6A86)

    def _pace_infos(self) -> list[pace.PaceInfo]:
        raw = self.image.files.get("EF.CardAccess")
        return parse_security_infos(raw).pace if raw else []

    def _general_authenticate(self, cmd: Command, protected: bool) -> Response:
        try:
            outer = next(iter_tlv(cmd.data))
            inner = outer.children()
        except (StopIteration, TlvError):
            raise _Refusal(0x6A80) from None
        if self._ca_protocol and protected:
            if not inner or inner[0].tag != 0x80:
                raise _Refusal(0x6A80)
            cipher = oids.CA_PROTOCOLS[self._ca_protocol][1]
            self._chip_authenticate(inner[0].value, cipher)
            return Response(tlv(0x7C, b""), 0x9000)
        return self._pace_step(cmd, inner)

    def _pace_step(self, cmd: Command, inner: list[Tlv]) -> Response:
        st = self._pace
        if st is None:
            raise _Refusal(0x6985)
        info = st.info
        c = pace.domain(info)
        value = inner[0].value if inner else b""
        try:
            if st.step == 1:
                key = self.image.can_key if st.ref == pace.PASSWORD_CAN else self.image.mrz_key
                st.s, st.step = self._random(16), 2
                z = pace.encrypt_nonce(pace.password_key(key, info.protocol), st.s, info.protocol)
                return Response(tlv(0x7C, tlv(0x80, z)), 0x9000)
            if st.step == 2:
                sk_map = secrets.randbelow(c.n - 1) + 1
                h = pace.shared_secret(c, sk_map, c.decode(value))
                st.mapped, st.step = replace(c, g=pace.map_generator(c, st.s, h)), 3
                return Response(tlv(0x7C, tlv(0x82, c.encode(c.mul(sk_map, c.g)))), 0x9000)
            if st.step == 3 and st.mapped is not None:
                mapped = st.mapped
                sk = secrets.randbelow(c.n - 1) + 1
                pk_ic = mapped.encode(mapped.mul(sk, mapped.g))
                if value == pk_ic:
                    raise _Refusal(0x6A80)
                k = pace.shared_secret(mapped, sk, mapped.decode(value))
                st.ks = pace.session_keys(k[0].to_bytes(c.size, "big"), info.protocol)
                st.pk_ic, st.pk_ifd, st.step = pk_ic, value, 4
                return Response(tlv(0x7C, tlv(0x84, pk_ic)), 0x9000)
            if st.step == 4 and cmd.cla & 0x10 == 0:
                ks_enc, ks_mac = st.ks
                if value != pace.auth_token(ks_mac, info.protocol, st.pk_ic):
                    self._pace = None
                    raise _Refusal(0x6300)
                cipher, _ = pace.cipher_of(info.protocol)
                self._sm = SecureMessaging(ks_enc, ks_mac, 0, cipher)
                self._access, self._pace, self._app = "PACE", None, False
                token = pace.auth_token(ks_mac, info.protocol, st.pk_ifd)
                return Response(tlv(0x7C, tlv(0x86, token)), 0x9000)
        except (ValueError, ChipError):
            self._pace = None
            raise _Refusal(0x6A80) from None
        raise _Refusal(0x6985)

    # -- Chip Authentication --------------------------------------------------------------
    def _chip_authenticate(self, public: bytes, cipher: str) -> None:
        key = self.image.ca_private
        if key is None or self._sm is None:
            raise _Refusal(0x6A88)
        c = curve(self.image.ca_curve)
        try:
            shared = pace.shared_secret(c, key, c.decode(public))
        except (ValueError, ChipError):
            raise _Refusal(0x6A80) from None
        k = shared[0].to_bytes(c.size, "big")
        ciph: crypto.CipherName = "3DES" if cipher == "3DES" else "AES"
        self._ca_pending = (crypto.kdf(k, crypto.KEY_ENC, ciph),
                            crypto.kdf(k, crypto.KEY_MAC, ciph), ciph)

    def _switch_to_ca_keys(self) -> None:
        assert self._ca_pending is not None
        ks_enc, ks_mac, ciph = self._ca_pending
        self._sm = SecureMessaging(ks_enc, ks_mac, 0, ciph)
        self._ca_protocol = self._ca_pending = None

    # -- Active Authentication ------------------------------------------------------------
    def _internal_authenticate(self, cmd: Command, protected: bool) -> Response:
        if self.image.aa_private is None:
            raise _Refusal(0x6D00)
        if self._access is None or not protected:
            raise _Refusal(0x6982)
        if len(cmd.data) != 8:
            raise _Refusal(0x6700)
        key = cec.derive_private_key(self.image.aa_private, cec.SECP256R1())
        der = key.sign(cmd.data, cec.ECDSA(hashes.SHA256()))
        r, s = utils.decode_dss_signature(der)
        return Response(r.to_bytes(32, "big") + s.to_bytes(32, "big"), 0x9000)


def fingerprint(image: ChipImage) -> str:
    """A short identifier of a personalised chip (SHA-256 of its EF.SOD)."""
    return hashlib.sha256(image.files.get("EF.SOD", b"")).hexdigest()[:16]
