"""asn1crypto's name -> OID tables stay complete when pyHanko extends them after the
chip code used them (pyHanko's signing failed after a chip check), without importing
pyHanko on the examination's path."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SEQUENCE = """
from asn1crypto import cms, x509
cms.CMSAttributeType("signing_time")      # builds the name -> OID tables now
x509.ExtensionId("key_usage")
import pyhanko.sign.ades.cades_asn1       # then pyHanko adds names
import pyhanko.sign.ades.qualified_asn1
import pyhanko_certvalidator.asn1_types
print(cms.CMSAttributeType("signature_policy_identifier").dotted)
print(x509.ExtensionId("qc_statements").dotted)
print(x509.ExtensionId("target_information").dotted)
"""


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(prelude) + SEQUENCE
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)


def test_names_added_after_first_use_are_known() -> None:
    done = _run("import workstation.pki.asn1\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1.2.840.113549.1.9.16.2.15", "1.3.6.1.5.5.7.1.3",
                                   "2.5.29.55"]


def test_without_the_tables_asn1crypto_forgets_them() -> None:
    # the hazard is real with the locked asn1crypto: the same order fails without us
    done = _run("")
    assert done.returncode != 0
    assert "signature_policy_identifier" in done.stderr


def test_chip_verification_does_not_import_pyhanko() -> None:
    code = ("import sys, workstation.chip.verify, workstation.chip.passive\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pyhanko', 'aiohttp'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
