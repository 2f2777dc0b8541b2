"""The hash chain, step 3: every event has a place in the chain."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_hashketen_bestaande"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gebeurtenis",
            name="volgnummer",
            field=models.BigIntegerField(editable=False, unique=True, verbose_name="volgnummer",
                                         help_text="Plaats in de hashketen: 1, 2, 3, … zonder gaten."),
        ),
        migrations.AddConstraint(
            model_name="gebeurtenis",
            constraint=models.CheckConstraint(condition=models.Q(volgnummer__gte=1),
                                              name="audit_volgnummer_positief"),
        ),
    ]
