"""The data of the AAMVA DL/ID Card Design Standard that the parser needs: element
ids and their names in every version in use, code tables, and the issuer
identification numbers (IIN) of the jurisdictions.

Versions (the header's two-digit AAMVA version number): 00 before the 2000
standard, 01 = AAMVA DL/ID-2000, 02 = 2003, 03 = 2005, 04 = 2009, 05 = 2010,
06 = 2011, 07 = 2012, 08 = 2013, 09 = 2016, 10 = 2020.
"""

from __future__ import annotations

#: Year of the standard of each AAMVA version number.
VERSION_YEARS: dict[int, int] = {0: 1999, 1: 2000, 2: 2003, 3: 2005, 4: 2009, 5: 2010,
                                 6: 2011, 7: 2012, 8: 2013, 9: 2016, 10: 2020}

#: Data element ids (subfiles DL and ID) and their names, across versions 00-10.
ELEMENTS: dict[str, str] = {
    # names
    "DAA": "full name (2000)",
    "DAB": "family name (2000-2003)",
    "DAC": "first name",
    "DAD": "middle name(s)",
    "DAE": "name suffix (2000)",
    "DAF": "name prefix (2000)",
    "DCS": "family name",
    "DCT": "given names (2003-2005)",
    "DCU": "name suffix",
    "DDE": "family name truncation",
    "DDF": "first name truncation",
    "DDG": "middle name truncation",
    "DBN": "alias family name",
    "DBG": "alias given name (2009+); medical indicator (2000)",
    "DBS": "alias suffix (2009+); alias prefix (2000)",
    "DBO": "alias family name (2000)",
    "DBP": "alias first name (2000)",
    "DBQ": "alias middle name (2000)",
    "DBR": "alias suffix (2000)",
    # dates
    "DBA": "document expiry date",
    "DBB": "date of birth",
    "DBD": "document issue date",
    "DBE": "issue timestamp (2000)",
    "DBL": "alias date of birth (2000)",
    "DDB": "card revision date",
    "DDC": "HAZMAT endorsement expiry date",
    "DDH": "under 18 until",
    "DDI": "under 19 until",
    "DDJ": "under 21 until",
    # physical description
    "DBC": "sex",
    "DAY": "eye colour",
    "DAZ": "hair colour",
    "DAU": "height",
    "DAV": "height in cm (2000)",
    "DAW": "weight in pounds",
    "DAX": "weight in kg",
    "DCE": "weight range",
    "DCL": "race / ethnicity",
    # address
    "DAG": "street address 1",
    "DAH": "street address 2",
    "DAI": "city",
    "DAJ": "jurisdiction code",
    "DAK": "postal code",
    "DAL": "residence street address 1 (2000)",
    "DAM": "residence street address 2 (2000)",
    "DAN": "residence city (2000)",
    "DAO": "residence jurisdiction code (2000)",
    "DAP": "residence postal code (2000)",
    "DCG": "country",
    "DCI": "place of birth",
    # document
    "DAQ": "customer id number",
    "DCF": "document discriminator",
    "DCJ": "audit information",
    "DCK": "inventory control number",
    "DDA": "compliance type",
    "DDD": "limited duration document indicator",
    "DBF": "number of duplicates (2000)",
    "DBI": "non-resident indicator (2000)",
    "DBJ": "unique customer identifier (2000)",
    "DBK": "social security number (2000)",
    "DBM": "alias social security number (2000)",
    "DBH": "organ donor (2000)",
    "DDK": "organ donor indicator",
    "DDL": "veteran indicator",
    # driving privileges
    "DAR": "licence classification code (2000)",
    "DAS": "licence restriction code (2000)",
    "DAT": "licence endorsements code (2000)",
    "DCA": "jurisdiction vehicle class",
    "DCB": "jurisdiction restriction codes",
    "DCD": "jurisdiction endorsement codes",
    "DCH": "federal commercial vehicle codes (2003-2005)",
    "DCM": "standard vehicle classification",
    "DCN": "standard endorsement code",
    "DCO": "standard restriction code",
    "DCP": "jurisdiction vehicle classification description",
    "DCQ": "jurisdiction endorsement code description",
    "DCR": "jurisdiction restriction code description",
    "PAA": "permit classification code",
    "PAB": "permit expiry date",
    "PAC": "permit identifier",
    "PAD": "permit issue date",
    "PAE": "permit restriction code",
    "PAF": "permit endorsement code",
}

#: Eye colour codes (ANSI D-20) with the spellings jurisdictions actually print.
EYE_COLOURS: dict[str, str] = {
    "BLK": "black", "BLU": "blue", "BRO": "brown", "GRY": "grey", "GRN": "green",
    "HAZ": "hazel", "MAR": "maroon", "PNK": "pink", "DIC": "dichromatic",
}
HAIR_COLOURS: dict[str, str] = {
    "BAL": "bald", "BLK": "black", "BLN": "blond", "BRO": "brown", "GRY": "grey",
    "RED": "red/auburn", "SDY": "sandy", "WHI": "white",
}
#: Other spellings seen on cards -> the standard code.
COLOUR_ALIASES: dict[str, str] = {
    "BROWN": "BRO", "BRN": "BRO", "BR": "BRO", "BN": "BRO", "BLACK": "BLK", "BL": "BLU",
    "BLUE": "BLU", "GREEN": "GRN", "GRAY": "GRY", "GREY": "GRY", "HAZEL": "HAZ",
    "BLOND": "BLN", "BLONDE": "BLN", "WHITE": "WHI", "SANDY": "SDY", "BALD": "BAL",
}
ETHNICITIES: dict[str, str] = {
    "AI": "Alaskan or American Indian", "AP": "Asian or Pacific Islander", "BK": "Black",
    "H": "Hispanic origin", "O": "non-Hispanic", "U": "unknown", "W": "white",
}
#: Weight range codes (DCE): (lower, upper) in pounds, ``None`` = open.
WEIGHT_RANGES_LB: dict[int, tuple[int | None, int | None]] = {
    0: (None, 70), 1: (71, 100), 2: (101, 130), 3: (131, 160), 4: (161, 190),
    5: (191, 220), 6: (221, 250), 7: (251, 280), 8: (281, 320), 9: (321, None),
}
COMPLIANCE_TYPES: dict[str, str] = {"F": "fully compliant", "M": "materially compliant",
                                    "N": "non-compliant"}

