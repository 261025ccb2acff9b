"""Accounts, sign-in and roles: who may sign, and as what.

**Sign-in methods** (chosen per account by the administrator who enrols it):

* ``password`` — the person's password, stretched with Argon2id (64 MiB, 3 passes:
  :mod:`workstation.sealing`). Their signing key is sealed with it.
* ``os`` — the operating-system account (checked from the kernel, not from an
  environment variable) with a random secret kept in that account's own
  configuration folder: the identity of a single-user workstation, for scripted
  use without a password.

Smart cards through PKCS#11 are not supported yet; an agency's PKCS#12 file still
signs through :func:`workstation.reports.resolve_identity`.

**What it protects.** Each account's signing key and its key-wrapping key (X25519)
are sealed with a key derived from its secret (:func:`sign_in` unseals them); the
CA's key is sealed for the administrators (:class:`workstation.reports.ca.LocalCA`).
So a copy of the data folder or of the database signs nothing, ``WORKSTATION_USER``
names nobody into a signature, and only an administrator enrols accounts or grants
roles — each grant is a certificate the CA issues, naming the role, so a report's
verifier can check that a countersignature is a supervisor's and not the examiner's
own (:mod:`workstation.reports.verify`).

Every enrolment, grant, secret change, sign-in and failed sign-in is an audit event.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workstation.cases.records import CredentialRecord, Role, User
from workstation.errors import InputError
from workstation.identity.secrets import check_password, os_login, os_secret
from workstation.reports.ca import (
    CAError,
    CertificateAuthority,
    Identity,
    LocalCA,
    new_signing_key,
    subject_role,
)
from workstation.sealing import (
    KdfParams,
    SealError,
    box_keypair,
    derive,
    new_kdf_params,
    seal,
    unseal,
    verifier_matches,
)

if TYPE_CHECKING:
    from workstation.cases import CaseRepository

METHODS = ("password", "os")
#: Roles ``grant``/``revoke`` take: the working roles, and the administrator right.
GRANTABLE = (*(r.value for r in Role), "administrator")


class AuthError(InputError):
    """Signing in failed, or the signed-in account may not do this (exit status 2)."""


@dataclass(frozen=True)
class SignedIn:
    """An account that proved its secret: its record, its signing identity (certificate
    and unsealed key, in memory only) and, for administrators, its key-wrapping key."""

    user: User
    identity: Identity
    method: str
    box_private: bytes = field(repr=False)

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def certified_role(self) -> str | None:
        """The working role the account's certificate states."""
        return subject_role(self.identity.certificate)


def _aad(kind: str, name: str) -> str:
    return f"workstation {kind} of {name}"


def _secret_bytes(method: str, secret: str | None, name: str, *, create: bool) -> bytes:
    if method == "os":
        try:
            return os_secret(create=create)
        except AuthError:
            raise
        except InputError as exc:
            raise AuthError(str(exc)) from None
    if secret is None:
        raise AuthError(f"{name} signs in with a password: none was given")
    return secret.encode("utf-8")


def _ca(ca: LocalCA | None) -> LocalCA:
    return ca if ca is not None else LocalCA()


def sign_in(repo: CaseRepository, name: str, secret: str | None = None, *,
            ca: LocalCA | None = None) -> SignedIn:
    """Prove ``name``'s secret (a password; nothing for the ``os`` method, which checks
    the operating-system account) and unseal their keys. Audited (``user.signed_in``,
    or ``user.sign_in_failed``). Raises :class:`AuthError`."""
    found = repo.credential(name)
    if found is None:
        known = repo.get_user(name)
        why = ("has no credential: an administrator enrols it (workstation users add)"
               if known is not None else "is not an account of this workstation")
        raise AuthError(f"{name} {why}")
    user, cred = found
    if not user.active:
        raise AuthError(f"{name}'s account is disabled")
    if cred.method == "os":
        login = os_login()
        if login != cred.os_account:
            _failed(repo, name, f"operating-system account {login}")
            raise AuthError(f"{name} signs in as the operating-system account "
                            f"{cred.os_account}, and this is {login}")
    try:
        params = KdfParams.from_json(json.loads(cred.kdf))
    except (ValueError, SealError) as exc:
        raise AuthError(f"{name}'s credential is damaged: {exc}") from None
    derived = derive(_secret_bytes(cred.method, secret, name, create=False), params)
    if not verifier_matches(derived, cred.verifier):
        _failed(repo, name, "wrong secret")
        raise AuthError(f"wrong password for {name}" if cred.method == "password"
                        else f"the operating-system secret of {name} does not match")
    try:
        key_der = unseal(derived.kek, json.loads(cred.signing_key), _aad("signing key", name))
        box_private = unseal(derived.kek, json.loads(cred.box_key), _aad("box key", name))
    except (ValueError, SealError):
        raise AuthError(f"{name}'s keys do not open: the credential was altered") from None
    identity = _identity(cred, key_der, _ca(ca))
    repo.record_event("user.signed_in", f"user:{name}", user=name,
                      details={"method": cred.method,
                               "certificate_serial": str(identity.certificate.serial_number)})
    return SignedIn(user=user, identity=identity, method=cred.method, box_private=box_private)


