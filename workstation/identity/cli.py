"""``workstation users add|grant|revoke|passwd|list`` — accounts on the command line.

Secrets are read one line each from a file descriptor (``--secret-fd`` for the
acting account's, ``--new-secret-fd`` for a new password; both may be ``0``,
standard input, which then holds the acting secret on its first line and the new
one on its second) or typed at a terminal; never from the environment or the
command line. An ``os`` account needs no secret: it is the operating-system
account running the command.

Examples::

    # the first administrator (the workstation's CA is created for them)
    printf '%s\\n' "$PW" | workstation users add admin --administrator --new-secret-fd 0
    # a single-user workstation: this operating-system account signs, no password
    workstation users add jane --role examiner --auth os --as admin --secret-fd 3 3<admin.pw
    workstation users grant bob supervisor --as admin --secret-fd 0
    workstation users passwd anna --secret-fd 0 --new-secret-fd 0    # old, then new
    workstation users list --json
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.cases import CaseRepository
    from workstation.identity.accounts import SignedIn
    from workstation.identity.secrets import SecretReader


def default_account(repo: CaseRepository) -> str:
    """Who the command acts as when ``--as``/``--user`` is not given: the account bound to
    this operating-system account (``os`` method), else ``$WORKSTATION_USER`` or the
    login name — which still has to prove its secret."""
    from workstation.identity.secrets import os_login
    from workstation.paths import login_name

    login = os_login()
    for user in repo.list_users():
        found = repo.credential(user.name)
        if found is not None and found[1].method == "os" and found[1].os_account == login:
            return user.name
    return login_name()


def sign_in_from_args(repo: CaseRepository, name: str | None, secret_fd: int | None,
                      reader: SecretReader) -> SignedIn:
    """Sign in ``name`` (default :func:`default_account`), reading a password only when
    the account has one."""
    from workstation.identity.accounts import sign_in

    name = name or default_account(repo)
    found = repo.credential(name)
    secret = None
    if found is not None and found[1].method == "password":
        secret = reader.read(secret_fd, f"Password of {name}: ")
    return sign_in(repo, name, secret)


def signing_identity_from_args(args: argparse.Namespace, repo: CaseRepository) -> Any:
    """The identity ``examine --report`` signs with: the configured PKCS#12 file (its
    password from ``--secret-fd`` or the terminal), else the account ``--user`` signed
    in. Returns ``(identity, account name)``."""
    from workstation.identity.secrets import SecretReader
    from workstation.reports import resolve_identity
    from workstation.reports.config import load_config

    reader = SecretReader()
    config = load_config()
    if config.pkcs12:
        password = reader.read(args.secret_fd, f"Password of {config.pkcs12}: ")
        return resolve_identity(config, password=password), args.user
    me = sign_in_from_args(repo, args.user, args.secret_fd, reader)
    return me.identity, me.name


def add_secret_options(parser: argparse.ArgumentParser, *, new: bool = False,
                       acting: bool = True) -> None:
    """``--as``/``--secret-fd`` (and ``--new-secret-fd``)."""
    if acting:
        parser.add_argument("--as", dest="actor", metavar="ADMIN",
                            help="the administrator acting (default: this operating-system "
                                 "account's, else $WORKSTATION_USER or the login name)")
        parser.add_argument("--secret-fd", type=int, metavar="FD",
                            help="read the acting account's password from this file "
                                 "descriptor (0: standard input), else from the terminal")
    if new:
        parser.add_argument("--new-secret-fd", type=int, metavar="FD",
                            help="read the new password from this file descriptor (default: "
                                 "the next line of --secret-fd's, else the terminal)")


def _new_password(args: argparse.Namespace, reader: SecretReader, name: str) -> str:
    import sys

    from workstation.errors import InputError

    fd = args.new_secret_fd if args.new_secret_fd is not None \
        else getattr(args, "secret_fd", None)  # the next line of the acting secret's fd
    first = reader.read(fd, f"New password for {name}: ")
    if fd is None and sys.stdin.isatty() \
            and reader.read(None, "Again: ") != first:
        raise InputError("the two passwords differ")
    return first


def _require_admin(repo: CaseRepository, by: SignedIn) -> None:
    from workstation.identity.accounts import require_admin

    require_admin(repo, by)


def _cmd_add(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.console import say
    from workstation.identity.accounts import enroll
    from workstation.identity.secrets import SecretReader

    reader = SecretReader()
    with CaseRepository.open() as repo:
        by = None
        if not (args.administrator and not repo.has_administrator()):
            by = sign_in_from_args(repo, args.actor, args.secret_fd, reader)
            _require_admin(repo, by)
        secret = _new_password(args, reader, args.name) if args.auth == "password" else None
        user = enroll(repo, args.name, role=args.role, display_name=args.display_name or "",
                      administrator=args.administrator, method=args.auth, secret=secret,
                      os_account=args.os_account, by=by)
    first = " (the first administrator: the workstation's CA was created)" if by is None \
        else ""
    say(f"enrolled {user.label}, signing in by {args.auth}{first}")
    return 0


def _cmd_grant(args: argparse.Namespace, granting: bool = True) -> int:
    from workstation.cases import CaseRepository
    from workstation.console import say
    from workstation.identity.accounts import grant, revoke_role
    from workstation.identity.secrets import SecretReader

    with CaseRepository.open() as repo:
        by = sign_in_from_args(repo, args.actor, args.secret_fd, SecretReader())
        _require_admin(repo, by)
        change = grant if granting else revoke_role
        user = change(repo, args.name, args.role, by=by)
    say(f"{user.name} is now {user.label.split('(', 1)[-1].rstrip(')')}")
    return 0


def _cmd_passwd(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.console import say
    from workstation.identity.accounts import change_secret, reset_secret
    from workstation.identity.secrets import SecretReader

    reader = SecretReader()
    with CaseRepository.open() as repo:
        name = args.name or default_account(repo)
        actor = args.actor or name
        if actor == name and not args.auth:
            me = sign_in_from_args(repo, name, args.secret_fd, reader)
            secret = _new_password(args, reader, name) if me.method == "password" else None
            change_secret(repo, me, secret)
            say(f"the secret of {name} was changed")
            return 0
        by = sign_in_from_args(repo, actor, args.secret_fd, reader)
        _require_admin(repo, by)
        found = repo.credential(name)
        method = args.auth or (found[1].method if found is not None else "password")
        secret = _new_password(args, reader, name) if method == "password" else None
        reset_secret(repo, name, secret, by=by, method=method, os_account=args.os_account,
                     revoke_old=args.revoke_old)
    say(f"{name} has a new secret and new keys" + (" (the old certificate is revoked)"
                                                    if args.revoke_old else ""))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.console import emit_json
    from workstation.identity.accounts import list_accounts

    with CaseRepository.open() as repo:
        rows = list_accounts(repo)
    if args.json:
        emit_json([a.to_json() for a in rows])
    else:
        for a in rows:
            rights = a.role + (", administrator" if a.administrator else "")
            how = a.method or "not enrolled (cannot sign)"
            if a.method == "os":
                how += f" ({a.os_account})"
            state = "" if a.active else "  [disabled]"
            print(f"{a.name:<20} {a.display_name or '-':<28} {rights:<32} {how}{state}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``users`` and its sub-commands."""
    from workstation.cases.records import Role
    from workstation.identity.accounts import GRANTABLE, METHODS

    p = subparsers.add_parser("users", help="accounts: add, grant and revoke roles, change "
                                            "secrets, list")
    sub = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="enrol an account (an administrator does; the first "
                                     "administrator enrols themself)")
    add.add_argument("name")
    add.add_argument("--display-name", help="the name reports show")
    add.add_argument("--role", default=Role.EXAMINER.value,
                     choices=[r.value for r in Role], help="working role (default examiner)")
    add.add_argument("--administrator", action="store_true",
                     help="may enrol accounts and grant roles")
    add.add_argument("--auth", default="password", choices=METHODS,
                     help="sign in by password (default) or as the operating-system account")
    add.add_argument("--os-account", metavar="LOGIN",
                     help="with --auth os: the operating-system account (default: this one)")
    add_secret_options(add, new=True)
    add.set_defaults(handler=_cmd_add)

    grant = sub.add_parser("grant", help="grant a role or the administrator right")
    grant.add_argument("name")
    grant.add_argument("role", choices=GRANTABLE)
    add_secret_options(grant)
    grant.set_defaults(handler=_cmd_grant)

    revoke = sub.add_parser("revoke", help="take back the supervisor role or the "
                                           "administrator right")
    revoke.add_argument("name")
    revoke.add_argument("role", choices=GRANTABLE)
    add_secret_options(revoke)
    revoke.set_defaults(handler=lambda a: _cmd_grant(a, granting=False))

    passwd = sub.add_parser("passwd", help="change your password, or (an administrator) give "
                                           "someone a new secret")
    passwd.add_argument("name", nargs="?", help="the account (default: yours)")
    passwd.add_argument("--auth", choices=METHODS, help="(administrator) switch the method")
    passwd.add_argument("--os-account", metavar="LOGIN")
    passwd.add_argument("--revoke-old", action="store_true",
                        help="(administrator) revoke the old certificate: the old secret "
                             "may be known to someone else")
    add_secret_options(passwd, new=True)
    passwd.set_defaults(handler=_cmd_passwd)

    ls = sub.add_parser("list", help="list the accounts")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_cmd_list)
