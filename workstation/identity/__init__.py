"""Who signs: accounts, sign-in, roles granted by administrators (issue 19).

The API the window and the command line call::

    from workstation.identity import sign_in, enroll, grant, SignedIn, AuthError
    me = sign_in(repo, "anna", password)          # or sign_in(repo, "anna") for an os account
    write_signed_report(exam, out, identity=me.identity, ...)
    enroll(repo, "bob", role="supervisor", secret=pw, by=admin)     # admin: a SignedIn
    grant(repo, "bob", "administrator", by=admin)

See :mod:`workstation.identity.accounts` for the methods and what they protect,
:mod:`workstation.identity.secrets` for where secrets come from, and
``workstation users --help`` for the command line.
"""

from __future__ import annotations

from workstation.identity.accounts import (
    GRANTABLE,
    METHODS,
    Account,
    AuthError,
    SignedIn,
    change_secret,
    enroll,
    grant,
    list_accounts,
    needs_first_administrator,
    reset_secret,
    revoke_role,
    sign_in,
)
from workstation.identity.secrets import SecretReader, os_login

__all__ = [
    "GRANTABLE",
    "METHODS",
    "Account",
    "AuthError",
    "SecretReader",
    "SignedIn",
    "change_secret",
    "enroll",
    "grant",
    "list_accounts",
    "needs_first_administrator",
    "os_login",
    "reset_secret",
    "revoke_role",
    "sign_in",
]
