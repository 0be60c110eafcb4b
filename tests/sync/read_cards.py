#!/usr/bin/env python3
# An independent CardDAV client (plain HTTP with the standard library, not
# Hallway's libdav-based one) that reads back the cards Hallway wrote to an
# address book, so the contacts sync tests check the server's view rather
# than Hallway's own. It can also play the phone or another client (--append,
# --add) so Hallway's sync sees a change it did not make.
#
#   read_cards.py URL USER PASSWORD [--add NAME VCARD] [--append UID LINES]
#
# URL is the address book collection's URL. --add puts VCARD (LF or CRLF
# line ends) at URL/NAME as a new resource (If-None-Match: *). --append adds
# LINES (one content line per line) to the card with that UID just before
# its END:VCARD, as a phone adding a birthday would, with If-Match its ETag.
#
# Prints, after any change, a JSON list of the address book's cards sorted
# by href: [{"href", "etag", "uid", "text"}] (href is the path on the server,
# text the card as the server sends it, uid null when it has none).
import argparse
import base64
import json
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlparse

PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>'
)


class Client:
    def __init__(self, user, password):
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.auth = f"Basic {token}"

    def request(self, method, url, body=None, headers=None):
        all_headers = {"Authorization": self.auth, **(headers or {})}
        data = body.encode("utf-8") if body is not None else None
        req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        with urllib.request.urlopen(req) as response:
            return response.status, response.headers, response.read().decode("utf-8")


def unfold(text):
    return text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").splitlines()


def uid_of(text):
    for line in unfold(text):
        name, _, value = line.partition(":")
        if name.split(";")[0].upper() == "UID":
            return value
    return None


def listing(client, url):
    _, _, body = client.request(
        "PROPFIND", url, PROPFIND, {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
    )
    cards = []
    collection = urlparse(url).path.rstrip("/") + "/"
    for response in ET.fromstring(body).findall("{DAV:}response"):
        href = response.findtext("{DAV:}href")
        if href is None or urlparse(href).path.rstrip("/") + "/" == collection:
            continue
        if response.find(".//{DAV:}resourcetype/{DAV:}collection") is not None:
            continue
        _, headers, text = client.request("GET", urljoin(url, href))
        cards.append(
            {"href": urlparse(href).path, "etag": headers.get("ETag"), "uid": uid_of(text), "text": text}
        )
    return sorted(cards, key=lambda c: c["href"])


def crlf(text):
    return "\r\n".join(text.replace("\r\n", "\n").split("\n"))


def add_card(client, url, name, text):
    client.request(
        "PUT", urljoin(url, name), crlf(text), {"If-None-Match": "*", "Content-Type": "text/vcard; charset=utf-8"}
    )


def append_lines(client, url, uid, lines):
    card = next(c for c in listing(client, url) if c["uid"] == uid)
    text = card["text"].replace("\r\n", "\n")
    at = text.upper().rindex("END:VCARD")
    edited = text[:at] + lines.strip("\n") + "\n" + text[at:]
    client.request(
        "PUT",
        urljoin(url, card["href"]),
        crlf(edited),
        {"If-Match": card["etag"], "Content-Type": "text/vcard; charset=utf-8"},
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--add", nargs=2, metavar=("NAME", "VCARD"))
    parser.add_argument("--append", nargs=2, metavar=("UID", "LINES"))
    args = parser.parse_args()
    url = args.url if args.url.endswith("/") else args.url + "/"
    client = Client(args.user, args.password)
    try:
        if args.add:
            add_card(client, url, *args.add)
        if args.append:
            append_lines(client, url, *args.append)
        json.dump(listing(client, url), sys.stdout, indent=1)
    except urllib.error.HTTPError as e:
        sys.exit(f"{e.code} {e.reason} for {e.url}: {e.read().decode('utf-8', 'replace')}")
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
