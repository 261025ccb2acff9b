"""The chip of e-passports and e-ID cards (ICAO Doc 9303 parts 10-12).

Reading: APDUs over a :class:`~workstation.chip.apdu.Transport`, BAC and PACE
access control, secure messaging, the LDS files. Proving: Passive
Authentication against the trust store (:mod:`workstation.pki`), Active and
Chip Authentication. Comparing: the chip's data and face with the printed page.
No Qt, no hardware: card readers live in :mod:`workstation.hardware`.
"""
