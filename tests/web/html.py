"""Small HTML inspection helpers for the web tests (stdlib parser, no extra dependency)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Verzamelaar(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elementen: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False
        self._script_tekst: list[str] = []
        self.tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elementen.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self._script_tekst = []

    def handle_startendtag(self, tag, attrs):
        self.elementen.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script":
            inhoud = "".join(self._script_tekst).strip()
            if inhoud:
                self.inline_scripts.append(inhoud)
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self._script_tekst.append(data)
        else:
            self.tekst.append(data)


def ontleed(html: str) -> _Verzamelaar:
    parser = _Verzamelaar()
    parser.feed(html)
    parser.close()
    return parser


def csp_schendingen(html: str) -> list[str]:
    """Everything a strict CSP (script-src/style-src 'self') would block."""
    pagina = ontleed(html)
    schendingen = [f"inline script: {s[:60]}" for s in pagina.inline_scripts]
    for tag, attrs in pagina.elementen:
        if "style" in attrs:
            schendingen.append(f"style attribute on <{tag}>")
        schendingen += [f"event handler {a} on <{tag}>" for a in attrs if a.startswith("on")]
        if tag == "style":
            schendingen.append("<style> element")
        if tag == "script" and not attrs.get("src"):
            schendingen.append("<script> without src")
        if any((waarde or "").strip().lower().startswith("javascript:") for waarde in attrs.values()):
            schendingen.append(f"javascript: URL on <{tag}>")
    return schendingen


def zichtbare_tekst(html: str) -> str:
    return " ".join(" ".join(ontleed(html).tekst).split())


def elementen(html: str, tag: str) -> list[dict[str, str | None]]:
    return [attrs for t, attrs in ontleed(html).elementen if t == tag]


def element_met_id(html: str, id_: str) -> tuple[str, dict] | None:
    for tag, attrs in ontleed(html).elementen:
        if attrs.get("id") == id_:
            return tag, attrs
    return None
