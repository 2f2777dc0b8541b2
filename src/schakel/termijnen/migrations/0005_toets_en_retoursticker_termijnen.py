"""Move the uitvoeringstoets terms (toetsen.Toetstermijn) and the retoursticker contact terms
(until now only the sticker's ``contact_uiterlijk`` and ``geescaleerd_op``) into the term
engine's Termijn.

* A Toetstermijn becomes a Termijn of kind ``uitvoeringstoets`` (phase beoordeling) or
  ``toetsantwoord`` (phase antwoord) with the same rung, addressee, dates and outcome; it
  was never extended, so its original due date is its due date.
* A retoursticker gets a term of kind ``retoursticker`` at the handlers' rung, due on its
  ``contact_uiterlijk``; if it was escalated, that term is closed ``geescaleerd`` at
  ``geescaleerd_op`` and a board term (the last rung) starts then; the term that was open
  when contact was recorded is closed ``beantwoord`` at ``contact_op``.

Reversible: backwards, the toets terms are copied back into Toetstermijn and the engine's
rows of these kinds are deleted (the stickers keep their own dates throughout).
"""

from django.db import migrations

from schakel.termijnen import kalender

BEHANDELAAR, BESTUUR = 1, 2
FASE_PER_SOORT = {"uitvoeringstoets": "beoordeling", "toetsantwoord": "antwoord"}
SOORT_PER_FASE = {fase: soort for soort, fase in FASE_PER_SOORT.items()}
STICKER_BESTUUR_WERKDAGEN = 10  # the board term after a missed call-back (informative: the last rung)


def vooruit(apps, schema_editor):
    Termijn = apps.get_model("termijnen", "Termijn")
    Toetstermijn = apps.get_model("toetsen", "Toetstermijn")
    Retoursticker = apps.get_model("noodrem", "Retoursticker")
    nieuw = [
        Termijn(soort=SOORT_PER_FASE[t.fase], uitvoeringstoets_id=t.uitvoeringstoets_id, trede=t.trede,
                organisatie_id=t.organisatie_id, rol=t.rol, gestart_op=t.gestart_op, werkdagen=t.werkdagen,
                oorspronkelijke_uiterste_datum=t.uiterste_datum, uiterste_datum=t.uiterste_datum,
                eindtrede=t.eindtrede, gesloten_op=t.gesloten_op, uitkomst=t.uitkomst)
        for t in Toetstermijn.objects.order_by("id").iterator()
    ]
    for s in Retoursticker.objects.order_by("id").iterator():
        werkdagen = max(1, kalender.werkdagen_tussen(kalender.lokale_datum(s.ingediend_op), s.contact_uiterlijk))
        eerste = Termijn(soort="retoursticker", retoursticker_id=s.pk, trede=BEHANDELAAR,
                         organisatie_id=s.organisatie_id, rol="behandelaar", gestart_op=s.ingediend_op,
                         werkdagen=werkdagen, oorspronkelijke_uiterste_datum=s.contact_uiterlijk,
                         uiterste_datum=s.contact_uiterlijk)
        nieuw.append(eerste)
        laatste = eerste
        if s.geescaleerd_op:
            eerste.gesloten_op, eerste.uitkomst = s.geescaleerd_op, "geescaleerd"
            uiterste = kalender.uiterste_datum(s.geescaleerd_op, STICKER_BESTUUR_WERKDAGEN)
            laatste = Termijn(soort="retoursticker", retoursticker_id=s.pk, trede=BESTUUR,
                              organisatie_id=s.organisatie_id, rol="bestuur", gestart_op=s.geescaleerd_op,
                              werkdagen=STICKER_BESTUUR_WERKDAGEN, oorspronkelijke_uiterste_datum=uiterste,
                              uiterste_datum=uiterste, eindtrede=True)
            nieuw.append(laatste)
        if s.contact_op:
            laatste.gesloten_op, laatste.uitkomst = s.contact_op, "beantwoord"
    Termijn.objects.bulk_create(nieuw, batch_size=1000)


def terug(apps, schema_editor):
    Termijn = apps.get_model("termijnen", "Termijn")
    Toetstermijn = apps.get_model("toetsen", "Toetstermijn")
    toets = Termijn.objects.filter(soort__in=FASE_PER_SOORT).order_by("id")
    Toetstermijn.objects.bulk_create([
        Toetstermijn(uitvoeringstoets_id=t.uitvoeringstoets_id, fase=FASE_PER_SOORT[t.soort], trede=t.trede,
                     organisatie_id=t.organisatie_id, rol=t.rol, gestart_op=t.gestart_op, werkdagen=t.werkdagen,
                     uiterste_datum=t.uiterste_datum, eindtrede=t.eindtrede, gesloten_op=t.gesloten_op,
                     uitkomst=t.uitkomst)
        for t in toets.iterator()
    ], batch_size=1000)
    Termijn.objects.filter(soort__in=[*FASE_PER_SOORT, "retoursticker"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("termijnen", "0004_generieke_termijnen"),
        ("toetsen", "0001_initial"),
        ("noodrem", "0003_retoursticker_escalatie_en_signaal"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
