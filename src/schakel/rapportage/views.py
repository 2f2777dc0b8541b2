"""The report page (/staat-van-de-uitvoering) and its downloads (.pdf, .csv, .json). Public."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from schakel.core import clock
from schakel.signalen.models import Signaal

from . import perioden, uitvoer
from .cijfers import bereken
from .perioden import bestandsnaam
from .forms import StaatFilter

MIME = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "json": "application/json"}


def _filter(request) -> StaatFilter:
    data = request.GET.copy()
    if "periode" not in data:
        data["periode"] = perioden.standaardperiode(clock.today(), _heeft_openbare_signalen).naam
    return StaatFilter(data)


def _heeft_openbare_signalen(periode) -> bool:
    return Signaal.objects.openbaar().filter(ingediend_op__gte=periode.begin, ingediend_op__lt=periode.einde).exists()


def staat(request):
    form = _filter(request)
    if not form.is_valid():
        return render(request, "rapportage/staat.html", {"form": form}, status=400)
    periode, reikwijdte = form.selectie()
    resultaat = bereken(periode, reikwijdte)
    return render(request, "rapportage/staat.html", {
        "form": form, "querystring": form.querystring(), **uitvoer.context(resultaat, grafiekformaat="png"),
    })


def download(request, formaat: str):
    form = _filter(request)
    if not form.is_valid():
        return render(request, "rapportage/staat.html", {"form": form}, status=400)
    periode, reikwijdte = form.selectie()
    resultaat = bereken(periode, reikwijdte)
    if formaat == "pdf":
        inhoud: bytes | str = uitvoer.pdf(resultaat)
    elif formaat == "csv":
        inhoud = uitvoer.als_csv(resultaat)
    else:
        inhoud = uitvoer.als_json(resultaat)
    achtervoegsel = f"-{reikwijdte.organisatie.afkorting}" if reikwijdte.organisatie else ""
    response = HttpResponse(inhoud, content_type=MIME[formaat])
    response["Content-Disposition"] = (f'attachment; filename="staat-van-de-uitvoering-{bestandsnaam(periode)}'
                                       f'{achtervoegsel}.{formaat}"')
    return response
