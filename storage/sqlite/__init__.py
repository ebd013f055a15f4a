"""The SQLite backend of the storage contract: one aiosqlite connection, WAL, numbered
migrations, the repositories, FTS5 search and the report queries. Only this folder speaks
SQLite; what leaves it is plain data from ``core.models`` or an error from
``core.errors``."""
