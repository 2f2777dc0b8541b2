"""The seven TCU causes as reference data, and the PostgreSQL full-text index."""

from django.db import migrations

OORZAKEN = [
    ("complexe-regels", "Complexe wet- en regelgeving",
     "Burgers en uitvoeringsorganisaties stuiten op complexe wet- en regelgeving."),
    ("signalen-niet-afgehandeld", "Signalen bereiken niet de juiste mensen",
     "Signalen over problemen bereiken niet de juiste mensen of worden niet goed afgehandeld."),
    ("blinde-vlek-kamer", "Blinde vlek van de Kamer",
     "De Tweede Kamer heeft een blinde vlek voor de uitvoering: te weinig informatie, kennis en interesse."),
    ("departementen-domineren", "Departementen domineren",
     "Departementen domineren in de relaties met Tweede Kamer en uitvoeringsorganisaties."),
    ("uitvoering-verwaarloosd", "Uitvoering verwaarloosd",
     "De Tweede Kamer en het kabinet hebben de uitvoering jarenlang 'verwaarloosd'."),
    ("kennis-professionals-onbenut", "Kennis van professionals onbenut",
     "Kennis van uitvoeringsprofessionals wordt onvoldoende benut voor verbetering en maatwerk."),
    ("geen-evaluatie", "Geen evaluatie van onbedoelde effecten",
     "Beleid wordt niet of nauwelijks geëvalueerd op onbedoelde effecten voor burgers."),
]

GIN_INDEX = (
    "CREATE INDEX IF NOT EXISTS signaal_zoektekst_gin ON signalen_signaal "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(zoektekst, ''::text)))"
)


def laad_oorzaken(apps, schema_editor):
    Oorzaak = apps.get_model("signalen", "Oorzaak")
    for volgorde, (code, naam, omschrijving) in enumerate(OORZAKEN, start=1):
        Oorzaak.objects.update_or_create(code=code, defaults={
            "naam": naam, "omschrijving": omschrijving, "volgorde": volgorde})


def maak_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GIN_INDEX)


def verwijder_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS signaal_zoektekst_gin")


class Migration(migrations.Migration):
    dependencies = [("signalen", "0001_initial")]

    operations = [
        migrations.RunPython(laad_oorzaken, migrations.RunPython.noop),
        migrations.RunPython(maak_zoekindex, verwijder_zoekindex),
    ]
