"""``schakel toon-triagelijst``: the triage queue (signals that name neither a regulation nor an
organisation), oldest first, with the text router's suggestion for each."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schakel.signalen import cli, rechten, routering
from schakel.signalen.models import Signaal
from schakel.signalen.workflow import Status


class Command(BaseCommand):
    help = "Toon de signalen in de triage, oudste eerst, met het advies van de routering."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=50, help="Ten hoogste zoveel signalen (standaard 50).")
        cli.add_als_argument(parser)

    def handle(self, *args, aantal, als, **options):
        if aantal < 1:
            raise CommandError("--aantal moet ten minste 1 zijn.")
        actor = cli.trieerder(als)
        wachtend = (rechten.zichtbare_signalen(actor, Signaal.objects.all())
                    .filter(eigenaar__isnull=True, status=Status.INGEDIEND)
                    .select_related("indienende_organisatie").order_by("ingediend_op", "id"))
        signalen = list(wachtend[:aantal + 1])
        if not signalen:
            self.stdout.write("De triage is leeg.")
            return
        meer = len(signalen) > aantal
        signalen = signalen[:aantal]
        for signaal in signalen:
            suggestie = routering.suggereer_voor(signaal)
            self.stdout.write(f"{signaal.kenmerk}  {timezone.localtime(signaal.ingediend_op):%d-%m-%Y}  "
                              f"{signaal.indienende_organisatie.afkorting}  {signaal.titel}")
            self.stdout.write(f"    advies: {_advies(suggestie)}")
        if meer:
            self.stdout.write(f"Er wachten meer signalen; toon ze met --aantal {aantal * 2}.")
        self.stdout.write('Toewijzen: schakel trieer <kenmerk> --naar <afkorting> --reden "..."')


def _advies(suggestie: routering.Suggestie) -> str:
    if not suggestie.eigenaren:
        return "geen (" + (suggestie.melding or "de routering heeft geen voorstel") + ")"
    kandidaten = ", ".join(f"{k.organisatie.afkorting} {k.procent} %" for k in suggestie.eigenaren[:3])
    oordeel = "zeker genoeg" if suggestie.zeker else "niet zeker genoeg"
    regelingen = ", ".join(k.organisatie.bwb_id for k in suggestie.regelingen[:1])
    return f"{kandidaten} ({oordeel})" + (f"; regeling waarschijnlijk {regelingen}" if regelingen else "")
