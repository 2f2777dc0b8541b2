"""Signaal.regeling becomes optional; a permission for the triage queue.

Data story: every existing signal names its regulation and keeps it; nothing is rewritten.
From now on a filer may leave it empty: the text router suggests the owner, or the signal
waits in the triage queue. Going back refuses while any signal has no regulation (a
handler must first name one), instead of silently deleting or inventing data.
"""

import django.db.models.deletion
from django.db import migrations, models


def _geen_signalen_zonder_regeling(apps, schema_editor):
    Signaal = apps.get_model("signalen", "Signaal")
    zonder = Signaal.objects.filter(regeling__isnull=True).count()
    if zonder:
        raise RuntimeError(f"{zonder} signalen noemen geen regeling; geef ze eerst een regeling "
                           "voordat deze migratie wordt teruggedraaid.")


class Migration(migrations.Migration):

    dependencies = [
        ('regelingen', '0001_initial'),
        ('signalen', '0004_indienende_organisatie_optioneel'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _geen_signalen_zonder_regeling),
        migrations.AlterModelOptions(
            name='signaal',
            options={'ordering': ['-ingediend_op', '-id'], 'permissions': [('trieren', 'Kan signalen zonder eigenaar routeren (triage)')], 'verbose_name': 'signaal', 'verbose_name_plural': 'signalen'},
        ),
        migrations.AlterField(
            model_name='signaal',
            name='regeling',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='signalen', to='regelingen.regeling', verbose_name='regeling'),
        ),
    ]
