"""Issuing-state and nationality codes an MRZ may carry (ICAO Doc 9303 part 3, §5).

ISO 3166-1 alpha-3 codes plus ICAO's own: Germany ``D``, the British categories
(``GBD``, ``GBN``, ``GBO``, ``GBP``, ``GBS``), organisations (``UNO``, ``UNA``,
``UNK``, ``EUE``, ``XOM``, ``XPO``, ``XCC``, ``XCE``, ``XCO``, ``XEC``, ``XES``,
``XMP``, ``XDC``, ``XBA``, ``XIM``), the stateless and refugee codes (``XXA``,
``XXB``, ``XXC``, ``XXX``), Kosovo ``RKS`` and the specimen state ``UTO``.
"""

from __future__ import annotations

from collections.abc import Collection

_ISO_TEXT = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA
    BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN
    CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU
    EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB
    GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL
    ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO
    LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR
    MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER
    PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM
    SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
    TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM
    VUT WLF WSM YEM ZAF ZMB ZWE
"""
ISO_3166_ALPHA3: frozenset[str] = frozenset(_ISO_TEXT.split())

ICAO_SPECIAL: dict[str, str] = {
    "D": "Germany",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "UNO": "United Nations Organization official",
    "UNA": "United Nations specialized agency official",
    "UNK": "Resident of Kosovo (UNMIK)",
    "RKS": "Kosovo",
    "EUE": "European Union",
    "XOM": "Sovereign Military Order of Malta",
    "XPO": "Interpol",
    "XCC": "Caribbean Community",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XES": "Organisation of Eastern Caribbean States",
    "XMP": "Partnership in Health and Development",
    "XDC": "Southern African Development Community",
    "XBA": "African Development Bank",
    "XIM": "African Export-Import Bank",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Unspecified nationality",
    "UTO": "Utopia (ICAO specimen state)",
    "ANT": "Netherlands Antilles (former)",
    "NTZ": "Neutral Zone (former)",
}

KNOWN_CODES: frozenset[str] = ISO_3166_ALPHA3 | frozenset(ICAO_SPECIAL)


def normalise_code(field: str) -> str:
    """A three-character MRZ code field without its fillers (``D<<`` -> ``D``)."""
    return field.replace("<", " ").strip().replace(" ", "<")


def is_known_code(code: str, known_states: Collection[str] = ()) -> bool:
    """Whether ``code`` (fillers removed) is an ICAO code or one of ``known_states``."""
    code = normalise_code(code)
    return code in KNOWN_CODES or code in {normalise_code(s) for s in known_states}
