"""Optical behaviour of inks and substrates under the reader's lights.

Every value is a reflectance or an emission between 0 and 1 (1 = the sensor's
white level at nominal exposure).

* White light: the substrate reflects ``substrate.white`` (RGB); an ink layer of
  coverage ``a`` multiplies it by ``1 - a * (1 - ink.white)`` (subtractive print).
* UV (365 nm): what the sensor sees is luminescence. The substrate emits
  ``substrate.uv`` (dull security paper: dark blue-violet; office paper with
  optical brighteners: bright blue-white). An ink layer first quenches what lies
  below it by ``1 - a * ink.uv_quench`` and then adds its own emission
  ``a * ink.uv``.
* IR (about 900 nm, grey): the substrate reflects ``substrate.ir``; an ink layer
  multiplies it by ``1 - a * ink.ir_absorb``. Carbon-based inks absorb
  (``ir_absorb`` near 1), most colour inks are transparent (near 0).
* UV 254 nm: as under 365 nm with the substrate's ``uv254`` emission and each ink's
  ``uv254`` emission: a second set of luminescent inks answers only to short-wave UV,
  and the 365 nm inks stay dark under it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Ink:
    """An ink: visible colour, UV luminescence, UV quenching and IR absorption."""

    name: str
    white: RGB
    uv: RGB = (0.0, 0.0, 0.0)
    uv_quench: float = 0.5
    ir_absorb: float = 0.05
    uv254: RGB = (0.0, 0.0, 0.0)

    @property
    def luminescent(self) -> bool:
        """Whether the ink glows under UV (365 nm)."""
        return max(self.uv) > 0.05

    @property
    def luminescent254(self) -> bool:
        """Whether the ink glows under short-wave UV (254 nm)."""
        return max(self.uv254) > 0.05

    def with_ir(self, ir_absorb: float) -> Ink:
        """The same ink with another IR absorption."""
        return replace(self, ir_absorb=ir_absorb)


@dataclass(frozen=True)
class Substrate:
    """Paper or card: colour in white light, UV emission, IR reflectance, fibres,
    transmittance (light through the sheet) and surface roughness (µm, seen under
    grazing light)."""

    name: str
    white: RGB
    uv: RGB
    ir: float
    fibres: int  # luminescent security fibres per 1000 mm2
    transmit: float = 0.4
    roughness_um: float = 5.0
    uv254: RGB = (0.03, 0.025, 0.06)


# -- substrates --------------------------------------------------------------------------
SECURITY_PAPER = Substrate("security paper (UV dull)", white=(0.93, 0.91, 0.85),
                           uv=(0.085, 0.055, 0.20), ir=0.80, fibres=9, transmit=0.38,
                           roughness_um=1.6)
POLYCARBONATE = Substrate("card body (UV dull)", white=(0.92, 0.92, 0.89),
                          uv=(0.075, 0.05, 0.18), ir=0.82, fibres=6, transmit=0.07,
                          roughness_um=0.5)
OFFICE_PAPER = Substrate("office paper (optical brighteners)", white=(0.96, 0.96, 0.97),
                         uv=(0.50, 0.62, 0.96), ir=0.86, fibres=0, transmit=0.5,
                         roughness_um=1.0, uv254=(0.22, 0.27, 0.45))

# -- inks ---------------------------------------------------------------------------------
#: Carbon black for personalisation and the MRZ: black in every light.
CARBON_BLACK = Ink("carbon black", white=(0.10, 0.10, 0.12), uv_quench=0.75, ir_absorb=0.90)
#: A black that looks the same in white light but is IR-transparent (dye).
DYE_BLACK = Ink("dye black (IR transparent)", white=(0.11, 0.10, 0.13), uv_quench=0.7,
                ir_absorb=0.05)
#: Pre-printed text and labels: dark blue, drops out in IR.
LABEL_BLUE = Ink("label blue (IR dropout)", white=(0.20, 0.27, 0.52), uv_quench=0.5,
                 ir_absorb=0.04)
#: Header print: deep red, drops out in IR.
HEADER_RED = Ink("header red (IR dropout)", white=(0.62, 0.16, 0.22), uv_quench=0.5,
                 ir_absorb=0.03)
#: Pre-printed element that stays dark in IR (IR-absorbing green-black).
IR_GREEN = Ink("IR-absorbing green", white=(0.22, 0.36, 0.30), uv_quench=0.6, ir_absorb=0.72)
#: Guilloche background inks (IR dropout), an iris pair.
GUILLOCHE_A = Ink("guilloche green (IR dropout)", white=(0.42, 0.72, 0.66), uv_quench=0.25,
                  ir_absorb=0.03)
GUILLOCHE_B = Ink("guilloche rose (IR dropout)", white=(0.90, 0.55, 0.50), uv_quench=0.25,
                  ir_absorb=0.03)
GUILLOCHE_C = Ink("guilloche blue (IR dropout)", white=(0.52, 0.64, 0.88), uv_quench=0.25,
                  ir_absorb=0.03)
#: Luminescent inks: invisible in white light, glowing under UV.
UV_YELLOW_GREEN = Ink("UV ink yellow-green", white=(0.995, 0.995, 0.99),
                      uv=(0.62, 0.95, 0.30), uv_quench=0.0, ir_absorb=0.0)
UV_RED = Ink("UV ink red-orange", white=(0.995, 0.99, 0.99),
             uv=(0.98, 0.32, 0.22), uv_quench=0.0, ir_absorb=0.0)
UV_BLUE = Ink("UV ink blue", white=(0.995, 0.995, 0.995),
              uv=(0.30, 0.62, 1.00), uv_quench=0.0, ir_absorb=0.0)
#: Short-wave luminescent ink: invisible in white light and under 365 nm, glowing
#: green-cyan under 254 nm only.
UV254_GREEN = Ink("UV-C ink green-cyan", white=(0.995, 0.995, 0.995), uv=(0.0, 0.0, 0.0),
                  uv_quench=0.0, ir_absorb=0.0, uv254=(0.30, 0.92, 0.62))
#: What a forger has instead: a 365 nm ink of about that colour (dark under 254 nm).
UV365_GREEN_CYAN = Ink("UV ink green-cyan (365 nm)", white=(0.995, 0.995, 0.995),
                       uv=(0.30, 0.90, 0.60), uv_quench=0.0, ir_absorb=0.0)
#: See-through register: a dark green printed on both sides of the sheet.
REGISTER_GREEN = Ink("register green (IR dropout)", white=(0.30, 0.52, 0.42), uv_quench=0.5,
                     ir_absorb=0.04)
#: The laser-engraved ghost image: carbonised layer, grey in white light, IR-absorbing.
GHOST_GREY = Ink("laser-engraved grey", white=(0.38, 0.37, 0.36), uv_quench=0.6,
                 ir_absorb=0.75)
#: A forger's pale grey (printed "watermark", imitation shading).
FORGER_PALE_GREY = Ink("pale grey toner", white=(0.80, 0.80, 0.80), uv_quench=0.4,
                       ir_absorb=0.2)
#: A forger's dark print (printed imitation of perforation holes).
FORGER_DARK = Ink("dark brown toner", white=(0.18, 0.14, 0.12), uv_quench=0.8, ir_absorb=0.5)
#: A forger's UV inks (fibres printed on the surface): off-the-shelf invisible inks.
FORGER_UV_INKS = (
    Ink("invisible blue (365 nm)", white=(0.99, 0.99, 0.995), uv=(0.45, 0.62, 1.0),
        uv_quench=0.0, ir_absorb=0.0),
    Ink("invisible yellow-green (365 nm)", white=(0.99, 0.995, 0.99), uv=(0.70, 1.0, 0.20),
        uv_quench=0.0, ir_absorb=0.0),
)
#: Security fibres: faint colour in white light, bright under UV.
FIBRE_INKS = (
    Ink("fibre red", white=(0.90, 0.70, 0.72), uv=(1.0, 0.25, 0.25), uv_quench=0.0,
        ir_absorb=0.02),
    Ink("fibre green", white=(0.80, 0.88, 0.76), uv=(0.40, 1.0, 0.35), uv_quench=0.0,
        ir_absorb=0.02),
    Ink("fibre blue", white=(0.74, 0.80, 0.92), uv=(0.35, 0.55, 1.0), uv_quench=0.0,
        ir_absorb=0.02),
    Ink("fibre yellow", white=(0.93, 0.90, 0.70), uv=(1.0, 0.90, 0.25), uv_quench=0.0,
        ir_absorb=0.02),
)

#: Colour-laser / inkjet process colours (the office reprint): IR behaviour of CMY toner.
PROCESS_BLACK = Ink("process black (CMY+K toner)", white=(0.12, 0.12, 0.13), uv_quench=0.8,
                    ir_absorb=0.45)


def process_ink(ink: Ink) -> Ink:
    """How a colour laser / inkjet reprint reproduces ``ink``.

    Luminescent inks are not reproduced (they are invisible in white light: the
    reprint has nothing there), so callers drop them. Dark inks become process
    black (toner: only partly IR-absorbing); colour inks keep their colour, drop
    out in IR and quench the brightened paper's luminescence strongly.
    """
    r, g, b = ink.white
    if max(r, g, b) < 0.3:
        return replace(PROCESS_BLACK, white=ink.white)
    return Ink(f"process {ink.name}", white=ink.white, uv_quench=0.55, ir_absorb=0.03)