#: Issuer identification numbers: IIN -> (jurisdiction code, name, country ISO alpha-3).
JURISDICTIONS: dict[str, tuple[str, str, str]] = {
    "636033": ("AL", "Alabama", "USA"), "636059": ("AK", "Alaska", "USA"),
    "604427": ("AS", "American Samoa", "USA"), "636026": ("AZ", "Arizona", "USA"),
    "636021": ("AR", "Arkansas", "USA"), "636014": ("CA", "California", "USA"),
    "636020": ("CO", "Colorado", "USA"), "636006": ("CT", "Connecticut", "USA"),
    "636011": ("DE", "Delaware", "USA"), "636043": ("DC", "District of Columbia", "USA"),
    "636010": ("FL", "Florida", "USA"), "636055": ("GA", "Georgia", "USA"),
    "636019": ("GU", "Guam", "USA"), "636047": ("HI", "Hawaii", "USA"),
    "636050": ("ID", "Idaho", "USA"), "636035": ("IL", "Illinois", "USA"),
    "636037": ("IN", "Indiana", "USA"), "636018": ("IA", "Iowa", "USA"),
    "636022": ("KS", "Kansas", "USA"), "636046": ("KY", "Kentucky", "USA"),
    "636007": ("LA", "Louisiana", "USA"), "636041": ("ME", "Maine", "USA"),
    "636003": ("MD", "Maryland", "USA"), "636002": ("MA", "Massachusetts", "USA"),
    "636032": ("MI", "Michigan", "USA"), "636038": ("MN", "Minnesota", "USA"),
    "636051": ("MS", "Mississippi", "USA"), "636030": ("MO", "Missouri", "USA"),
    "636008": ("MT", "Montana", "USA"), "636054": ("NE", "Nebraska", "USA"),
    "636049": ("NV", "Nevada", "USA"), "636039": ("NH", "New Hampshire", "USA"),
    "636036": ("NJ", "New Jersey", "USA"), "636009": ("NM", "New Mexico", "USA"),
    "636001": ("NY", "New York", "USA"), "636004": ("NC", "North Carolina", "USA"),
    "636034": ("ND", "North Dakota", "USA"), "604430": ("MP", "Northern Mariana Islands",
                                                        "USA"),
    "636023": ("OH", "Ohio", "USA"), "636058": ("OK", "Oklahoma", "USA"),
    "636029": ("OR", "Oregon", "USA"), "636025": ("PA", "Pennsylvania", "USA"),
    "604431": ("PR", "Puerto Rico", "USA"), "636052": ("RI", "Rhode Island", "USA"),
    "636005": ("SC", "South Carolina", "USA"), "636042": ("SD", "South Dakota", "USA"),
    "636053": ("TN", "Tennessee", "USA"), "636015": ("TX", "Texas", "USA"),
    "636027": ("DS", "U.S. Department of State", "USA"),
    "636062": ("VI", "U.S. Virgin Islands", "USA"),
    "636040": ("UT", "Utah", "USA"), "636024": ("VT", "Vermont", "USA"),
    "636000": ("VA", "Virginia", "USA"), "636045": ("WA", "Washington", "USA"),
    "636061": ("WV", "West Virginia", "USA"), "636031": ("WI", "Wisconsin", "USA"),
    "636060": ("WY", "Wyoming", "USA"),
    "604432": ("AB", "Alberta", "CAN"), "990876": ("AB", "Alberta", "CAN"),
    "636028": ("BC", "British Columbia", "CAN"), "636048": ("MB", "Manitoba", "CAN"),
    "636017": ("NB", "New Brunswick", "CAN"),
    "636016": ("NL", "Newfoundland and Labrador", "CAN"),
    "604434": ("NT", "Northwest Territories", "CAN"), "636013": ("NS", "Nova Scotia", "CAN"),
    "604433": ("NU", "Nunavut", "CAN"), "636012": ("ON", "Ontario", "CAN"),
    "604426": ("PE", "Prince Edward Island", "CAN"), "604428": ("QC", "Quebec", "CAN"),
    "636044": ("SK", "Saskatchewan", "CAN"), "604429": ("YT", "Yukon", "CAN"),
    "636056": ("CO", "Coahuila", "MEX"), "636057": ("HL", "Hidalgo", "MEX"),
    # not an AAMVA number: the simulator's fictional Utopia (workstation.specimens.issuer)
    "990001": ("UT", "Utopia (simulator)", "UTO"),
}
