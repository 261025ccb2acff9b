"""asn1crypto's OID tables, complete before anything here uses them.

asn1crypto builds each OID class's name -> OID table on first use; names other
modules add later (``asn1crypto.tsp``'s ``signing_certificate_v2``, pyHanko's
CAdES attributes) would then be unknown by name, and pyHanko's signing fails.
Every module of this program that touches CMS imports :mod:`asn1crypto.cms`
through here, so those extensions are registered first.
"""

from __future__ import annotations

import asn1crypto.pdf
import asn1crypto.tsp
import pyhanko.pdf_utils.crypt
import pyhanko.sign.ades.cades_asn1
from asn1crypto import cms

__all__ = ["cms"]
_EXTENSIONS = (asn1crypto.pdf, asn1crypto.tsp, pyhanko.pdf_utils.crypt,
               pyhanko.sign.ades.cades_asn1)
