"""Object identifiers the PKI code needs beyond asn1crypto's tables."""

from __future__ import annotations

_BSI_ECDSA_PLAIN = "0.4.0.127.0.7.1.1.4.1"

#: BSI TR-03111 plain-format ECDSA signature OIDs -> hash name.
ECDSA_PLAIN: dict[str, str] = {
    f"{_BSI_ECDSA_PLAIN}.1": "sha1", f"{_BSI_ECDSA_PLAIN}.2": "sha224",
    f"{_BSI_ECDSA_PLAIN}.3": "sha256", f"{_BSI_ECDSA_PLAIN}.4": "sha384",
    f"{_BSI_ECDSA_PLAIN}.5": "sha512",
}
LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
CSCA_MASTER_LIST = "2.23.136.1.1.2"
