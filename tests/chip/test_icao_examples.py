"""ICAO Doc 9303 part 11 worked examples, byte for byte.

Appendix D (BAC: key derivation from the MRZ, mutual authentication, secure
messaging of SELECT and READ BINARY) and appendix G.1 (PACE ECDH Generic
Mapping on brainpoolP256r1 with AES-128).
"""

from __future__ import annotations

from workstation.chip import bac, crypto, pace
from workstation.chip.apdu import Command, Response
from workstation.chip.keys import MrzKey
from workstation.chip.sm import SecureMessaging
from workstation.pki.ec import curve

H = bytes.fromhex

# -- appendix D: BAC -----------------------------------------------------------------------
MRZ = MrzKey("L898902C<", "690806", "940623")


def test_d2_mrz_information_and_key_seed() -> None:
    assert MRZ.mrz_information == "L898902C<369080619406236"
    assert MRZ.seed()[:16] == H("239AB9CB282DAF66231DC5A4DF6BFBAE")


def test_d2_document_keys() -> None:
    k_enc, k_mac = bac.document_keys(MRZ)
    assert k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")


RND_IC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
K_IC = H("0B4F80323EB3191CB04970CB4052790B")


def test_d3_mutual_authentication() -> None:
    k_enc, k_mac = bac.document_keys(MRZ)
    cmd = bac.terminal_cryptogram(k_enc, k_mac, RND_IFD, RND_IC, K_IFD)
    assert cmd == H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
                    "5F1448EEA8AD90A7")
    resp, rnd_ifd, k_ifd = bac.chip_respond(k_enc, k_mac, RND_IC, cmd, K_IC)
    assert (rnd_ifd, k_ifd) == (RND_IFD, K_IFD)
    assert resp == H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F"
                     "2F2D235D074D7449")
    assert bac.open_chip_response(k_enc, k_mac, RND_IFD, RND_IC, resp) == K_IC
    ks_enc, ks_mac = bac.session_keys(K_IFD, K_IC)
    assert ks_enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert ks_mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert bac.initial_ssc(RND_IC, RND_IFD) == 0x887022120C06C226


def _sm() -> SecureMessaging:
    return SecureMessaging(H("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                           H("F1CB1F1FB5ADF208806B89DC579DC1F8"), 0x887022120C06C226, "3DES")


def test_d4_secure_messaging_select_and_read() -> None:
    sm = _sm()
    select = sm.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    assert select.encode() == H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    resp = sm.unprotect(Response.decode(H("990290008E08FA855A5D4C50A8ED9000")))
    assert resp == Response(b"", 0x9000)

    read = sm.protect(Command(0x00, 0xB0, 0x00, 0x00, le=4))
    assert read.encode() == H("0CB000000D9701048E08ED6705417E96BA5500")
    resp = sm.unprotect(Response.decode(
        H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")))
    assert resp.data == H("60145F01")

    read = sm.protect(Command(0x00, 0xB0, 0x00, 0x04, le=0x12))
    assert read.encode() == H("0CB000040D9701128E082EA28A70F3C7B53500")
    resp = sm.unprotect(Response.decode(H(
        "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08"
        "C8B2787EAEA07D749000")))
    assert resp.data == H("04303130365F36063034303030305C026175")
    assert sm.ssc == 0x887022120C06C22C


def test_d4_chip_side_reproduces_the_same_bytes() -> None:
    terminal, chip = _sm(), _sm()
    for cmd, answer in ((Command(0x00, 0xA4, 0x02, 0x0C, H("011E")), b""),
                        (Command(0x00, 0xB0, 0x00, 0x00, le=4), H("60145F01"))):
        opened = chip.open_command(terminal.protect(cmd))
        assert opened == cmd
        sealed = chip.seal_response(Response(answer, 0x9000))
        assert terminal.unprotect(sealed) == Response(answer, 0x9000)
    assert sealed.data == H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED")


def test_a_flipped_mac_byte_is_refused() -> None:
    sm = _sm()
    sm.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    bad = bytearray(H("990290008E08FA855A5D4C50A8ED9000"))
    bad[8] ^= 1
    try:
        sm.unprotect(Response.decode(bytes(bad)))
    except Exception as exc:
        assert "MAC" in str(exc)
    else:
        raise AssertionError("an altered response MAC was accepted")


# -- appendix G.1: PACE ECDH GM, brainpoolP256r1, AES-128 -----------------------------------
PACE_MRZ = MrzKey("T22000129", "640812", "101031")
PROTOCOL = "0.4.0.127.0.7.2.2.4.2.2"
SK_MAP_IFD = 0x7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99
SK_MAP_IC = 0x498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560
SK_IFD = 0xA73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595
SK_IC = 0x107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A


def test_g1_password_and_nonce() -> None:
    assert PACE_MRZ.seed() == H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
    k_pi = pace.password_key(PACE_MRZ, PROTOCOL)
    assert k_pi == H("89DED1B26624EC1E634C1989302849DD")
    s = pace.decrypt_nonce(k_pi, H("95A3A016522EE98D01E76CB6B98B42C3"), PROTOCOL)
    assert s == H("3F00C4D39D153F2B2A214A078D899B22")
    assert pace.encrypt_nonce(k_pi, s, PROTOCOL) == H("95A3A016522EE98D01E76CB6B98B42C3")


def test_g1_mapping_key_agreement_and_tokens() -> None:
    c = curve("brainpoolP256r1")
    pk_map_ifd = c.mul(SK_MAP_IFD, c.g)
    assert c.encode(pk_map_ifd) == H(
        "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
        "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D")
    pk_map_ic = c.mul(SK_MAP_IC, c.g)
    assert c.encode(pk_map_ic) == H(
        "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
        "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54")
    shared = pace.shared_secret(c, SK_MAP_IFD, pk_map_ic)
    assert shared == pace.shared_secret(c, SK_MAP_IC, pk_map_ifd)
    assert shared == (0x60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5,
                      0x0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181)
    g = pace.map_generator(c, H("3F00C4D39D153F2B2A214A078D899B22"), shared)
    assert c.encode(g) == H(
        "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
        "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
    from dataclasses import replace

    mapped = replace(c, g=g)
    pk_ifd = mapped.encode(mapped.mul(SK_IFD, g))
    assert pk_ifd == H("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                       "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462")
    pk_ic = mapped.encode(mapped.mul(SK_IC, g))
    assert pk_ic == H("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                      "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094")
    k = pace.shared_secret(mapped, SK_IFD, mapped.decode(pk_ic))[0].to_bytes(32, "big")
    assert k == H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
    ks_enc, ks_mac = pace.session_keys(k, PROTOCOL)
    assert ks_enc == H("F5F0E35C0D7161EE6724EE513A0D9A7F")
    assert ks_mac == H("FE251C7858B356B24514B3BD5F4297D1")
    assert pace.auth_token(ks_mac, PROTOCOL, pk_ic) == H("C2B0BD78D94BA866")
    assert pace.auth_token(ks_mac, PROTOCOL, pk_ifd) == H("3ABB9674BCE93C08")


def test_retail_mac_and_padding_basics() -> None:
    assert crypto.pad(b"\x01\x1e") == H("011E800000000000")
    assert crypto.unpad(H("011E800000000000")) == H("011E")
