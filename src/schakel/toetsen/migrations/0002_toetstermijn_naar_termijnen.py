"""Toetstermijn is gone: its rows now live in the term engine's Termijn (termijnen 0004)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('toetsen', '0001_initial'),
        ('termijnen', '0005_toets_en_retoursticker_termijnen'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Toetstermijn',
        ),
    ]
