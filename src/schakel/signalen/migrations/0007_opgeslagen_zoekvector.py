"""PostgreSQL: store the search vector of each signal instead of computing it per row.

The GIN index of migration 0002 was an expression index on ``to_tsvector(zoektekst)``.
When a broad search's bitmap no longer fits in ``work_mem`` it turns lossy, and every row
on a lossy page had ``to_tsvector`` recomputed from its text; counting 10,000 matches of
a common word took 0.5–0.8 s at a million signals (docs/performance.md). A stored
generated column is computed once, on insert or update of ``zoektekst``, by PostgreSQL
itself (so bulk ``COPY`` fills it too), and the index is built on the column.

SQLite has no ``tsvector``; there ``schakel.signalen.zoeken`` keeps its whole-word LIKE.
The column is not a model field, so ordinary queries never read it.
"""

from django.db import migrations

KOLOM = (
    "ALTER TABLE signalen_signaal ADD COLUMN zoekvector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(zoektekst, ''::text))) STORED"
)
INDEX = "CREATE INDEX signaal_zoekvector_gin ON signalen_signaal USING gin (zoekvector)"
OUDE_INDEX = (
    "CREATE INDEX IF NOT EXISTS signaal_zoektekst_gin ON signalen_signaal "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(zoektekst, ''::text)))"
)


def sla_zoekvector_op(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(KOLOM)
        schema_editor.execute(INDEX)
        schema_editor.execute("DROP INDEX IF EXISTS signaal_zoektekst_gin")


def bereken_zoekvector_weer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OUDE_INDEX)
        schema_editor.execute("ALTER TABLE signalen_signaal DROP COLUMN IF EXISTS zoekvector")


class Migration(migrations.Migration):
    dependencies = [("signalen", "0006_lijst_indexen")]

    operations = [migrations.RunPython(sla_zoekvector_op, bereken_zoekvector_weer)]
