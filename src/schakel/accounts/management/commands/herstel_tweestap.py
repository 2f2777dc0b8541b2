"""``schakel herstel-tweestap <gebruikersnaam> --reden "..."``: an administrator turns two-step
verification off for a user who lost both their phone and their recovery codes (for staff for
whom it is mandatory, the only way back in). The user turns it on again at the next log-in."""

from __future__ import annotations

import getpass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakel.accounts import tweestap


class Command(BaseCommand):
    help = ("Zet tweestapsverificatie uit voor een gebruiker die telefoon en herstelcodes kwijt is. "
            "Vraagt een reden; staat in het auditspoor met wie het deed.")

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--reden", required=True,
                            help="Waarom, en hoe de identiteit van de gebruiker is vastgesteld (ten minste 10 tekens).")

    def handle(self, *args, gebruikersnaam, reden, **options):
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker '{gebruikersnaam}'.")
        if not tweestap.staat_aan(user) and not tweestap.herstelcodes_over(user):
            raise CommandError(f"Voor '{gebruikersnaam}' staat tweestapsverificatie niet aan; er is niets te herstellen.")
        try:
            tweestap.herstel_door_beheer(user, reden=reden, door=getpass.getuser())
        except ValidationError as fout:
            raise CommandError("--reden: " + " ".join(fout.message_dict.get("reden", fout.messages))) from None
        self.stdout.write(f"Tweestapsverificatie voor '{gebruikersnaam}' staat uit; herstelcodes zijn verwijderd. "
                          "De gebruiker kan haar bij het volgende inloggen opnieuw aanzetten.")
