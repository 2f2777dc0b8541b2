"""``schakel trieer <kenmerk> --naar <afkorting> --reden "..."``: route a signal from the triage
queue, as the web page and the API do (``services.trieer``: permission, audit ``getrieerd``
with the router's advice, answer term)."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakel.organisaties.models import Organisatie
from schakel.regelingen.models import BWB_ID_PATTERN, Regeling
from schakel.signalen import cli, rechten, services
from schakel.signalen.models import Signaal
from schakel.signalen.workflow import OngeldigeOvergang

OPTIES = {"naar": "--naar", "reden": "--reden", "regeling": "--regeling"}


class Command(BaseCommand):
    help = ("Wijs een signaal uit de triage toe aan de organisatie die moet reageren (en eventueel de regeling). "
            "De keuze staat met het advies van de routering in de tijdlijn.")

    def add_arguments(self, parser):
        parser.add_argument("kenmerk", help="Kenmerk van het signaal, bijvoorbeeld SIG-000123.")
        parser.add_argument("--naar", required=True, metavar="AFKORTING",
                            help="Afkorting van de organisatie die moet reageren, bijvoorbeeld 'ienw'.")
        parser.add_argument("--reden", required=True, help="Waarom het signaal bij die organisatie hoort (openbaar).")
        parser.add_argument("--regeling", metavar="BWB-ID", default=None,
                            help="Optioneel: het BWB-id van de regeling, bijvoorbeeld BWBR0006622.")
        cli.add_als_argument(parser)

    def handle(self, *args, kenmerk, naar, reden, regeling, als, **options):
        actor = cli.trieerder(als)
        nummer = cli.signaalnummer(kenmerk)
        signaal = rechten.zichtbare_signalen(actor, Signaal.objects.all()).filter(pk=nummer).first()
        if signaal is None:
            raise CommandError(f"Signaal SIG-{nummer:06d} bestaat niet of is voor '{actor.username}' niet zichtbaar.")
        if signaal.eigenaar_id is not None:
            raise CommandError(f"{signaal.kenmerk} staat niet in de triage: het is al toegewezen aan "
                               f"{signaal.eigenaar.naam} ({signaal.eigenaar.afkorting}).")
        organisatie = Organisatie.objects.filter(afkorting__iexact=naar.strip()).first()
        if organisatie is None:
            raise CommandError(f"--naar: onbekende organisatie '{naar}'. Gebruik de afkorting, bijvoorbeeld 'uwv'.")
        gekozen_regeling = self._regeling(regeling)
        try:
            signaal = services.trieer(signaal, naar=organisatie, actor=actor, reden=reden, regeling=gekozen_regeling)
        except ValidationError as fout:
            regels = [f"{OPTIES.get(veld, veld)}: {melding}"
                      for veld, meldingen in fout.message_dict.items() for melding in meldingen]
            raise CommandError("\n".join(regels)) from None
        except (PermissionDenied, OngeldigeOvergang) as fout:
            raise CommandError(str(fout)) from None
        termijn = signaal.uiterste_reactiedatum
        self.stdout.write(f"{signaal.kenmerk} is toegewezen aan {signaal.eigenaar.naam} ({signaal.eigenaar.afkorting})"
                          + (f"; de reactietermijn loopt tot {termijn:%d-%m-%Y}." if termijn else ".")
                          + (f" Regeling: {signaal.regeling.bwb_id}." if signaal.regeling_id else ""))
        if gekozen_regeling is not None and signaal.regeling_id != gekozen_regeling.pk:
            self.stderr.write(f"Let op: het signaal noemde al regeling {signaal.regeling.bwb_id}; die is niet gewijzigd.")

    @staticmethod
    def _regeling(bwb_id: str | None):
        if bwb_id is None:
            return None
        waarde = bwb_id.strip().upper()
        if not re.fullmatch(BWB_ID_PATTERN, waarde):
            raise CommandError(f"--regeling: '{bwb_id}' is geen BWB-id: dat is 'BWBR' of 'BWBV' gevolgd door zeven "
                               "cijfers, bijvoorbeeld 'BWBR0006622'.")
        regeling = Regeling.objects.filter(bwb_id=waarde).first()
        if regeling is None:
            raise CommandError(f"--regeling: onbekende regeling '{waarde}': dit BWB-id staat niet in Schakel.")
        return regeling
