"""Casusprudentie is searched with the same analyser as signals (``schakel.core.analyse``):
recompute every conclusion's ``zoektekst``."""

from django.db import migrations


def herindexeer(apps, schema_editor):
    from schakel.maatwerkplaats.pseudoniem import zoektekst
    from schakel.signalen.herindexeren import herindexeer

    Conclusie = apps.get_model("maatwerkplaats", "Conclusie")
    herindexeer(Conclusie.objects.using(schema_editor.connection.alias)
                .select_related("beraad__casus__regeling").prefetch_related("beginselen"), zoektekst)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("maatwerkplaats", "0002_solve_geadresseerde_herhalingsmelding"),
                    ("signalen", "0010_zoektekst_lemmas")]

    operations = [migrations.RunPython(herindexeer, migrations.RunPython.noop, elidable=True)]
