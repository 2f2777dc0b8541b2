"""``schakel api-token <gebruikersnaam>``: a new API token, printed once on standard output (only
the key, so scripts can capture it); ``--roteer`` revokes the user's working tokens at the same
time; ``--intrekken <begin>`` revokes one; ``--lijst`` shows the tokens (never a key)."""

from __future__ import annotations

import getpass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakel.accounts import apitokens
from schakel.core import clock


class Command(BaseCommand):
    help = ("Maak een API-token voor een gebruiker (de sleutel staat eenmalig op standaarduitvoer), "
            "vervang (--roteer), trek in (--intrekken) of toon (--lijst) tokens.")

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--naam", default="", help="Waarvoor het token is, bijvoorbeeld 'koppeling zaaksysteem'.")
        parser.add_argument("--dagen", type=int, default=None,
                            help="Zoveel dagen geldig (standaard SCHAKEL_API_TOKEN_DAGEN).")
        groep = parser.add_mutually_exclusive_group()
        groep.add_argument("--roteer", action="store_true",
                           help="Trek de werkende tokens van deze gebruiker in en maak een nieuw.")
        groep.add_argument("--intrekken", metavar="BEGIN", help="Trek het token in dat met deze tekens begint.")
        groep.add_argument("--lijst", action="store_true", help="Toon de tokens van deze gebruiker (zonder sleutel).")

    def handle(self, *args, gebruikersnaam, naam, dagen, roteer, intrekken, lijst, **options):
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker '{gebruikersnaam}'.")
        door = f"beheerder ({getpass.getuser()}) met schakel api-token"
        if lijst:
            nu = clock.now()
            for token in user.api_tokens.all():
                staat = ("ingetrokken" if token.ingetrokken_op else "verlopen" if token.verloopt_op <= nu else "werkt")
                self.stdout.write(f"{token.voorvoegsel}…  {staat:11}  verloopt {token.verloopt_op:%Y-%m-%d}  {token.naam}")
            return
        if intrekken:
            tokens = list(apitokens.actief(user.api_tokens.filter(voorvoegsel__startswith=intrekken[:apitokens.VOORVOEGSEL])))
            if len(tokens) != 1:
                raise CommandError(f"Geen of meer dan één werkend token van '{gebruikersnaam}' begint met '{intrekken}'.")
            apitokens.trek_in(tokens[0], door=door)
            self.stderr.write(f"Token {tokens[0].voorvoegsel}… van '{gebruikersnaam}' is ingetrokken.")
            return
        try:
            if roteer:
                token, sleutel = apitokens.roteer(user, naam=naam or None, dagen=dagen, door=door)
            else:
                token, sleutel = apitokens.maak(user, naam=naam, dagen=dagen, door=door)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stderr.write(f"Nieuw token voor '{gebruikersnaam}', geldig tot {token.verloopt_op:%Y-%m-%d}. "
                          "De sleutel staat hieronder en wordt niet bewaard: kopieer hem nu.")
        self.stdout.write(sleutel)
