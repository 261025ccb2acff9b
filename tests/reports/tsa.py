"""A local RFC 3161 time-stamp authority over HTTP, for the tests (pyHanko's
DummyTimeStamper answers; the server speaks the real wire protocol)."""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from asn1crypto import keys, tsp, x509
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from workstation.reports.ca import Identity


class LocalTSA:
    """``with LocalTSA(identity) as tsa: ... tsa.url``; every answer carries ``at``."""

    def __init__(self, identity: Identity, *, at: dt.datetime) -> None:
        cert = x509.Certificate.load(identity.cert_der)
        chain = [x509.Certificate.load(c) for c in identity.chain_der]
        self.at = at
        self.requests = 0
        self.stamper = DummyTimeStamper(
            tsa_cert=cert, tsa_key=keys.PrivateKeyInfo.load(identity.key_der),
            certs_to_embed=SimpleCertificateStore.from_certs(chain), fixed_dt=at)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.headers.get("Content-Type") != "application/timestamp-query":
                    self.send_error(415)
                    return
                outer.requests += 1
                resp = outer.stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(resp)))
                self.end_headers()
                self.wfile.write(resp)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/tsa"

    def __enter__(self) -> LocalTSA:
        self.thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
