"""Substrates and inks of the Norvanian documents, and the page they are printed on.

An optical model of its own (not the Utopia renderer's): every print pass adds
*optical density* per band — red, green, blue and near infrared (~900 nm) — so
reflectance is ``substrate * 10 ** -density`` (Beer–Lambert through thin ink
films). Under long-wave UV (365 nm) a substrate emits its own glow (optical
brighteners; none on security paper), every ink absorbs part of the excitation
and of the light emitted beneath it (``uv_absorb``), and luminescent inks add
their own emission colour. The reader's UV image also shows a little of the
lamp's violet light reflected by the page (:data:`UV_LAMP_LEAK`).

Units: densities are decimal optical densities; reflectances and emissions are
linear in 0..1 (1 = a perfect white diffuser under that reader's white light).
Arrays are ``float32`` with row/column order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float32]

#: Violet lamp light reflected into the UV image, per RGB channel, per unit of
#: the page's blue reflectance (what makes UV-dull paper dark violet, not black).
UV_LAMP_LEAK = np.array([0.030, 0.012, 0.075], dtype=np.float32)


@dataclass(frozen=True)
class Substrate:
    """What the ink is printed on.

    Attributes:
        name: short name.
        reflectance: RGB reflectance in white light (0..1).
        ir: reflectance at ~900 nm (0..1).
        uv_emission: RGB emission under 365 nm (0: UV-dull).
        tint_spread: random variation of the reflectance between sheets (0..1).
    """

    name: str
    reflectance: tuple[float, float, float]
    ir: float
    uv_emission: tuple[float, float, float]
    tint_spread: float = 0.01


@dataclass(frozen=True)
class Ink:
    """A printing ink.

    Attributes:
        name: short name.
        density: optical density in red, green, blue at full coverage.
        ir_density: optical density at ~900 nm (carbon black ~1; dyes ~0).
        uv_absorb: density for the UV excitation and emitted light (quenching).
        emission: RGB emission under 365 nm at full coverage (0: not luminescent).
    """

    name: str
    density: tuple[float, float, float]
    ir_density: float
    uv_absorb: float
    emission: tuple[float, float, float] = (0.0, 0.0, 0.0)


# -- substrates ------------------------------------------------------------------------------
#: Security paper: no optical brighteners (UV-dull), slightly cream, IR-bright.
SECURITY_PAPER = Substrate("security paper", (0.86, 0.85, 0.79), 0.84, (0.006, 0.006, 0.012))
#: The card body (polycarbonate with a white core): UV-dull, a cooler white.
CARD_BODY = Substrate("polycarbonate card", (0.83, 0.84, 0.84), 0.80, (0.004, 0.005, 0.010),
                      tint_spread=0.006)
#: Office copy paper: optical brighteners glow blue-white under UV.
OFFICE_PAPER = Substrate("office paper", (0.91, 0.91, 0.93), 0.88, (0.30, 0.36, 0.70))
#: Paper without brighteners a forger may find (UV-dull, whiter than security paper).
DULL_PAPER = Substrate("brightener-free paper", (0.89, 0.88, 0.84), 0.86, (0.010, 0.010, 0.020))

# -- inks ------------------------------------------------------------------------------------
#: Background (IR-dropout) inks: offset-printed dyes.
BG_TEAL = Ink("background teal", (0.30, 0.08, 0.14), 0.0, 0.10)
BG_OCHRE = Ink("background ochre", (0.04, 0.14, 0.34), 0.0, 0.12)
BG_LILAC = Ink("background lilac", (0.12, 0.22, 0.06), 0.0, 0.10)
#: Header and labels: dark dye inks that drop out in IR.
HEADER_BLUE = Ink("header blue", (0.95, 0.70, 0.25), 0.02, 0.80)
LABEL_GREY = Ink("label slate", (0.55, 0.48, 0.36), 0.0, 0.55)
#: Personalisation toner and MRZ: carbon black, absorbs IR.
CARBON = Ink("carbon black", (1.15, 1.15, 1.10), 1.05, 1.20)
#: Pre-printed IR mark: carbon-loaded brown.
IR_BROWN = Ink("IR-absorbing brown", (0.55, 0.65, 0.80), 0.85, 0.75)
#: Luminescent inks: nearly invisible in white light.
UV_GREEN = Ink("UV yellow-green", (0.006, 0.004, 0.020), 0.0, 0.02, (0.34, 0.58, 0.10))
UV_RED = Ink("UV red", (0.004, 0.010, 0.012), 0.0, 0.02, (0.62, 0.14, 0.08))
UV_BLUE = Ink("UV blue", (0.010, 0.006, 0.002), 0.0, 0.02, (0.10, 0.24, 0.64))
#: Bi-fluorescent ink: orange in white light and under UV.
ORANGE_BIFLUO = Ink("bi-fluorescent orange", (0.05, 0.35, 0.70), 0.0, 0.15, (0.50, 0.24, 0.04))
#: Fibre dyes (white light: a faint tint).
FIBRE_INKS = (
    Ink("fibre red", (0.01, 0.05, 0.04), 0.0, 0.0, (0.85, 0.18, 0.10)),
    Ink("fibre yellow", (0.00, 0.01, 0.06), 0.0, 0.0, (0.70, 0.75, 0.12)),
    Ink("fibre blue", (0.05, 0.03, 0.00), 0.0, 0.0, (0.15, 0.30, 0.90)),
)


class Page:
    """A page being printed: density per band and UV emission, at one density.

    Args:
        size_px: ``(height, width)``.
        substrate: the sheet.
        tint: RGB multiplier of the substrate's reflectance (sheet-to-sheet variation).
    """

    def __init__(self, size_px: tuple[int, int], substrate: Substrate,
                 tint: tuple[float, float, float] = (1.0, 1.0, 1.0),
                 uv_level: float = 1.0) -> None:
        h, w = size_px
        self.shape = (h, w)
        self.substrate = substrate
        self.tint = np.asarray(tint, dtype=np.float32)
        self.uv_level = float(uv_level)
        self.density = np.zeros((h, w, 4), dtype=np.float32)
        self.uv_absorb = np.zeros((h, w), dtype=np.float32)
        self.emission = np.zeros((h, w, 3), dtype=np.float32)

    def print(self, coverage: Float, ink: Ink, r0: int = 0, c0: int = 0,
              strength: float = 1.0) -> None:
        """Print ``ink`` with ``coverage`` (0..1, ``(h, w)``) whose top-left is ``(r0, c0)``.

        Parts outside the page are dropped. ``strength`` scales the ink film (a
        print run's density variation).
        """
        cov = np.asarray(coverage, dtype=np.float32)
        h, w = cov.shape
        H, W = self.shape
        ra, ca = max(0, r0), max(0, c0)
        rb, cb = min(H, r0 + h), min(W, c0 + w)
        if rb <= ra or cb <= ca:
            return
        cov = cov[ra - r0:rb - r0, ca - c0:cb - c0] * np.float32(strength)
        dens = np.array([*ink.density, ink.ir_density], dtype=np.float32)
        self.density[ra:rb, ca:cb] += cov[:, :, None] * dens
        if ink.uv_absorb:
            att = np.power(np.float32(10.0), -cov * np.float32(ink.uv_absorb))
            self.emission[ra:rb, ca:cb] *= att[:, :, None]
            self.uv_absorb[ra:rb, ca:cb] += cov * np.float32(ink.uv_absorb)
        if any(ink.emission):
            self.emission[ra:rb, ca:cb] += cov[:, :, None] * np.asarray(
                ink.emission, dtype=np.float32) * np.float32(self.uv_level)

    def print_image(self, density_rgb: Float, ir_fraction: float, uv_absorb_fraction: float,
                    r0: int, c0: int) -> None:
        """Print a continuous-tone image given as RGB density ``(h, w, 3)`` (a
        photo): its IR density is ``ir_fraction`` of its mean density (colour
        toner fades in IR, the black part stays) and it quenches UV by
        ``uv_absorb_fraction`` of it."""
        h, w = density_rgb.shape[:2]
        H, W = self.shape
        ra, ca = max(0, r0), max(0, c0)
        rb, cb = min(H, r0 + h), min(W, c0 + w)
        if rb <= ra or cb <= ca:
            return
        d = np.asarray(density_rgb[ra - r0:rb - r0, ca - c0:cb - c0], dtype=np.float32)
        mean = d.mean(axis=2)
        self.density[ra:rb, ca:cb, :3] += d
        self.density[ra:rb, ca:cb, 3] += mean * np.float32(ir_fraction)
        q = mean * np.float32(uv_absorb_fraction)
        self.emission[ra:rb, ca:cb] *= np.power(np.float32(10.0), -q)[:, :, None]
        self.uv_absorb[ra:rb, ca:cb] += q

    def images(self) -> tuple[Float, Float, Float]:
        """``(white, uv, ir)``: linear white reflectance ``(H, W, 3)``, UV radiance
        ``(H, W, 3)`` and IR reflectance ``(H, W)``, all 0..~1."""
        sub = np.asarray(self.substrate.reflectance, dtype=np.float32) * self.tint
        ten = np.float32(10.0)
        white = sub.reshape(1, 1, 3) * np.power(ten, -self.density[:, :, :3])
        ir = np.float32(self.substrate.ir) * np.power(ten, -self.density[:, :, 3])
        own = (np.asarray(self.substrate.uv_emission, dtype=np.float32).reshape(1, 1, 3)
               * np.power(ten, -self.uv_absorb)[:, :, None])
        uv = own + self.emission + white[:, :, 2:3] * UV_LAMP_LEAK.reshape(1, 1, 3)
        return (np.ascontiguousarray(white, dtype=np.float32),
                np.ascontiguousarray(uv, dtype=np.float32),
                np.ascontiguousarray(ir, dtype=np.float32))
