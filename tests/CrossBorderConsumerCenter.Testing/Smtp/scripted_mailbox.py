"""An aiosmtpd handler for the tests' SmtpServer: a Maildir like aiosmtpd.handlers.Mailbox, plus replies
the test scripts to make the server misbehave.

The test writes a JSON control file:
    {"generation": 3, "stage": "rcpt" | "data", "reply": "451 4.3.0 Try again later", "times": 2, "after": 0}
and, after letting `after` of them through, the server answers `reply` at that stage (to RCPT TO, or at the
end of DATA) the next `times` times (null: every time), then accepts as usual. The reply "drop" closes the connection instead of answering, as a
server that crashes or a network that fails mid-message would; the message is not kept. A new generation starts the count again; no file accepts
everything. The number of scripted replies given so far is written to the control file + ".given".
"""
import json
import os

from aiosmtpd.handlers import Mailbox


class ScriptedMailbox(Mailbox):
    def __init__(self, mail_dir, control_file):
        super().__init__(mail_dir)
        self.control_file = control_file
        self.generation = None
        self.given = 0
        self.passed = 0

    def scripted_reply(self, stage):
        try:
            with open(self.control_file, encoding="utf-8") as f:
                control = json.load(f)
        except FileNotFoundError:
            return None
        if control["generation"] != self.generation:
            self.generation = control["generation"]
            self.given = 0
            self.passed = 0
        if control["stage"] != stage or (control["times"] is not None and self.given >= control["times"]):
            return None
        if self.passed < control.get("after", 0):
            self.passed += 1
            return None
        self.given += 1
        with open(self.control_file + ".given.tmp", "w", encoding="utf-8") as f:
            f.write(str(self.given))
        os.replace(self.control_file + ".given.tmp", self.control_file + ".given")
        return control["reply"]

    @staticmethod
    def answer(server, reply):
        if reply == "drop":
            server.transport.abort()
            return "421 4.3.0 Connection dropped"
        return reply

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.scripted_reply("rcpt")
        if reply is not None:
            return self.answer(server, reply)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = self.scripted_reply("data")
        if reply is not None:
            return self.answer(server, reply)
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("ScriptedMailbox needs the Maildir and the control file")
        return cls(*args)
