"""The only package that speaks SQL: the embedded SQLite store (``Store``), its migrations, and the
outbox's queries."""

from bot.store.database import Store
from bot.store.migrations import MIGRATIONS, SCHEMA_VERSION, NoDatabase, OlderDatabase, StoreError, WrongDatabase

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "NoDatabase", "OlderDatabase", "Store", "StoreError", "WrongDatabase"]
