"""Specimen authoring (issue 17): an office turns its genuine captures into a specimen.

* :mod:`.pages` — the page of each genuine capture found, sized (mm, ICAO size
  class, orientation), straightened and registered onto the first exemplar.
* :mod:`.zones` — zones found from the images: luminescent features, IR-dropout and
  IR-visible print, MRZ, portrait, signature, printed fields, barcodes, blank
  substrate and a background sample, each with its checks per light and ``varies``.
* :mod:`.fields` — printed fields labelled by matching what OCR reads with the MRZ.
* :mod:`.propose` — :func:`~.propose.author_specimen`: the proposed specimen, with the
  statistics of every exemplar given (``examination.learn``).
* :mod:`.share` — provenance (who, when, from how many exemplars, SHA-256 of every
  image) and personal data blurred out of the images before export.
"""
