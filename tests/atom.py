"""Checks on Atom feeds: RFC 4287's required elements, and no markup from user text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser

A = "{http://www.w3.org/2005/Atom}"
TEKSTCONSTRUCTIES = ("title", "subtitle", "summary", "content", "rights")


def valideer_atom(inhoud: bytes) -> ET.Element:
    """Assert RFC 4287's required elements and unique ids; return the parsed root."""
    wortel = ET.fromstring(inhoud)
    assert wortel.tag == f"{A}feed"
    for naam in ("id", "title", "updated"):
        assert wortel.find(f"{A}{naam}") is not None and (wortel.find(f"{A}{naam}").text or "").strip(), naam
    entries = wortel.findall(f"{A}entry")
    feedauteur = wortel.find(f"{A}author/{A}name") is not None
    ids = []
    for entry in entries:
        for naam in ("id", "title", "updated"):
            assert entry.find(f"{A}{naam}") is not None, naam
        # RFC 4287 4.1.1: an author on the feed or on every entry; Schakel puts one on both.
        assert entry.find(f"{A}author/{A}name") is not None and entry.find(f"{A}author/{A}name").text
        ids.append(entry.find(f"{A}id").text)
    assert feedauteur or not entries
    assert len(ids) == len(set(ids)), "entry ids are not unique"
    zelf = [link for link in wortel.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(zelf) == 1
    # No markup: every text construct is plain text, and no element outside Atom appears.
    for element in wortel.iter():
        assert element.tag.startswith(A), element.tag
        if element.tag.removeprefix(A) in TEKSTCONSTRUCTIES:
            assert element.get("type", "text") == "text", (element.tag, element.get("type"))
    feed = feedparser.parse(inhoud)
    assert not feed.bozo, feed.bozo_exception
    for entry in feed.entries:
        for detail in ("title_detail", "summary_detail"):
            if detail in entry:
                assert entry[detail]["type"] == "text/plain", entry[detail]
    return wortel
