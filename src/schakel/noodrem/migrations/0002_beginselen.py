"""The principles of good administration (algemene beginselen van behoorlijk bestuur), as editable data."""

from django.db import migrations

BEGINSELEN = [
    ("evenredigheid", "Evenredigheid",
     "De gevolgen voor de burger mogen niet onevenredig zijn in verhouding tot het doel (Awb 3:4 lid 2)."),
    ("zorgvuldigheid", "Zorgvuldigheid",
     "Het besluit wordt zorgvuldig voorbereid: de relevante feiten en belangen worden verzameld (Awb 3:2)."),
    ("rechtszekerheid", "Rechtszekerheid",
     "Burgers moeten kunnen weten waar zij aan toe zijn; regels en besluiten zijn duidelijk en voorspelbaar."),
    ("gelijkheid", "Gelijkheid",
     "Gelijke gevallen worden gelijk behandeld (Grondwet art. 1)."),
    ("motivering", "Motivering",
     "Een besluit berust op een deugdelijke, kenbare motivering (Awb 3:46)."),
    ("vertrouwen", "Vertrouwensbeginsel",
     "Gerechtvaardigde verwachtingen die de overheid wekte, worden gehonoreerd."),
    ("fair-play", "Fair play",
     "De overheid handelt onpartijdig en geeft de burger de gelegenheid zijn standpunt naar voren te brengen."),
    ("belangenafweging", "Belangenafweging",
     "Alle betrokken belangen worden afgewogen (Awb 3:4 lid 1)."),
    ("detournement-de-pouvoir", "Verbod van détournement de pouvoir",
     "Een bevoegdheid wordt niet gebruikt voor een ander doel dan waarvoor zij is gegeven (Awb 3:3)."),
]


def laad(apps, schema_editor):
    Beginsel = apps.get_model("noodrem", "Beginsel")
    for volgorde, (code, naam, omschrijving) in enumerate(BEGINSELEN, start=1):
        Beginsel.objects.update_or_create(code=code, defaults={"naam": naam, "omschrijving": omschrijving,
                                                               "volgorde": volgorde})


def verwijder(apps, schema_editor):
    apps.get_model("noodrem", "Beginsel").objects.filter(code__in=[b[0] for b in BEGINSELEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("noodrem", "0001_initial")]
    operations = [migrations.RunPython(laad, verwijder)]
