"""The spectral document renderer: synthetic Utopia documents and their forgeries.

A document is a stack of :class:`Layer` s of inks (:mod:`workstation.specimens.inks`)
on a substrate. Each layer is a coverage mask (0..1) over a rectangle of the
face, with the ink's optical behaviour under each light; composing the stack
gives the white (RGB), UV (RGB) and IR (grey) images of the face. Forgeries
change the stack (other paper, other inks, missing or pasted layers).

Public API (other packages and the benchmarks use these names):

* :data:`DOCUMENTS` — the bundled documents (``UTO-P-2020``, ``UTO-ID-2021``);
  :data:`ALL_DOCUMENTS` adds those the bundled library does not hold (``MNG-P-2021``).
* :data:`FORGERIES` — forgery ids.
* :func:`render_document` — the images of one document, cropped to its edges.
* :func:`specimen_for` — the reference specimen (zones and expectations).
* :func:`render_scene` — linear float images before sensor effects (the
  simulated reader places these on its platen).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workstation.specimens.compose import Scene, _document_alpha, compose, surface_texture
from workstation.specimens.documents import DESIGNS, Design
from workstation.specimens.forgeries import FORGERIES, FORGERY_DESCRIPTIONS
from workstation.specimens.layers import _person_for, build_layers
from workstation.specimens.light_features import sheet_for, transmittance_map
from workstation.specimens.marks import Canvas
from workstation.specimens.people import Person, mrz_lines_for
from workstation.specimens.sensor import finish
from workstation.types import Expect, Image, Light, RectMM, Specimen, Zone, ZoneCheck

#: Version of the generator; bundled specimens are regenerated when it changes.
GENERATOR_VERSION = 8


#: The bundled library's documents (fictional Utopia), named by specimen id
#: (state-code-series): each has a specimen (:func:`specimen_for`) in every library.
DOCUMENTS: tuple[str, ...] = ("UTO-P-2020", "UTO-ID-2021")

#: Every document the simulator draws: :data:`DOCUMENTS` and documents the bundled
#: library does not hold (``MNG-P-2021``: a specimen must be authored from captures).
ALL_DOCUMENTS: tuple[str, ...] = tuple(DESIGNS)


DEFAULT_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR)


#: Lights the renderer can produce.
RENDERABLE_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR, Light.UV254,
                                        Light.OBLIQUE, Light.OBLIQUE_TOP, Light.COAXIAL,
                                        Light.TRANSMITTED)


def document_forgeries(doc_id: str) -> tuple[str, ...]:
    """The forgeries of :data:`FORGERIES` that ``doc_id`` can carry: those of its
    optional-light features only where it has the feature (the identity card has no
    watermark and no perforation to imitate).

    Raises:
        ValueError: unknown document.
    """
    design = _check_ids(doc_id, None)
    has = {
        "relief_flat": bool(design.intaglio_um or design.tactile_um or design.seal_radius_mm),
        "watermark_printed": bool(design.watermark_radius_mm or design.register_radius_mm),
        "perforation_printed": bool(design.perforation_pitch_mm),
        "fibres_printed": bool(design.substrate.fibres),
        "ghost_other_face": design.ghost is not None,
        "microprint_line": design.microprint[2] > 0,
        "coaxial_pattern_missing": bool(design.retro_pitch_mm),
        "uv254_imitated": design.uv254_band is not None,
    }
    return tuple(f for f in FORGERIES if has.get(f, True))


def document_lights(doc_id: str) -> tuple[Light, ...]:
    """The lights ``doc_id`` has features for, in canonical order: white, UV and IR
    always; UV 254 for a short-wave print; both oblique azimuths for relief; coaxial for
    a retro-reflective laminate; transmitted for a watermark, a register or perforation.

    Raises:
        ValueError: unknown document.
    """
    design = _check_ids(doc_id, None)
    lights = [Light.WHITE, Light.UV, Light.IR]
    if design.uv254_band is not None:
        lights.append(Light.UV254)
    if design.intaglio_um or design.tactile_um or design.seal_radius_mm:
        lights += [Light.OBLIQUE, Light.OBLIQUE_TOP]
    if design.retro_pitch_mm:
        lights.append(Light.COAXIAL)
    if design.watermark_radius_mm or design.register_radius_mm or design.perforation_pitch_mm:
        lights.append(Light.TRANSMITTED)
    return tuple(lights)


@dataclass
class RenderedDocument:
    """The images of one document face, cropped exactly to its edges.

    Attributes:
        images: light -> uint8 image (white/UV ``(H, W, 3)`` RGB, IR ``(H, W)`` grey).
        dpi: pixel density.
        person: the holder's data (as in the MRZ).
        mrz_lines: the MRZ as printed (altered with ``mrz_char_altered``).
        truth: ground truth, as stored in ``capture.metadata["simulation"]``.
    """

    images: dict[Light, Image]
    dpi: float
    person: Person
    mrz_lines: list[str]
    truth: dict[str, Any] = field(default_factory=dict)


def _check_ids(doc_id: str, forgery: str | None) -> Design:
    if doc_id not in DESIGNS:
        raise ValueError(f"unknown document {doc_id!r} (known: {', '.join(ALL_DOCUMENTS)})")
    if forgery is not None and forgery not in FORGERY_DESCRIPTIONS:
        raise ValueError(f"unknown forgery {forgery!r} (known: {', '.join(FORGERIES)})")
    return DESIGNS[doc_id]


def render_scene(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                 dpi: float = 300.0, lights: Sequence[Light] = DEFAULT_LIGHTS,
                 variation: bool = True, specimen_person: bool = False) -> Scene:
    """The linear (0..1, float32) images of a document face before sensor effects.

    With ``variation`` the seed moves every ink layer by up to ±0.3 mm and
    tints the paper; the person always comes from the seed (or is the fixed
    specimen holder with ``specimen_person``).

    Raises:
        ValueError: unknown document, forgery or light, or a dpi outside 50..1200.
    """
    design = _check_ids(doc_id, forgery)
    if forgery is not None and forgery not in document_forgeries(doc_id):
        raise ValueError(f"forgery {forgery!r} does not apply to {doc_id}: it has no such "
                         f"feature (applies: {', '.join(document_forgeries(doc_id))})")
    if not 50.0 <= dpi <= 1200.0:
        raise ValueError(f"dpi must be between 50 and 1200, got {dpi}")
    lights = tuple(lights)
    for light in lights:
        if light not in RENDERABLE_LIGHTS:
            raise ValueError(f"cannot render the {light} light "
                             f"(can: {', '.join(map(str, RENDERABLE_LIGHTS))})")
    if Light.WHITE not in lights:
        raise ValueError("the white light is required")
    canvas = Canvas(design.size_mm, dpi)
    person = _person_for(design, seed, specimen_person)
    genuine_lines = mrz_lines_for(person, design.mrz_format)
    layers, substrate, altered, printed, base = build_layers(
        design, canvas, person, genuine_lines, forgery=forgery, seed=seed, variation=variation)
    paper_white: tuple[float, ...] = substrate.white
    paper_uv: tuple[float, ...] = substrate.uv
    if variation:
        trng = random.Random(f"tint:{doc_id}:{seed}")
        paper_white = tuple(c * trng.uniform(0.985, 1.015) for c in substrate.white)
        uv_gain = trng.uniform(0.88, 1.12)
        paper_uv = tuple(c * uv_gain for c in substrate.uv)
    surface = None
    if Light.OBLIQUE in lights or Light.OBLIQUE_TOP in lights:
        surface = surface_texture(canvas.shape, dpi, substrate.roughness_um,
                                  f"{doc_id}:{seed if variation else 'specimen'}")
    transmit = None
    if Light.TRANSMITTED in lights:
        transmit = transmittance_map(
            DESIGNS[doc_id], canvas, substrate,
            watermark=forgery not in ("office_paper", "watermark_printed"))
    sheet = sheet_for(design, canvas, person, substrate, forgery=forgery,
                      office=forgery == "office_paper", transmittance=transmit,
                      surface_um=surface, altered=altered)
    paper_uv254: tuple[float, ...] = substrate.uv254
    if variation:
        paper_uv254 = tuple(c * uv_gain for c in substrate.uv254)
    images = compose(layers, substrate, canvas.shape, lights, paper_white=paper_white,
                     paper_uv=paper_uv, base=base, dpi=dpi, sheet=sheet,
                     paper_uv254=paper_uv254)
    alpha = _document_alpha(canvas.shape, design.corner_radius_mm * dpi / 25.4)
    truth: dict[str, Any] = {
        "document": doc_id,
        "forgery": forgery,
        "seed": seed,
        "person": person.to_json(),
        "mrz_lines": printed,
        "genuine_mrz_lines": genuine_lines,
        "placement": {"x_mm": 0.0, "y_mm": 0.0, "angle_deg": 0.0},
        "altered": altered,
        "size_mm": list(design.size_mm),
        "generator": GENERATOR_VERSION,
    }
    return Scene(images=images, alpha=alpha, dpi=dpi, person=person, mrz_lines=printed,
                 truth=truth, size_mm=design.size_mm, holes=sheet.holes)


def render_document(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                    dpi: float = 300.0, lights: Sequence[Light] = DEFAULT_LIGHTS,
                    variation: bool = True, jpeg_quality: int | None = None
                    ) -> RenderedDocument:
    """Render one document face under ``lights``, cropped exactly to its edges.

    ``forgery`` is one of :data:`FORGERIES` (``None``: genuine). The seed draws
    the person, and with ``variation`` also print registration (±0.3 mm per ink
    layer), paper tint, uneven illumination, slight defocus and sensor noise;
    ``jpeg_quality`` passes the images through JPEG compression. The same
    arguments always give the same images.

    Raises:
        ValueError: unknown document, forgery or light.
    """
    scene = render_scene(doc_id, forgery=forgery, seed=seed, dpi=dpi, lights=lights,
                         variation=variation)
    images = finish(scene, seed=seed, variation=variation, jpeg_quality=jpeg_quality)
    truth = dict(scene.truth)
    truth["cropped"] = True
    return RenderedDocument(images=images, dpi=dpi, person=scene.person,
                            mrz_lines=scene.mrz_lines, truth=truth)


# -- the specimen -------------------------------------------------------------------------


def _field_zone(design: Design, f: Any) -> RectMM:
    cap = design.value_cap_mm
    return (f.value_x_mm - 0.6, f.value_baseline_mm - cap - 0.5, f.width_mm + 0.6, cap + 1.2)


def specimen_zones(design: Design) -> tuple[Zone, ...]:
    """The feature zones of ``design`` with what each shows under which light (the
    renderer's own description; an authored specimen finds its zones in captures).
    A design the bundled library does not hold marks its holder zones ``varies``."""
    w, u, i = Light.WHITE, Light.UV, Light.IR
    e = Expect
    holder = None if design.id in DOCUMENTS else "holder"
    zones = [
        Zone("mrz", design.mrz_zone, "mrz", "machine readable zone (carbon ink)",
             (ZoneCheck(i, e.VISIBLE), ZoneCheck(u, e.DULL)), varies=holder),
        Zone("portrait", design.portrait, "portrait", "holder's portrait", varies=holder),
        Zone("uv-emblem", design.emblem_zone, None, "luminescent state emblem",
             (ZoneCheck(u, e.LUMINESCENT),)),
        Zone("uv-portrait-pattern", design.pattern_zone, None,
             "luminescent pattern across the portrait's edge", (ZoneCheck(u, e.LUMINESCENT),)),
        Zone("background", design.background_zone, None, "guilloche background",
             (ZoneCheck(w, e.MATCH), ZoneCheck(i, e.INVISIBLE))),
        Zone("blank", design.blank_zone, "blank", "substrate without personalisation",
             (ZoneCheck(u, e.DULL),)),
        Zone("header", design.header_zone, None, "state name (IR-dropout ink)",
             (ZoneCheck(i, e.INVISIBLE),)),
        Zone("signature", design.signature, "signature", "holder's signature", varies=holder),
    ]
    if design.ir_mark_radius_mm:
        zones.insert(7, Zone("ir-mark", design.ir_mark_zone, None, "seal in IR-absorbing ink",
                             (ZoneCheck(i, e.VISIBLE),)))
    for orn in design.ornaments:
        check = (ZoneCheck(u, e.LUMINESCENT) if orn.ink.luminescent
                 else ZoneCheck(i, e.VISIBLE))
        zones.append(Zone(orn.name, orn.rect, None, orn.label, (check,)))
    for f in design.fields:
        if f.role:
            zones.append(Zone(f.role.replace(":", "-"), _field_zone(design, f), f.role,
                              f"printed {f.name.replace('_', ' ')}",
                              (ZoneCheck(i, e.VISIBLE),), varies=holder))
    zones.extend(feature_zones(design))
    from workstation.specimens.back import back_zones

    zones.extend(back_zones(design.id))
    return tuple(zones)


def feature_zones(design: Design) -> list[Zone]:
    """The zones of the features seen under the optional lights (relief, watermark and
    register, perforation, laminate, short-wave UV print) and of the fibres, the ghost
    image and the microprint."""
    e = Expect
    relief = (ZoneCheck(Light.OBLIQUE, e.RELIEF), ZoneCheck(Light.OBLIQUE_TOP, e.RELIEF))
    through = (ZoneCheck(Light.TRANSMITTED, e.TRANSMITTED),)
    out: list[Zone] = []
    if design.intaglio_um:
        out.append(Zone("intaglio", design.header_zone, None, "state name in intaglio print",
                        relief))
    if design.seal_radius_mm:
        out.append(Zone("dry-seal", design.seal_zone, None,
                        "dry seal (blind embossing) over the portrait's corner", relief))
    if design.watermark_radius_mm:
        out.append(Zone("watermark", design.watermark_zone, None, "multi-tone watermark",
                        through))
    if design.register_radius_mm:
        out.append(Zone("register", design.register_zone, None,
                        "see-through register (half on each side)", through))
    if design.perforation_pitch_mm:
        out.append(Zone("perforation", design.perforation_zone, None,
                        "laser-perforated document number",
                        (ZoneCheck(Light.TRANSMITTED, e.PERFORATION, "document_number"),),
                        varies="holder"))
    if design.retro_pitch_mm and design.laminate_zone is not None:
        out.append(Zone("laminate", design.laminate_zone, None,
                        "retro-reflective laminate pattern",
                        (ZoneCheck(Light.COAXIAL, e.RETROREFLECTIVE),)))
    if design.uv254_band is not None:
        x, y, w, h = design.uv254_band
        out.append(Zone("uv254-band", (x - 0.4, y - 0.4, w + 0.8, h + 0.8), None,
                        "short-wave UV print (254 nm only)",
                        (ZoneCheck(Light.UV254, e.LUMINESCENT),)))
    if design.substrate.fibres:
        w_mm, h_mm = design.size_mm
        out.append(Zone("fibres", (2.0, 2.0, w_mm - 4.0, h_mm - 4.0), None,
                        "luminescent security fibres", (ZoneCheck(Light.UV, e.FIBRES),)))
    if design.ghost is not None:
        out.append(Zone("ghost", design.ghost, None, "ghost image of the portrait",
                        (ZoneCheck(Light.WHITE, e.GHOST_OF, "portrait"),), varies="holder"))
    if design.microprint[2] > 0:
        out.append(Zone("microprint", design.microprint_zone, None, "microprint line",
                        (ZoneCheck(Light.WHITE, e.MICROPRINT),)))
    return out


def specimen_for(doc_id: str, dpi: float = 600.0,
                 lights: tuple[Light, ...] | None = None) -> Specimen:
    """The reference specimen of ``doc_id``: the genuine document with the fixed
    specimen holder, no noise, cropped to its edges, with every feature zone (under
    ``lights`` only, when given: its images and its zones' checks).

    Raises:
        ValueError: unknown document.
    """
    design = _check_ids(doc_id, None)
    shown = tuple(x for x in document_lights(doc_id) if lights is None or x in lights)
    scene = render_scene(doc_id, seed=0, dpi=dpi, lights=shown,
                         variation=False, specimen_person=True)
    images = finish(scene, seed=0, variation=False)
    spec = Specimen(
        id=design.id, title=design.title, issuing_state=design.issuing_state,
        document_code=design.document_code, mrz_format=design.mrz_format,
        series=design.series, valid_from=design.valid_from, valid_until=None,
        size_mm=design.size_mm, dpi=float(dpi), image_lights=tuple(images),
        zones=specimen_zones(design) if lights is None else tuple(
            replace(z, checks=tuple(c for c in z.checks if c.light in images))
            for z in specimen_zones(design)),
        extra={"generator": f"workstation.specimens.render/{GENERATOR_VERSION}",
               "mrz_lines": scene.mrz_lines},
    )
    spec._cache.update(images)
    return spec


def list_catalogue() -> dict[str, Any]:
    """Documents and forgeries with their descriptions (``simulate --list``)."""
    return {
        "documents": [{"id": d.id, "title": d.title, "mrz_format": d.mrz_format,
                       "size_mm": list(d.size_mm), "bundled_specimen": d.id in DOCUMENTS,
                       "chip": d.has_chip} for d in DESIGNS.values()],
        "forgeries": [{"id": k, "description": v} for k, v in FORGERY_DESCRIPTIONS.items()],
    }