def _failed(repo: CaseRepository, name: str, why: str) -> None:
    repo.record_event("user.sign_in_failed", f"user:{name}", user=name, details={"why": why})


def _identity(cred: CredentialRecord, key_der: bytes, ca: LocalCA) -> Identity:
    from cryptography.hazmat.primitives import serialization

    cert_der = bytes.fromhex(cred.certificate)
    identity = Identity(cert_der, key_der, ())
    key = serialization.load_der_private_key(key_der, None)
    if identity.certificate.public_key() != key.public_key():
        raise AuthError("the account's certificate does not belong to its key")
    chain: tuple[bytes, ...] = ()
    if ca.exists() and identity.certificate.issuer == ca.certificate.subject:
        chain = (ca.cert_der,)
    return Identity(cert_der, key_der, chain)


@dataclass(frozen=True)
class _Keys:
    credential: CredentialRecord
    box_public: bytes


def _seal_new(name: str, method: str, secret: bytes, os_account: str | None,
              cert_for: Any, *, key_der: bytes | None = None,
              box: tuple[bytes, bytes] | None = None) -> _Keys:
    """A credential: fresh KDF parameters for ``secret``, the signing key (new unless
    given) and box key sealed with it, and the certificate ``cert_for(public key)``."""
    from cryptography.hazmat.primitives import serialization

    params = new_kdf_params()
    derived = derive(secret, params)
    key_der = key_der or new_signing_key()
    box_private, box_public = box or box_keypair()
    key = serialization.load_der_private_key(key_der, None)
    cert_der: bytes = cert_for(key.public_key())
    cred = CredentialRecord(
        method=method, os_account=os_account, kdf=json.dumps(params.to_json()),
        verifier=derived.verifier,
        signing_key=json.dumps(seal(derived.kek, key_der, _aad("signing key", name))),
        box_public=box_public.hex(),
        box_key=json.dumps(seal(derived.kek, box_private, _aad("box key", name))),
        certificate=cert_der.hex())
    return _Keys(cred, box_public)


def _organization() -> str | None:
    from workstation.reports.config import load_config

    try:
        return load_config().agency or None
    except InputError:
        return None


def _working_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InputError(f"unknown role {role!r} (known: {known})") from None


def needs_first_administrator(repo: CaseRepository) -> bool:
    """Whether no administrator is enrolled yet (the next enrolment may make the first)."""
    return not repo.has_administrator()


def _authority(by: SignedIn, ca: LocalCA) -> CertificateAuthority:
    try:
        return ca.unlock(by.name, by.box_private)
    except CAError as exc:
        raise AuthError(str(exc)) from None


def require_admin(repo: CaseRepository, by: SignedIn) -> None:
    current = repo.get_user(by.name)
    if current is None or not current.administrator or not current.active:
        raise AuthError(f"{by.name} is not an administrator: only an administrator enrols "
                        "accounts and grants roles")


