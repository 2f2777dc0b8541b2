"""The hash chain, step 2: chain the events recorded before it existed, in the order they were written (id)."""

from django.db import migrations


def keten_op(apps, schema_editor):
    from schakel.audit import keten

    Gebeurtenis = apps.get_model("audit", "Gebeurtenis")
    Ketenkop = apps.get_model("audit", "Ketenkop")
    db = schema_editor.connection.alias
    volgnummer, vorige = 0, keten.GENESIS
    laatste_id = 0
    while True:
        batch = list(Gebeurtenis.objects.using(db).filter(id__gt=laatste_id).order_by("id")[:2000])
        if not batch:
            break
        for g in batch:
            volgnummer += 1
            velden = {f.attname: getattr(g, f.attname) for f in g._meta.concrete_fields}
            g.volgnummer, g.vorige_hash = volgnummer, vorige
            g.hash = vorige = keten.bereken_hash(velden, vorige)
        # The historical model has a plain manager: the append-only guard does not apply here.
        Gebeurtenis.objects.using(db).bulk_update(batch, ["volgnummer", "vorige_hash", "hash"])
        laatste_id = batch[-1].id
    Ketenkop.objects.using(db).update_or_create(pk=keten.KOP_ID, defaults={"volgnummer": volgnummer, "hash": vorige})


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_hashketen_velden"),
    ]

    operations = [
        migrations.RunPython(keten_op, migrations.RunPython.noop),
    ]
