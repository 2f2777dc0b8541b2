"""Search text by lemmas and compound parts (``schakel.core.analyse``) instead of Snowball
stems: every stored ``zoektekst`` is recomputed, in batches (see ``herindexeren``). At a
million signals this takes minutes; ``schakel herindexeer-zoektekst`` does the same with
progress, and is safe to run again."""

from django.db import migrations


def herindexeer(apps, schema_editor):
    from schakel.signalen.herindexeren import SIGNAALVELDEN, herindexeer, signaaltekst

    Signaal = apps.get_model("signalen", "Signaal")
    herindexeer(Signaal.objects.using(schema_editor.connection.alias).only("pk", *SIGNAALVELDEN), signaaltekst)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on its own

    dependencies = [("signalen", "0009_pagina_indexen")]

    operations = [migrations.RunPython(herindexeer, migrations.RunPython.noop, elidable=True)]
