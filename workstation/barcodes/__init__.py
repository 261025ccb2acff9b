"""Barcodes and digital seals of identity documents (issue 21).

Public API (import from the modules; this package imports nothing itself):

* :func:`workstation.barcodes.decode.decode_image` — every PDF417, QR, Aztec and
  DataMatrix symbol in an image: raw bytes and corners (:class:`DecodedCode`).
* :func:`workstation.barcodes.read.read_barcodes` / :func:`interpret` — decoded and
  interpreted: :class:`BarcodeReading` (AAMVA record, seal, seal verification);
  ``to_json()`` is the element of ``workstation barcode --json``.
* :func:`workstation.barcodes.aamva.parse_aamva` — AAMVA DL/ID card data
  (:class:`AamvaRecord` with :class:`~workstation.barcodes.aamva_fields.CardFields`).
* :func:`workstation.barcodes.vds.parse_seal` — ICAO visible digital seals
  (:class:`VdsSeal`); :func:`workstation.barcodes.seal.verify_seal` against
  :func:`workstation.barcodes.trust.load_trust`.
* :func:`workstation.barcodes.document.read_document` — every face of a capture,
  symbols placed in mm on the document (:class:`DocumentBarcodes`), for the
  examination and the window.
* :func:`workstation.barcodes.compare.identity_of` / :func:`compare_with_mrz` — what a
  barcode says about the holder, against the MRZ.
* :mod:`workstation.barcodes.render` — synthetic symbols and capture edits (tests,
  benchmarks).
"""
