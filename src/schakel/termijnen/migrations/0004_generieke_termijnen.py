"""One term model for every deadline: a kind (soort), a subject per kind (nullable foreign
keys), suspension, and the sweep index per kind. See schakel.termijnen.engine."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('noodrem', '0003_retoursticker_escalatie_en_signaal'),
        ('organisaties', '0001_initial'),
        ('signalen', '0009_pagina_indexen'),
        ('termijnen', '0003_uitkomst_niet_ontvankelijk'),
        ('toetsen', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='termijn',
            name='termijn_sweep_idx',
        ),
        migrations.AddField(
            model_name='termijn',
            name='opgeschort_op',
            field=models.DateTimeField(blank=True, help_text='Loopt de termijn niet (opgeschort, bijvoorbeeld in afwachting van een antwoord van de melder)?', null=True, verbose_name='opgeschort op'),
        ),
        migrations.AddField(
            model_name='termijn',
            name='opgeschorte_werkdagen',
            field=models.PositiveSmallIntegerField(db_default=0, default=0, help_text='Werkdagen die de termijn in totaal opgeschort was; zo veel schoof de uiterste datum op.', verbose_name='opgeschorte werkdagen'),
        ),
        migrations.AddField(
            model_name='termijn',
            name='retoursticker',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='termijnen', to='noodrem.retoursticker', verbose_name='retoursticker'),
        ),
        migrations.AddField(
            model_name='termijn',
            name='soort',
            field=models.CharField(db_default='signaal', default='signaal', help_text='De soort termijn (zie schakel.termijnen.engine): bepaalt ladder en termijnen.', max_length=30, verbose_name='soort termijn'),
        ),
        migrations.AddField(
            model_name='termijn',
            name='uitvoeringstoets',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='termijnen', to='toetsen.uitvoeringstoets', verbose_name='uitvoeringstoets'),
        ),
        migrations.AlterField(
            model_name='termijn',
            name='signaal',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='termijnen', to='signalen.signaal', verbose_name='signaal'),
        ),
        migrations.AlterField(
            model_name='termijn',
            name='uitkomst',
            field=models.CharField(blank=True, choices=[('beantwoord', 'Beantwoord'), ('geescaleerd', 'Termijn overschreden, geëscaleerd'), ('niet_ontvankelijk', 'Signaal niet ontvankelijk verklaard'), ('afgerond', 'Op tijd of te laat afgerond'), ('vervallen', 'Vervallen: het voorstel is gewijzigd')], max_length=20, verbose_name='uitkomst'),
        ),
        migrations.AddIndex(
            model_name='termijn',
            index=models.Index(condition=models.Q(('eindtrede', False), ('gesloten_op__isnull', True), ('opgeschort_op__isnull', True)), fields=['soort', 'uiterste_datum', 'id'], name='termijn_sweep_idx'),
        ),
        migrations.AddConstraint(
            model_name='termijn',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('retoursticker__isnull', True), ('signaal__isnull', False), ('uitvoeringstoets__isnull', True)), models.Q(('retoursticker__isnull', True), ('signaal__isnull', True), ('uitvoeringstoets__isnull', False)), models.Q(('retoursticker__isnull', False), ('signaal__isnull', True), ('uitvoeringstoets__isnull', True)), _connector='OR'), name='termijn_een_onderwerp'),
        ),
        migrations.AddConstraint(
            model_name='termijn',
            constraint=models.UniqueConstraint(fields=('uitvoeringstoets', 'soort', 'trede'), name='termijn_toets_een_per_trede'),
        ),
        migrations.AddConstraint(
            model_name='termijn',
            constraint=models.UniqueConstraint(condition=models.Q(('gesloten_op__isnull', True)), fields=('uitvoeringstoets',), name='termijn_toets_een_open'),
        ),
        migrations.AddConstraint(
            model_name='termijn',
            constraint=models.UniqueConstraint(fields=('retoursticker', 'trede'), name='termijn_sticker_een_per_trede'),
        ),
        migrations.AddConstraint(
            model_name='termijn',
            constraint=models.UniqueConstraint(condition=models.Q(('gesloten_op__isnull', True)), fields=('retoursticker',), name='termijn_sticker_een_open'),
        ),
    ]
