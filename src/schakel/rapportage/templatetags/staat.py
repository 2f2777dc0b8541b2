"""Dutch number formatting for the report: 1.560, 15,0, 33,3 %, and a dash for 'no value'."""

from django import template

register = template.Library()


def getal(waarde) -> str:
    if waarde is None or waarde == "":
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return f"{waarde:,}".replace(",", ".")
    if isinstance(waarde, float):
        return f"{waarde:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(waarde)


register.filter("getal", getal)


@register.filter
def verschil(waarde) -> str:
    if waarde is None:
        return "–"
    if waarde == 0:
        return "0"
    return ("+" if waarde > 0 else "−") + getal(abs(waarde))


@register.filter
def get_item(mapping, sleutel):
    return mapping.get(sleutel)


@register.filter
def is_url(waarde) -> bool:
    return isinstance(waarde, str) and waarde.startswith(("https://", "http://"))


@register.filter
def is_tekst(waarde) -> bool:
    return isinstance(waarde, str)


@register.filter
def datum_nl(waarde) -> str:
    """An ISO date (from the JSON figures) in Dutch words: 2025-07-01 → 1 juli 2025."""
    import datetime as dt

    from schakel.rapportage.perioden import MAANDNAMEN

    try:
        datum = dt.date.fromisoformat(str(waarde))
    except ValueError:
        return str(waarde)
    return f"{datum.day} {MAANDNAMEN[datum.month - 1]} {datum.year}"
