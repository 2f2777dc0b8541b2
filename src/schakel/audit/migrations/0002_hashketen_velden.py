"""The hash chain, step 1: the columns (nullable until existing events are chained) and the head."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="gebeurtenis",
            name="volgnummer",
            field=models.BigIntegerField(editable=False, null=True, verbose_name="volgnummer",
                                         help_text="Plaats in de hashketen: 1, 2, 3, … zonder gaten."),
        ),
        migrations.AddField(
            model_name="gebeurtenis",
            name="vorige_hash",
            field=models.CharField(editable=False, max_length=64, default="", verbose_name="vorige hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="gebeurtenis",
            name="hash",
            field=models.CharField(editable=False, max_length=64, default="", verbose_name="hash",
                                   help_text="SHA-256 over de inhoud en de vorige hash."),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="Ketenkop",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("volgnummer", models.BigIntegerField(default=0, verbose_name="laatste volgnummer")),
                ("hash", models.CharField(default="0" * 64, max_length=64, verbose_name="laatste hash")),
            ],
            options={"verbose_name": "ketenkop", "verbose_name_plural": "ketenkop"},
        ),
    ]
