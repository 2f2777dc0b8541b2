"""The append-only audit trail: every state change is an event; none is ever changed.

Events form a hash chain (see ``keten``): ``schakel controleer-audit`` detects any edited,
deleted, inserted or reordered event; on PostgreSQL a trigger refuses UPDATE and DELETE.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from . import keten


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or delete a recorded event."""


class GebeurtenisQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Gebeurtenissen in de audittrail kunnen niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Gebeurtenissen in de audittrail kunnen niet worden verwijderd.")

    def bulk_create(self, *args, **kwargs):
        raise AppendOnlyError("Gebeurtenissen gaan de keten in via trail.record of keten.verzegel.")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError("Gebeurtenissen in de audittrail kunnen niet worden gewijzigd.")

    def voor_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class Gebeurtenis(models.Model):
    """One recorded state change: who did what to which object, with before and after."""

    tijdstip = models.DateTimeField("tijdstip", db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="actor", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    actor_omschrijving = models.CharField(
        "actor (omschrijving)", max_length=200,
        help_text="Rol en organisatie van de actor, of 'systeem'; publiek toonbaar.",
    )
    actie = models.CharField("actie", max_length=60)
    object_type = models.CharField("objecttype", max_length=100)
    object_id = models.CharField("object-id", max_length=64)
    signaal = models.ForeignKey("signalen.Signaal", verbose_name="signaal", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="gebeurtenissen")
    voor = models.JSONField("voor", null=True, blank=True, encoder=DjangoJSONEncoder)
    na = models.JSONField("na", null=True, blank=True, encoder=DjangoJSONEncoder)
    toelichting = models.TextField("toelichting", blank=True)
    volgnummer = models.BigIntegerField("volgnummer", unique=True, editable=False,
                                        help_text="Plaats in de hashketen: 1, 2, 3, … zonder gaten.")
    vorige_hash = models.CharField("vorige hash", max_length=64, editable=False)
    hash = models.CharField("hash", max_length=64, editable=False,
                            help_text="SHA-256 over de inhoud en de vorige hash.")

    objects = GebeurtenisQuerySet.as_manager()

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "gebeurtenissen"
        ordering = ["tijdstip", "id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(volgnummer__gte=1), name="audit_volgnummer_positief")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actie} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Gebeurtenissen in de audittrail kunnen niet worden gewijzigd.")
        with transaction.atomic():
            velden = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}
            (rij,) = keten.verzegel([velden])
            self.volgnummer, self.vorige_hash, self.hash = rij["volgnummer"], rij["vorige_hash"], rij["hash"]
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Gebeurtenissen in de audittrail kunnen niet worden verwijderd.")


class Ketenkop(models.Model):
    """The head of the hash chain: one row, locked by every append (see ``keten``)."""

    volgnummer = models.BigIntegerField("laatste volgnummer", default=0)
    hash = models.CharField("laatste hash", max_length=64, default=keten.GENESIS)

    class Meta:
        verbose_name = "ketenkop"
        verbose_name_plural = "ketenkop"

    def __str__(self) -> str:
        return f"{self.volgnummer}: {self.hash}"
