"""Full-text search over post bodies: SQLite FTS5 (external-content table kept in sync by
triggers) on the embedded default, a GIN expression index on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS social_post_fts USING fts5(
           body, content='social_post', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS social_post_fts_ai AFTER INSERT ON social_post BEGIN
           INSERT INTO social_post_fts(rowid, body) VALUES (new.id, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS social_post_fts_ad AFTER DELETE ON social_post BEGIN
           INSERT INTO social_post_fts(social_post_fts, rowid, body) VALUES ('delete', old.id, old.body); END""",
    """CREATE TRIGGER IF NOT EXISTS social_post_fts_au AFTER UPDATE OF body ON social_post BEGIN
           INSERT INTO social_post_fts(social_post_fts, rowid, body) VALUES ('delete', old.id, old.body);
           INSERT INTO social_post_fts(rowid, body) VALUES (new.id, new.body); END""",
    "INSERT INTO social_post_fts(social_post_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS social_post_fts_ai",
    "DROP TRIGGER IF EXISTS social_post_fts_ad",
    "DROP TRIGGER IF EXISTS social_post_fts_au",
    "DROP TABLE IF EXISTS social_post_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS social_post_body_fts ON social_post USING GIN (to_tsvector('simple', body))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS social_post_body_fts"]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("social", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
