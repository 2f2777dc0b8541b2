from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="GebruiktFormuliertoken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=64, unique=True, verbose_name="token")),
                ("gebruikt_op", models.DateTimeField(db_index=True, verbose_name="gebruikt op")),
                ("resultaat", models.CharField(blank=True, max_length=500, verbose_name="resultaat (adres)")),
            ],
            options={"verbose_name": "gebruikt formuliertoken", "verbose_name_plural": "gebruikte formuliertokens"},
        ),
    ]
