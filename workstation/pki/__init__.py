"""Public-key infrastructure shared by the chip and the barcode seals: public keys
(including explicit EC parameters), signatures (RSA PKCS#1 v1.5, RSASSA-PSS,
ECDSA with brainpool curves), CMS SignedData, X.509 chains, CRLs, ICAO master
lists, and the trust store in ``$WORKSTATION_HOME/trust/`` (``csca/`` DER
certificates, ``crl/`` revocation lists).

A low-layer package: it imports nothing of the chip or the examination, so
every domain package may use it.
"""
