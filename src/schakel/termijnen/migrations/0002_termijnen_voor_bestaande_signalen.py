"""Give signals routed before terms were recorded their first term, so they can escalate."""

from django.db import migrations

BATCH = 1000


def eerste_termijnen(apps, schema_editor):
    from schakel.termijnen import kalender

    Signaal = apps.get_model("signalen", "Signaal")
    Termijn = apps.get_model("termijnen", "Termijn")
    zonder = (Signaal.objects.filter(status="in_behandeling", eigenaar__isnull=False,
                                     uiterste_reactiedatum__isnull=False, termijnen__isnull=True)
              .values_list("id", "eigenaar_id", "ingediend_op", "uiterste_reactiedatum"))
    nieuw, ids = [], []
    for signaal_id, eigenaar_id, ingediend_op, uiterste in list(zonder):
        start = kalender.lokale_datum(ingediend_op)
        nieuw.append(Termijn(signaal_id=signaal_id, trede=1, organisatie_id=eigenaar_id, rol="behandelaar",
                             gestart_op=ingediend_op, werkdagen=max(0, kalender.werkdagen_tussen(start, uiterste)),
                             oorspronkelijke_uiterste_datum=uiterste, uiterste_datum=uiterste))
        ids.append(signaal_id)
        if len(nieuw) >= BATCH:
            Termijn.objects.bulk_create(nieuw)
            Signaal.objects.filter(pk__in=ids).update(escalatietrede=1)
            nieuw, ids = [], []
    if nieuw:
        Termijn.objects.bulk_create(nieuw)
        Signaal.objects.filter(pk__in=ids).update(escalatietrede=1)


class Migration(migrations.Migration):
    dependencies = [("termijnen", "0001_initial")]

    operations = [migrations.RunPython(eerste_termijnen, migrations.RunPython.noop)]
