"""Elliptic-curve domain parameters and the point arithmetic PACE's Generic Mapping needs.

PACE maps the nonce to a new generator ``G' = s·G + H`` and then agrees keys
on it; the ``cryptography`` package does ECDH only on a curve's standard
generator and never returns whole points, so this module adds affine point
arithmetic over prime fields. The domain parameters are not typed in: each
curve's generator and order come from ``cryptography`` itself, the prime
from the greatest common divisor of curve-equation residues of a few
multiples of the generator, and ``a``, ``b`` by solving the curve equation
(tests check the results against the published values and against
``cryptography``'s own scalar multiplication).

Curves given by explicit parameters that ``cryptography`` does not know (DG14
keys on brainpoolP224r1, for instance) get the same arithmetic and an ECDSA
verification of their own. Standardised PACE domain parameter ids (ICAO
9303-11 §9.5.1) map to curves in :data:`PACE_CURVES`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec

Point = tuple[int, int] | None
"""An affine point ``(x, y)``; ``None`` is the point at infinity."""

#: Curves by name (as ``cryptography`` names them).
_CURVES: dict[str, type[ec.EllipticCurve]] = {
    "secp192r1": ec.SECP192R1, "secp224r1": ec.SECP224R1, "secp256r1": ec.SECP256R1,
    "secp384r1": ec.SECP384R1, "secp521r1": ec.SECP521R1,
    "brainpoolP256r1": ec.BrainpoolP256R1, "brainpoolP384r1": ec.BrainpoolP384R1,
    "brainpoolP512r1": ec.BrainpoolP512R1,
}

#: ICAO 9303-11 standardised domain parameter id -> curve name (the ones supported here;
#: 9, 11 and 14 are brainpool curves ``cryptography`` does not implement).
PACE_CURVES: dict[int, str] = {
    8: "secp192r1", 10: "secp224r1", 12: "secp256r1", 13: "brainpoolP256r1",
    15: "secp384r1", 16: "brainpoolP384r1", 17: "brainpoolP512r1", 18: "secp521r1",
}


@dataclass(frozen=True)
class Curve:
    """Short Weierstrass curve ``y² = x³ + a·x + b`` over GF(p) with generator ``g`` of
    prime order ``n``."""

    name: str
    p: int
    a: int
    b: int
    g: tuple[int, int]
    n: int

    @property
    def size(self) -> int:
        """Bytes of one coordinate."""
        return (self.p.bit_length() + 7) // 8

    def contains(self, pt: Point) -> bool:
        """``pt`` lies on the curve (infinity counts)."""
        if pt is None:
            return True
        x, y = pt
        return 0 <= x < self.p and 0 <= y < self.p and \
            (y * y - (x * x * x + self.a * x + self.b)) % self.p == 0

    def add(self, p1: Point, p2: Point) -> Point:
        """``p1 + p2``."""
        if p1 is None:
            return p2
        if p2 is None:
            return p1
        x1, y1 = p1
        x2, y2 = p2
        p = self.p
        if x1 == x2:
            if (y1 + y2) % p == 0:
                return None
            lam = (3 * x1 * x1 + self.a) * pow(2 * y1, -1, p) % p
        else:
            lam = (y2 - y1) * pow(x2 - x1, -1, p) % p
        x3 = (lam * lam - x1 - x2) % p
        return x3, (lam * (x1 - x3) - y1) % p

    def mul(self, k: int, pt: Point) -> Point:
        """``k · pt`` (double and add)."""
        k %= self.n
        result: Point = None
        addend = pt
        while k:
            if k & 1:
                result = self.add(result, addend)
            addend = self.add(addend, addend)
            k >>= 1
        return result

    def encode(self, pt: Point) -> bytes:
        """Uncompressed encoding ``04 || x || y``."""
        if pt is None:
            raise ValueError("cannot encode the point at infinity")
        return b"\x04" + pt[0].to_bytes(self.size, "big") + pt[1].to_bytes(self.size, "big")

    def decode(self, data: bytes) -> tuple[int, int]:
        """An uncompressed point; ``ValueError`` when malformed or not on the curve."""
        if len(data) != 1 + 2 * self.size or data[0] != 0x04:
            raise ValueError(f"not an uncompressed {self.name} point ({len(data)} bytes)")
        pt = (int.from_bytes(data[1:1 + self.size], "big"),
              int.from_bytes(data[1 + self.size:], "big"))
        if not self.contains(pt):
            raise ValueError(f"point is not on {self.name}")
        return pt

    def crypto_curve(self) -> ec.EllipticCurve:
        """The ``cryptography`` curve object (``KeyError`` for an explicit-only curve)."""
        return _CURVES[self.name]()


def _multiples(curve: ec.EllipticCurve, count: int) -> list[tuple[int, int]]:
    out = []
    for k in range(1, count + 1):
        nums = ec.derive_private_key(k, curve).public_key().public_numbers()
        out.append((nums.x, nums.y))
    return out


@functools.cache
def curve(name: str) -> Curve:
    """The domain parameters of curve ``name`` (``KeyError`` for an unknown curve)."""
    crypto = _CURVES[name]()
    pts = _multiples(crypto, 6)
    f = [y * y - x ** 3 for x, y in pts]
    g = 0
    for i in range(2, len(pts)):
        (x0, _), (x1, _), (xi, _) = pts[0], pts[1], pts[i]
        g = math.gcd(g, (f[0] - f[1]) * (x0 - xi) - (f[0] - f[i]) * (x0 - x1))
    bits = crypto.key_size
    # the residues are multiples of p; strip any small common factor left over
    for q in range(2, 1 << 16):
        if g.bit_length() <= bits:
            break
        while g % q == 0 and g.bit_length() > bits:
            g //= q
    p = abs(g)
    if p.bit_length() != bits:
        raise ValueError(f"could not derive the field prime of {name}")
    (x0, _), (x1, _) = pts[0], pts[1]
    a = (f[0] - f[1]) * pow(x0 - x1, -1, p) % p
    b = (f[0] - a * x0) % p
    n = int(crypto.group_order)
    out = Curve(name, p, a, b, pts[0], n)
    if not all(out.contains(pt) for pt in pts):
        raise ValueError(f"derived parameters of {name} do not hold")
    return out


def curve_for_parameters(p: int, a: int, b: int, g: tuple[int, int], n: int) -> Curve:
    """The curve with these explicit domain parameters: the named curve when they are
    one ``cryptography`` knows (certificates and DG14 often spell brainpool curves out
    instead of naming them), otherwise an unnamed curve (``name`` ``"explicit-<bits>"``)
    that this module's own arithmetic serves.

    Raises:
        ValueError: the generator is not on the curve.
    """
    for name in _CURVES:
        c = curve(name)
        if (c.p, c.a % c.p, c.b % c.p, c.g, c.n) == (p, a % p, b % p, g, n):
            return c
    out = Curve(f"explicit-{p.bit_length()}", p, a % p, b % p, g, n)
    if not out.contains(g):
        raise ValueError("explicit EC parameters: the generator is not on the curve")
    return out


def known_to_cryptography(c: Curve) -> bool:
    """Whether ``cryptography`` implements ``c`` (then it does the signature checks)."""
    return c.name in _CURVES


def ecdsa_verify(c: Curve, public: tuple[int, int], digest: bytes, r: int, s: int) -> bool:
    """ECDSA verification with this module's arithmetic (for curves ``cryptography``
    lacks, such as brainpoolP224r1 and P320r1). ``digest`` is the message hash."""
    n = c.n
    if not (0 < r < n and 0 < s < n) or not c.contains(public):
        return False
    e = int.from_bytes(digest, "big")
    extra = len(digest) * 8 - n.bit_length()
    if extra > 0:
        e >>= extra
    w = pow(s, -1, n)
    pt = c.add(c.mul(e * w % n, c.g), c.mul(r * w % n, public))
    return pt is not None and pt[0] % n == r
