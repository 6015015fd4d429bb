"""Reads every message in a Maildir and prints them as JSON, decoded by Python's own email parser.

Used by the tests' SmtpServer: an independent, standard MIME implementation checks what our code sent
(RFC 2047 subjects, transfer encodings, multipart bodies, attachments).
"""
import base64
import json
import os
import sys
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser

root = sys.argv[1]
paths = []
for sub in ("new", "cur"):
    folder = os.path.join(root, sub)
    if os.path.isdir(folder):
        paths += [os.path.join(folder, name) for name in os.listdir(folder)]
paths.sort(key=lambda p: (os.stat(p).st_mtime_ns, p))

messages = []
for path in paths:
    with open(path, "rb") as f:
        raw = f.read()
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    attachments = []
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True) or b""
        attachments.append({
            "fileName": part.get_filename(),
            "contentType": part.get_content_type(),
            "base64": base64.b64encode(payload).decode("ascii"),
        })
    messages.append({
        "file": os.path.basename(path),
        # Decoded by email.header (RFC 2047 6.2: the space between adjacent encoded words is dropped), not by
        # policy.default's address parser, which puts a space between the encoded words of a display name
        # ("越境消費者セ ンター") where mail clients do not.
        "headers": [[k, str(make_header(decode_header(v)))] for k, v in msg.raw_items()],
        "rawHeaders": [[k, v] for k, v in msg.raw_items()],
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "attachments": attachments,
        "raw": raw.decode("utf-8", errors="replace"),
    })
json.dump(messages, sys.stdout, ensure_ascii=False)
