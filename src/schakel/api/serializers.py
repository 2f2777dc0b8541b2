"""Representations of the API resources: Dutch names, camelCase attributes.

Output never contains a person's name or username: organisations (by afkorting) and
roles only. Input serializers check shape and types; the domain rules (deadlines,
commitments, a substantive explain) are checked by ``schakel.signalen.services``.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.fields import empty
from rest_framework.settings import api_settings

from schakel.organisaties.models import Kamer, OrganisatieSoort
from schakel.signalen import services
from schakel.signalen.models import (
    MAX_TEKST, Besluit, Grond, Niveau, Signaal, SignaalSoort, ToezeggingStatus,
)
from schakel.signalen.workflow import Status

from .fields import Datum, Getal, JaNee, Keuze, Lijst, OorzaakField, OrganisatieField, RegelingField, Tekst, signaaltekst
from .naming import camel_keys

MAX_OORZAKEN = 7
JSON_SOORTEN = {list: "een lijst", str: "tekst", int: "een getal", float: "een getal", bool: "true of false",
                type(None): "null"}


class Invoer(serializers.Serializer):
    # Base of the input serializers: the body (or a nested item) must be a JSON object.

    def run_validation(self, data=empty):
        if data is not empty and not isinstance(data, Mapping):
            soort = JSON_SOORTEN.get(type(data), type(data).__name__)
            raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [
                ErrorDetail(f"Stuur een JSON-object, geen {soort}.", code="invalid")]})
        return super().run_validation(data)


@extend_schema_field(OpenApiTypes.STR)
class Sleutel(serializers.SlugRelatedField):
    # A read-only reference to another object by its natural key.

    def __init__(self, slug_field: str, **kwargs):
        super().__init__(slug_field=slug_field, read_only=True, **kwargs)


class Afkorting(Sleutel):
    # A read-only reference to an organisation by its afkorting.

    def __init__(self, **kwargs):
        super().__init__("afkorting", **kwargs)


# --- reference data --------------------------------------------------------------------

class OrganisatieSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisatie-detail", lookup_field="afkorting")
    afkorting = serializers.CharField(read_only=True, help_text="Korte, unieke code, bijvoorbeeld 'uwv'.")
    naam = serializers.CharField(read_only=True)
    soort = serializers.ChoiceField(choices=OrganisatieSoort.choices, read_only=True)
    opdrachtgever = Afkorting(allow_null=True,
                              help_text="Afkorting van het ministerie dat opdrachtgever is van deze organisatie.")
    kamercommissie = Afkorting(allow_null=True,
                               help_text="Afkorting van de vaste Kamercommissie die dit ministerie controleert.")
    kamer = serializers.ChoiceField(choices=Kamer.choices, read_only=True, allow_blank=True,
                                    help_text="Alleen bij een Kamercommissie.")
    website = serializers.URLField(read_only=True, allow_blank=True)


class RegelingSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:regeling-detail", lookup_field="bwb_id",
                                               lookup_url_kwarg="bwbId")
    bwbId = serializers.CharField(source="bwb_id", read_only=True,
                                  help_text="Identificatie in het Basiswettenbestand, bijvoorbeeld 'BWBR0015703'.")
    titel = serializers.CharField(read_only=True)
    citeertitel = serializers.CharField(read_only=True, allow_blank=True)
    eigenaar = Afkorting(help_text="Afkorting van het ministerie dat eigenaar is en signalen beantwoordt.")
    kamercommissie = Afkorting(allow_null=True, help_text="Afkorting van de controlerende Kamercommissie.")
    uitvoerders = Afkorting(many=True, help_text="Afkortingen van de organisaties die de regeling uitvoeren.")
    wettenUrl = serializers.URLField(source="wetten_url", read_only=True,
                                     help_text="De regeling op wetten.overheid.nl.")


class OorzaakSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    naam = serializers.CharField(read_only=True)
    omschrijving = serializers.CharField(read_only=True)


# --- commitments and answers ------------------------------------------------------------

class ToezeggingSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:toezegging-detail", lookup_field="uuid")
    uuid = serializers.UUIDField(read_only=True)
    signaal = serializers.HyperlinkedRelatedField(view_name="api:signaal-detail", lookup_field="uuid",
                                                  read_only=True, help_text="Het signaal waarop de toezegging is gedaan.")
    organisatie = Afkorting(source="reactie.organisatie",
                                               help_text="Afkorting van de organisatie die de toezegging deed.")
    omschrijving = serializers.CharField(read_only=True, help_text="Wat er wordt gedaan.")
    eigenaar = serializers.CharField(read_only=True, help_text="Wie het doet (afdeling of functie).")
    uiterlijk = serializers.DateField(read_only=True, help_text="Uiterlijk wanneer het gebeurt.")
    status = serializers.ChoiceField(choices=ToezeggingStatus.choices, read_only=True)
    verlopen = serializers.BooleanField(source="is_verlopen", read_only=True,
                                        help_text="Open en de datum 'uiterlijk' is voorbij.")
    nagekomenOp = serializers.DateField(source="nagekomen_op", read_only=True, allow_null=True)
    toelichtingNakoming = serializers.CharField(source="toelichting_nakoming", read_only=True, allow_blank=True)


class ReactieSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    versie = serializers.IntegerField(read_only=True, help_text="1 voor de eerste reactie; elke herziening telt op.")
    besluit = serializers.ChoiceField(choices=Besluit.choices, read_only=True,
                                      help_text="'overnemen' (comply) of 'niet_overnemen' (explain).")
    toelichting = serializers.CharField(read_only=True)
    niveau = serializers.ChoiceField(choices=Niveau.choices, read_only=True)
    ondertekendDoor = serializers.CharField(
        source="ondertekend_door", read_only=True, allow_blank=True,
        help_text="Bij een politieke reactie: de bewindspersoon die tekent.",
    )
    organisatie = Afkorting(help_text="Afkorting van de organisatie die reageerde.")
    gegevenOp = serializers.DateTimeField(source="gegeven_op", read_only=True)
    toezeggingen = ToezeggingSerializer(many=True, read_only=True)


# --- signals ----------------------------------------------------------------------------

class NietOntvankelijkSerializer(serializers.Serializer):
    grond = serializers.ChoiceField(choices=Grond.choices, read_only=True,
                                    help_text="'spam', 'geen_overheidsregel' of 'dubbel'.")
    reden = serializers.CharField(read_only=True, help_text="De openbare reden van de eigenaar.")
    dubbelVan = serializers.HyperlinkedRelatedField(
        source="dubbel_van", view_name="api:signaal-detail", lookup_field="uuid", read_only=True, allow_null=True,
        help_text="Bij 'dubbel': het signaal waarvan dit een dubbel is (daar staat de reactie).")
    dubbelVanKenmerk = serializers.CharField(source="dubbel_van.kenmerk", read_only=True, allow_null=True,
                                             default=None)
    organisatie = Afkorting(help_text="De eigenaar die het signaal niet ontvankelijk verklaarde.")
    beslotenOp = serializers.DateTimeField(source="besloten_op", read_only=True)


class NieuwNietOntvankelijkSerializer(Invoer):  # input for declaring a signal not admissible
    grond = Keuze(choices=Grond.choices, help_text="'spam', 'geen_overheidsregel' of 'dubbel'.")
    reden = Tekst(max_length=MAX_TEKST,
                  help_text="De openbare reden: inhoudelijk (ten minste 100 tekens, geen standaardzinnen) en "
                            "zonder persoonsgegevens.")
    dubbelVan = Tekst(source="dubbel_van", required=False, allow_blank=True, default="", max_length=40,
                      help_text="Bij 'dubbel': het uuid of kenmerk (SIG-000012) van het signaal waarvan dit een "
                                "dubbel is; het moet bestaan en voor u zichtbaar zijn.")


class SignaalSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:signaal-detail", lookup_field="uuid")
    uuid = serializers.UUIDField(read_only=True)
    kenmerk = serializers.CharField(read_only=True, help_text="Menselijk leesbaar kenmerk, bijvoorbeeld 'SIG-000042'.")
    soort = serializers.ChoiceField(choices=SignaalSoort.choices, read_only=True)
    titel = serializers.CharField(read_only=True)
    praktijk = serializers.CharField(read_only=True, help_text="Wat er in de praktijk gebeurt.")
    getroffenBurgers = serializers.CharField(source="getroffen_burgers", read_only=True,
                                             help_text="Welke burgers worden geraakt.")
    aantalGetroffen = serializers.IntegerField(source="aantal_getroffen", read_only=True, allow_null=True,
                                               help_text="Geschat aantal getroffen burgers.")
    regeling = Sleutel("bwb_id", allow_null=True,
                       help_text="BWB-id van de regeling, of null als de indiener geen regeling noemde.")
    artikelen = serializers.CharField(read_only=True, allow_blank=True)
    verbetervoorstel = serializers.CharField(read_only=True, allow_blank=True)
    oorzaken = Sleutel("code", many=True,
                                            help_text="Codes van de oorzaken (TCU 'Klem tussen balie en beleid').")
    indienendeOrganisatie = Afkorting(source="indienende_organisatie", allow_null=True,
                                      help_text="Afkorting van de organisatie die het signaal indiende; leeg "
                                                 "bij een anonieme noodrem zonder organisatie en bij een signaal "
                                                 "uit retourstickers.")
    eigenaar = Afkorting(allow_null=True, help_text="Afkorting van de organisatie die moet reageren.")
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    openbaar = serializers.BooleanField(read_only=True)
    ingediendOp = serializers.DateTimeField(source="ingediend_op", read_only=True)
    uitersteReactiedatum = serializers.DateField(source="uiterste_reactiedatum", read_only=True, allow_null=True,
                                                 help_text="Uiterlijk op deze dag moet de eigenaar reageren.")
    beantwoordOp = serializers.DateTimeField(source="beantwoord_op", read_only=True, allow_null=True)
    teLaat = serializers.BooleanField(source="te_laat", read_only=True,
                                      help_text="Nog niet beantwoord en een uiterste reactiedatum is verstreken.")
    termijnOverschredenOp = serializers.DateField(
        source="termijn_overschreden_op", read_only=True, allow_null=True,
        help_text="De eerste uiterste reactiedatum die verstreek zonder reactie, of null.",
    )
    escalatietrede = serializers.IntegerField(
        read_only=True, allow_null=True, min_value=1, max_value=5,
        help_text="Hoe hoog het verzoek op de escalatieladder staat: 1 behandelaar, 2 bestuur, "
                  "3 ministerie (DG/SG), 4 bewindspersoon, 5 Kamercommissie.",
    )
    actueleReactie = serializers.SerializerMethodField(help_text="De laatste versie van de reactie, of null.")
    nietOntvankelijk = serializers.SerializerMethodField(
        help_text="Als de eigenaar het signaal niet ontvankelijk verklaarde (status 'niet_ontvankelijk'): "
                  "grond, openbare reden en bij een dubbel het andere signaal; anders null.")

    @extend_schema_field(NietOntvankelijkSerializer(allow_null=True))
    def get_nietOntvankelijk(self, signaal: Signaal):
        if signaal.status != Status.NIET_ONTVANKELIJK:
            return None
        besluit = getattr(signaal, "niet_ontvankelijk", None)
        return NietOntvankelijkSerializer(besluit, context=self.context).data if besluit else None

    @extend_schema_field(ReactieSerializer(allow_null=True))
    def get_actueleReactie(self, signaal: Signaal):
        reacties = list(signaal.reacties.all())  # prefetched by the view
        if not reacties:
            return None
        return ReactieSerializer(max(reacties, key=lambda r: r.versie), context=self.context).data


class NieuwSignaalSerializer(Invoer):  # input for filing a signal

    soort = Keuze(choices=SignaalSoort.choices, default=SignaalSoort.SIGNAAL,
                  help_text="'signaal', of 'noodrem' voor een noodrem (kortste termijn).")
    titel = signaaltekst("titel", max_length=Signaal._meta.get_field("titel").max_length)
    praktijk = signaaltekst("praktijk", max_length=MAX_TEKST, help_text="Wat er in de praktijk gebeurt.")
    getroffenBurgers = signaaltekst("getroffen_burgers", source="getroffen_burgers", max_length=2000,
                                    help_text="Welke burgers worden geraakt.")
    aantalGetroffen = Getal(source="aantal_getroffen", required=False, allow_null=True, min_value=0,
                            max_value=20_000_000, help_text="Geschat aantal getroffen burgers.")
    regeling = RegelingField(required=False, allow_null=True, default=None,
                             help_text="BWB-id van de regeling, bijvoorbeeld 'BWBR0019057'. Optioneel: zonder regeling "
                                       "gaat het signaal naar `eigenaar`, naar het advies van de routering "
                                       "(`volgAdvies`) of naar de triage. Zie /routeringsadvies.")
    eigenaar = OrganisatieField(required=False, allow_null=True, default=None,
                                help_text="Zonder regeling: afkorting van de organisatie die moet reageren. Met een "
                                          "regeling reageert altijd de eigenaar van die regeling: een andere "
                                          "organisatie geeft 400.")
    volgAdvies = JaNee(source="volg_advies", required=False, default=False,
                       help_text="Alleen zonder regeling en eigenaar: stuur het signaal naar de organisatie die de "
                                 "routering voorstelt, als die zeker genoeg is; anders gaat het naar de triage.")
    artikelen = Tekst(required=False, allow_blank=True, default="",
                      max_length=Signaal._meta.get_field("artikelen").max_length,
                      help_text="Bijvoorbeeld 'art. 35 lid 2; art. 36'.")
    verbetervoorstel = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)
    oorzaken = Lijst(child=OorzaakField(), required=False, default=list, max_length=MAX_OORZAKEN,
                     help_text="Codes van oorzaken, zie /oorzaken.")
    indienendeOrganisatie = OrganisatieField(
        source="indienende_organisatie", required=False,
        help_text="Afkorting van de indienende organisatie; standaard die van de ingelogde gebruiker.",
    )
    openbaar = JaNee(required=False, default=True,
                     help_text="Openbare signalen en hun reacties zijn voor iedereen zichtbaar.")


class NieuweToezeggingSerializer(Invoer):
    omschrijving = Tekst(max_length=2000, help_text="Wat er wordt gedaan.")
    eigenaar = Tekst(max_length=200, help_text="Wie het doet (afdeling of functie, geen persoonsnaam).")
    uiterlijk = Datum(help_text="Uiterlijk wanneer; vandaag of later.")


class NieuweReactieSerializer(Invoer):  # input for an answer or a revision

    besluit = Keuze(choices=Besluit.choices, help_text="'overnemen' (comply) of 'niet_overnemen' (explain).")
    toelichting = Tekst(max_length=MAX_TEKST, allow_blank=True,
                        help_text="Bij overnemen: wat er gebeurt. Bij niet overnemen: een inhoudelijke reden.")
    niveau = Keuze(choices=Niveau.choices, default=Niveau.AMBTELIJK)
    ondertekendDoor = Tekst(source="ondertekend_door", required=False, allow_blank=True, default="", max_length=200,
                            help_text="Verplicht bij een politieke reactie: de bewindspersoon die tekent.")
    toezeggingen = Lijst(child=NieuweToezeggingSerializer(), required=False, default=list,
                         max_length=services.MAX_TOEZEGGINGEN,
                         help_text="Verplicht bij overnemen: wat, door wie, uiterlijk wanneer.")


class RouteringsvraagSerializer(Invoer):  # input for a routing suggestion
    titel = Tekst(max_length=Signaal._meta.get_field("titel").max_length)
    praktijk = Tekst(max_length=MAX_TEKST, help_text="Wat er in de praktijk gebeurt.")
    getroffenBurgers = Tekst(source="getroffen_burgers", required=False, allow_blank=True, default="",
                             max_length=2000)
    verbetervoorstel = Tekst(required=False, allow_blank=True, default="", max_length=MAX_TEKST)


class KandidaatSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text="Afkorting van de organisatie, of code van de oorzaak.")
    naam = serializers.CharField(read_only=True)
    kans = serializers.FloatField(read_only=True, help_text="Zekerheid van het model, 0 tot 1.")


class RouteringsadviesSerializer(serializers.Serializer):
    eigenaren = KandidaatSerializer(many=True, read_only=True, help_text="Voorgestelde eigenaren, beste eerst.")
    oorzaken = KandidaatSerializer(many=True, read_only=True, help_text="Waarschijnlijke oorzaken (TCU).")
    regelingen = KandidaatSerializer(many=True, read_only=True,
                                     help_text="Waarschijnlijke regelingen (code: BWB-id), naar de regelingen van de "
                                               "meest gelijkende openbare signalen.")
    zeker = serializers.BooleanField(read_only=True,
                                     help_text="Of de beste eigenaar zeker genoeg is om het advies te volgen.")
    modelversie = serializers.CharField(read_only=True, allow_blank=True,
                                        help_text="Versie van het routeringsmodel; leeg als er geen model is.")
    melding = serializers.CharField(read_only=True, allow_blank=True,
                                    help_text="Uitleg als er geen (zeker) advies is.")


class NieuweToewijzingSerializer(Invoer):  # input for routing a signal from the triage queue
    naar = OrganisatieField(help_text="Afkorting van de organisatie die moet reageren.")
    reden = Tekst(max_length=2000, help_text="Waarom het signaal bij die organisatie hoort (openbaar).")
    regeling = RegelingField(required=False, allow_null=True, default=None,
                             help_text="Optioneel: het BWB-id van de regeling waarover het signaal gaat.")


class NieuweDoorverwijzingSerializer(Invoer):
    naar = OrganisatieField(help_text="Afkorting van de organisatie die het signaal moet beantwoorden.")
    reden = Tekst(max_length=2000, help_text="Waarom het signaal bij die organisatie hoort (openbaar).")


class DoorverwijzingSerializer(serializers.Serializer):
    signaal = serializers.URLField(read_only=True, help_text="Het doorgestuurde signaal.")
    van = serializers.CharField(read_only=True, allow_null=True, help_text="Afkorting van de vorige eigenaar.")
    naar = serializers.CharField(read_only=True, help_text="Afkorting van de nieuwe eigenaar.")
    reden = serializers.CharField(read_only=True)
    tijdstip = serializers.DateTimeField(read_only=True)


class NakomingSerializer(Invoer):
    toelichting = Tekst(max_length=MAX_TEKST, help_text="Wat er is gedaan.")


# --- audit trail ------------------------------------------------------------------------

@extend_schema_field({"type": "object", "additionalProperties": True, "nullable": True})
class _Momentopname(serializers.Field):
    def to_representation(self, value):
        return camel_keys(value)


class GebeurtenisSerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField(read_only=True)
    actie = serializers.CharField(
        read_only=True,
        help_text="ingediend, gerouteerd, doorgestuurd, beantwoord, herzien, toezegging_nagekomen, …",
    )
    actor = serializers.CharField(source="actor_omschrijving", read_only=True,
                                  help_text="Rol en organisatie van wie het deed, of 'systeem'; nooit een naam.")
    toelichting = serializers.CharField(read_only=True, allow_blank=True)
    voor = _Momentopname(read_only=True, help_text="Toestand vóór de gebeurtenis.")
    na = _Momentopname(read_only=True, help_text="Toestand na de gebeurtenis.")

