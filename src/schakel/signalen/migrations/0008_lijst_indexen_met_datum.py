"""List indexes that read newest first, also for the overdue (teLaat), and count index-only.

See ``Signaal.Meta.indexes`` and docs/performance.md. The new indexes are built before the
old ones are dropped, so lists never lose theirs.
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
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('eigenaar'), models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), name='signaal_eigenaar_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('indienende_organisatie'), models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), name='signaal_indiener_lijst_idx'),
        ),
        migrations.AddIndex(
            model_name='signaal',
            index=models.Index(models.F('status'), models.F('openbaar'), models.F('ingediend_op'), django.db.models.functions.comparison.Coalesce(django.db.models.functions.comparison.Least(django.db.models.functions.comparison.Coalesce('termijn_overschreden_op', 'uiterste_reactiedatum'), django.db.models.functions.comparison.Coalesce('uiterste_reactiedatum', 'termijn_overschreden_op')), models.Value(datetime.date(9999, 12, 31)), output_field=models.DateField()), name='signaal_status_lijst_idx'),
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