def enroll(repo: CaseRepository, name: str, *, role: Role | str = Role.EXAMINER,
           display_name: str = "", administrator: bool = False, method: str = "password",
           secret: str | None = None, os_account: str | None = None,
           by: SignedIn | None = None, ca: LocalCA | None = None) -> User:
    """Enrol ``name``: create their keys, have the CA certify them in ``role``, seal them
    with their secret (``password``: ``secret``; ``os``: the account ``os_account``,
    default the one running this), and store the credential.

    ``by`` is the administrator who enrols; without one, only the first administrator
    can be enrolled (the workstation's CA is created for them, or, when an older
    version left its key unsealed, sealed for them).
    """
    ca = _ca(ca)
    work_role = _working_role(role)
    if method not in METHODS:
        raise InputError(f"unknown sign-in method {method!r} (known: {', '.join(METHODS)})")
    if method == "password":
        check_password(secret or "", name)
    else:
        os_account = os_account or os_login()
    if by is None:
        if not administrator or repo.has_administrator():
            raise AuthError("only an administrator enrols accounts (sign in with --as)")
    else:
        require_admin(repo, by)
    found = repo.credential(name)
    if found is not None:
        raise InputError(f"{name} is enrolled already")
    secret_bytes = _secret_bytes(method, secret, name, create=True)
    box = box_keypair()
    if by is None:
        if ca.exists() and not ca.is_legacy():
            raise AuthError(f"{ca.root} holds a certificate authority, but no administrator "
                            "is enrolled to unlock it: move that folder away to start over")
        authority = (ca.seal_legacy(name, box[1]) if ca.is_legacy()
                     else _create_ca(ca, name, box[1]))
    else:
        authority = _authority(by, ca)
    organization = _organization()

    def certify(public_key: Any) -> bytes:
        return authority.certify(public_key, display_name or name, user=name,
                                 role=work_role.value, organization=organization)

    keys = _seal_new(name, method, secret_bytes, os_account, certify, box=box)
    user = repo.enroll(name, work_role, keys.credential, display_name=display_name,
                       administrator=administrator, actor=by.user if by is not None else None)
    if administrator and by is not None:
        _rewrap(repo, ca, authority)
    ca.refresh_crl(authority)
    return user


def _create_ca(ca: LocalCA, admin: str, box_public: bytes) -> CertificateAuthority:
    try:
        return ca.create(admin, box_public)
    except CAError as exc:
        raise AuthError(f"{exc}: another first administrator was enrolled at the same "
                        "time") from None


def _rewrap(repo: CaseRepository, ca: LocalCA, authority: CertificateAuthority) -> None:
    """Wrap the CA key for exactly the administrators the database holds now."""
    admins = {u.name: bytes.fromhex(c.box_public) for u, c in repo.administrators()}
    ca.set_administrators(authority, admins)


def grant(repo: CaseRepository, name: str, role: str, *, by: SignedIn,
          ca: LocalCA | None = None) -> User:
    """Give ``name`` a working role (a new certificate naming it) or the administrator
    right (the CA key is wrapped for them too)."""
    return _change_role(repo, name, role, by=by, ca=_ca(ca), granting=True)


def revoke_role(repo: CaseRepository, name: str, role: str, *, by: SignedIn,
                ca: LocalCA | None = None) -> User:
    """Take a role back: ``administrator`` (the CA key is re-wrapped without them, under a
    new data key), or ``supervisor`` (back to examiner; the supervisor certificate is
    revoked, so it countersigns nothing any more)."""
    return _change_role(repo, name, role, by=by, ca=_ca(ca), granting=False)


def _change_role(repo: CaseRepository, name: str, role: str, *, by: SignedIn, ca: LocalCA,
                 granting: bool) -> User:
    if role not in GRANTABLE:
        raise InputError(f"unknown role {role!r} (known: {', '.join(GRANTABLE)})")
    require_admin(repo, by)
    found = repo.credential(name)
    if found is None:
        raise InputError(f"{name} is not enrolled: enrol the account first (users add)")
    user, cred = found
    authority = _authority(by, ca)
    if role == "administrator":
        updated = repo.update_credential(name, cred, actor=by.user, administrator=granting,
                                         action="user.granted" if granting else "user.revoked")
        _rewrap(repo, ca, authority)
        ca.refresh_crl(authority)
        return updated
    if granting:
        new_role = _working_role(role)
    elif user.role.value == role and role != Role.EXAMINER.value:
        new_role = Role.EXAMINER
    else:
        raise InputError(f"{name} is not a {role}")
    if new_role is user.role:
        return user
    from cryptography import x509

    old_cert = x509.load_der_x509_certificate(bytes.fromhex(cred.certificate))
    new_cert = authority.certify(old_cert.public_key(),  # type: ignore[arg-type]
                                 user.display_name or name, user=name, role=new_role.value,
                                 organization=_organization())
    updated_cred = dataclasses.replace(cred, certificate=new_cert.hex())
    result = repo.update_credential(name, updated_cred, actor=by.user, role=new_role,
                                    action="user.granted" if granting else "user.revoked")
    if user.role is Role.SUPERVISOR:
        ca.revoke(authority, old_cert, reason=f"role {user.role.value} withdrawn")
    else:
        ca.refresh_crl(authority)
    return result


