"""List indexes for lists, overdue lists and the figures per organisation, regulation or state.

The owner, filer and status indexes end in ``(ingediend_op, vroegste_termijndatum())`` and the two
deadline columns: lists are read newest first with the overdue test inside the index, and the
counts (``web.selecties.tellingen``) are index-only scans. The articles of a regulation are
counted from ``(regeling, openbaar, artikelen)``. See ``Signaal.Meta.indexes`` and
docs/performance.md. The new owner and filer indexes are built before the old ones are dropped.
"""

import datetime
import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisaties', '0001_initial'),
        ('regelingen', '0001_initial'),
        ('signalen', '0007_opgeslagen_zoekvector'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='signaal',
            name='signaal_regeling_datum_idx',
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('eigenaar'), models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), models.F('termijn_overschreden_op'), models.F('uiterste_reactiedatum'), name='signaal_eigenaar_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('indienende_organisatie'), models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), models.F('termijn_overschreden_op'), models.F('uiterste_reactiedatum'), name='signaal_indiener_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), models.F('termijn_overschreden_op'), models.F('uiterste_reactiedatum'), name='signaal_status_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('regeling'), models.F('ingediend_op'), models.F('openbaar'), models.F('status'), models.F('termijn_overschreden_op'), models.F('uiterste_reactiedatum'), name='signaal_regeling_datum_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(fields=['regeling', 'openbaar', 'artikelen'], name='signaal_regeling_artikel_idx'),
        ),
        migrations.RemoveIndex(
            model_name='signaal',
            name='signaal_eigenaar_status_idx',
        ),
        migrations.RemoveIndex(
            model_name='signaal',
            name='signaal_indiener_status_idx',
        ),
    ]
