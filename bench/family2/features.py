"""Forgeries of the Norvanian documents' security features beyond white, UV and IR
data (issue 22), made the way forgers make them, by this family's own code.

* ``fibres_printed`` — a counterfeit on paper without fibres, the fibres printed on
  top in two off-the-shelf UV inks (printed by :func:`bench.family2.render.render_face`:
  nothing quenches their glow, print or no print; other colours than the mill's).
* ``ghost_other_face`` — the ghost image made from another person's picture (printed by
  the same renderer, the main portrait genuine).
* ``relief_flat``, ``watermark_printed``, ``coaxial_pattern_missing``,
  ``uv254_imitated`` — printed without the relief, with a "watermark" on the surface,
  on a plain laminate, with a 365 nm ink for the 254 nm band
  (:mod:`bench.family2.optics`).
* ``microprint_line`` — a scan-and-reprint of a genuine page on brightener-free paper
  (a capture edit through :mod:`workstation.specimens.printscan`): the microprinted rule
  comes out as a plain line.

:data:`FEATURE_FORGERIES` names the check meant to catch each.
"""

from __future__ import annotations

from dataclasses import replace

from bench.family2.capture import Capture, compress
from bench.family2.layouts import FACES

#: Each feature forgery and the check meant to catch it.
FEATURE_FORGERIES: dict[str, tuple[str, ...]] = {
    "fibres_printed": ("uv.fibres",),
    "ghost_other_face": ("ghost.portrait",),
    "microprint_line": ("white.microprint",),
    "relief_flat": ("oblique.relief",),
    "watermark_printed": ("transmitted.watermark",),
    "coaxial_pattern_missing": ("coaxial.pattern",),
    "uv254_imitated": ("uv254.luminescent",),
}
#: The forgeries printed by the renderer (the others edit a genuine capture).
PRINTED = ("fibres_printed", "ghost_other_face", "relief_flat", "watermark_printed",
           "coaxial_pattern_missing", "uv254_imitated")


def feature_kinds(face_id: str) -> list[str]:
    """The feature forgeries ``face_id`` can carry (it has the feature, and a zone
    that expects it)."""
    face = FACES[face_id]
    expects = {ex.split(":")[0] for z in face.zones for _, ex in z.checks}
    out = []
    if face.has_fibres and "fibres" in expects:
        out.append("fibres_printed")
    if face.ghost is not None and "ghost_of" in expects:
        out.append("ghost_other_face")
    if "microprint" in expects:
        out.append("microprint_line")
    from bench.family2.optics import forgeries_for

    return out + list(forgeries_for(face_id))


def feature_forgery(face_id: str, kind: str, seed: int, layout: object, *,
                    dpi: float | None = None, lights: tuple[str, ...] | None = None
                    ) -> Capture:
    """A forged capture of ``face_id`` (``kind`` one of :data:`FEATURE_FORGERIES`) for the
    holder and capture conditions of ``seed``; ``layout`` is the
    :class:`~workstation.specimens.edits.Layout` of the face (for capture edits);
    ``dpi`` and ``lights`` as for :func:`bench.family2.genuine_capture` (the reader's
    high-density mode: the forgery is the same, the reader sees it finer).

    Raises:
        ValueError: unknown kind, or one the face cannot carry.
    """
    from bench import family2
    from workstation.specimens.edits import Layout, PageGeometry, apply_edit

    if kind not in feature_kinds(face_id):
        raise ValueError(f"{face_id} cannot carry {kind!r}")
    how = {"lights": lights, **({"dpi": dpi} if dpi is not None else {})}
    if kind in PRINTED:
        return family2.genuine_capture(face_id, seed, printed_forgery=kind, **how)
    assert isinstance(layout, Layout)
    cap = family2.genuine_capture(face_id, seed, jpeg=False, **how)
    corners, size = family2.page_geometry(cap)
    edited = apply_edit("reprint_dull_paper", cap.capture, PageGeometry(corners, size), layout,
                        seed=seed)
    forged = compress(replace(cap, capture=edited.capture, encoded={}))
    forged.truth["forgery"] = kind
    forged.truth["edit"] = edited.truth.to_json()
    return forged