def change_secret(repo: CaseRepository, signed_in: SignedIn, new_secret: str | None) -> User:
    """A signed-in person changes their own password (the same keys and certificate,
    sealed under the new one); for the ``os`` method, the keys are sealed again under
    the account's current secret."""
    found = repo.credential(signed_in.name)
    if found is None:
        raise AuthError(f"{signed_in.name} is not enrolled")
    _user, cred = found
    if cred.method == "password":
        check_password(new_secret or "", signed_in.name)
    secret = _secret_bytes(cred.method, new_secret, signed_in.name, create=True)
    keys = _seal_new(signed_in.name, cred.method, secret, cred.os_account,
                     lambda _pk: signed_in.identity.cert_der,
                     key_der=signed_in.identity.key_der,
                     box=(signed_in.box_private, bytes.fromhex(cred.box_public)))
    return repo.update_credential(signed_in.name, keys.credential, actor=signed_in.user,
                                  action="user.secret_changed")


def reset_secret(repo: CaseRepository, name: str, new_secret: str | None, *, by: SignedIn,
                 method: str | None = None, os_account: str | None = None,
                 revoke_old: bool = False, ca: LocalCA | None = None) -> User:
    """An administrator gives ``name`` a new secret (a forgotten password, or another
    method). Their old keys cannot be opened without the old secret, so new keys and a
    new certificate are made; with ``revoke_old`` (the old secret may be known to
    someone) the old certificate is revoked — reports it signed then no longer verify
    as trusted."""
    ca = _ca(ca)
    require_admin(repo, by)
    found = repo.credential(name)
    if found is None:
        raise InputError(f"{name} is not enrolled")
    user, cred = found
    method = method or cred.method
    if method not in METHODS:
        raise InputError(f"unknown sign-in method {method!r}")
    if method == "password":
        check_password(new_secret or "", name)
        os_account = None
    else:
        os_account = os_account or cred.os_account or os_login()
    authority = _authority(by, ca)

    def certify(public_key: Any) -> bytes:
        return authority.certify(public_key, user.display_name or name, user=name,
                                 role=user.role.value, organization=_organization())

    keys = _seal_new(name, method, _secret_bytes(method, new_secret, name, create=True),
                     os_account, certify)
    updated = repo.update_credential(name, keys.credential, actor=by.user,
                                     action="user.secret_reset")
    if user.administrator:
        _rewrap(repo, ca, authority)
    if revoke_old:
        ca.revoke(authority, bytes.fromhex(cred.certificate), reason="secret reset")
    else:
        ca.refresh_crl(authority)
    return updated


@dataclass(frozen=True)
class Account:
    """One account as ``workstation users list`` shows it."""

    name: str
    display_name: str
    role: str
    administrator: bool
    active: bool
    method: str | None
    os_account: str | None
    certificate_serial: str | None
    certificate_expires: str | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def list_accounts(repo: CaseRepository) -> list[Account]:
    """Every account, enrolled or not (a name the audit trail knows, without credential)."""
    from cryptography import x509

    out = []
    for user in repo.list_users(include_inactive=True):
        found = repo.credential(user.name)
        serial = expires = None
        method = os_account = None
        if found is not None:
            cred = found[1]
            method, os_account = cred.method, cred.os_account
            cert = x509.load_der_x509_certificate(bytes.fromhex(cred.certificate))
            serial = str(cert.serial_number)
            expires = cert.not_valid_after_utc.date().isoformat()
        out.append(Account(user.name, user.display_name, user.role.value, user.administrator,
                           user.active, method, os_account, serial, expires))
    return out
