"""Indexes for web pages at a million signals (docs/performance.md, "Web pages at 1,000,000 signals"):
the overdue overview reads unanswered signals in overdue order, the answers feed the newest answers."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisaties', '0001_initial'),
        ('regelingen', '0001_initial'),
        ('signalen', '0008_lijst_indexen_met_datum'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='reactie',
            index=models.Index(fields=['-gegeven_op', '-id'], name='reactie_datum_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(condition=models.Q(('status', 'in_behandeling')), fields=['termijn_overschreden_op', 'uiterste_reactiedatum', 'id'], name='signaal_te_laat_idx'),
        ),
    ]
