"""PostgreSQL: the database itself refuses UPDATE and DELETE on the audit trail.

A row-level trigger raises for every UPDATE or DELETE of ``audit_gebeurtenis``, whoever
sends it (the app, psql, a migration). TRUNCATE is not blocked, so that test databases can
be flushed; ``schakel verify-audit`` detects a truncated trail through the chain head.
On SQLite the model and queryset guards apply; ``verify-audit`` detects the rest.
"""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION audit_gebeurtenis_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_gebeurtenis is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

TRIGGER = """
CREATE TRIGGER audit_gebeurtenis_alleen_toevoegen
BEFORE UPDATE OR DELETE ON audit_gebeurtenis
FOR EACH ROW EXECUTE FUNCTION audit_gebeurtenis_alleen_toevoegen();
"""

TERUG = """
DROP TRIGGER IF EXISTS audit_gebeurtenis_alleen_toevoegen ON audit_gebeurtenis;
DROP FUNCTION IF EXISTS audit_gebeurtenis_alleen_toevoegen();
"""


def maak(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE, params=None)
        schema_editor.execute(TRIGGER, params=None)


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0004_hashketen_verplicht"),
    ]

    operations = [
        migrations.RunPython(maak, verwijder),
    ]
