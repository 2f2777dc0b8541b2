"""Subscriptions to committees and organisations, next to regulations; a stable uuid.

Data story: every existing subscription follows a regulation and stays as it is; each gets
its own uuid (filled row by row, then made unique). New rows name a regulation or an
organisation (a committee is an organisation), never both.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _vul_uuid(apps, schema_editor):
    Abonnement = apps.get_model("knelpunten", "Abonnement")
    for abonnement in Abonnement.objects.filter(uuid__isnull=True).only("pk"):
        abonnement.uuid = uuid.uuid4()
        abonnement.save(update_fields=["uuid"])


class Migration(migrations.Migration):

    dependencies = [
        ('knelpunten', '0002_knelpunt_regeling_optioneel'),
        ('organisaties', '0001_initial'),
        ('regelingen', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='abonnement',
            options={'ordering': ['sinds', 'id'], 'verbose_name': 'abonnement', 'verbose_name_plural': 'abonnementen'},
        ),
        migrations.AddField(
            model_name='abonnement',
            name='organisatie',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='abonnementen', to='organisaties.organisatie', verbose_name='organisatie of kamercommissie'),
        ),
        migrations.AlterField(
            model_name='abonnement',
            name='regeling',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='abonnementen', to='regelingen.regeling', verbose_name='regeling'),
        ),
        migrations.AddConstraint(
            model_name='abonnement',
            constraint=models.UniqueConstraint(fields=('gebruiker', 'organisatie'), name='abonnement_organisatie_uniek'),
        ),
        migrations.AddConstraint(
            model_name='abonnement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('organisatie__isnull', True), ('regeling__isnull', False)), models.Q(('organisatie__isnull', False), ('regeling__isnull', True)), _connector='OR'), name='abonnement_een_onderwerp'),
        ),
        migrations.AddField(
            model_name="abonnement", name="uuid",
            field=models.UUIDField(null=True, editable=False, verbose_name="uuid"),
        ),
        migrations.RunPython(_vul_uuid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="abonnement", name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="uuid"),
        ),
    ]
