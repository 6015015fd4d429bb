"""The tests' SMTP server: Debian's aiosmtpd with the ScriptedMailbox handler, as a process on loopback.

    smtp_server.py --port P --maildir DIR --control FILE --stats FILE
                   [--smtputf8] [--cert PEM --key PEM [--implicit-tls]] [--login USER:PASSWORD]

--cert/--key offer STARTTLS (and require it before anything else), or with --implicit-tls speak TLS from the first
byte (SMTPS). --login requires AUTH (PLAIN or LOGIN) with that user name and password. The stats file counts the
connections made and the successful logins, so that tests can see a connection being reused.
"""
import argparse
import asyncio
import json
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from scripted_mailbox import ScriptedMailbox


class Stats:
    def __init__(self, path):
        self.path = path
        self.counts = {"connections": 0, "logins": 0}
        self.write()

    def count(self, name):
        self.counts[name] += 1
        self.write()

    def write(self):
        with open(self.path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(self.counts, f)
        os.replace(self.path + ".tmp", self.path)


class CountingSMTP(SMTP):
    def __init__(self, handler, stats, **kwargs):
        super().__init__(handler, **kwargs)
        self.stats = stats

    def connection_made(self, transport):
        if self._original_transport is None:  # not the switch to TLS of a connection already counted
            self.stats.count("connections")
        super().connection_made(transport)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--control", required=True)
    parser.add_argument("--stats", required=True)
    parser.add_argument("--smtputf8", action="store_true")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--login")
    args = parser.parse_args()

    stats = Stats(args.stats)
    handler = ScriptedMailbox(args.maildir, args.control)
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    kwargs = {"enable_SMTPUTF8": args.smtputf8, "hostname": "smtp.test"}
    if context is not None and not args.implicit_tls:
        kwargs.update(tls_context=context, require_starttls=True)
    if args.login:
        user, password = args.login.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            if ok:
                stats.count("logins")
            return AuthResult(success=ok, handled=False)

        # With implicit TLS the whole connection is encrypted, though aiosmtpd only knows about STARTTLS.
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=not args.implicit_tls)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: CountingSMTP(handler, stats, **kwargs), args.host, args.port, ssl=context if args.implicit_tls else None))
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
