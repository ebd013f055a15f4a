"""Storage for Hòm thư góp ý: SQLite through aiosqlite. Knows nothing of Telegram."""

from storage.database import Database, open_database
from storage.errors import (
    AreaClosed,
    AreaNotFound,
    DatabaseUnusable,
    DuplicateArea,
    FeedbackNotFound,
    InvalidAreaCode,
    InvalidName,
    SchemaTooNew,
    StorageError,
    TopicNotFound,
)
from storage.models import (
    Area,
    AreaSummary,
    Delivery,
    Feedback,
    FeedbackStatus,
    NewFeedback,
    Response,
    ResponseKind,
    StatusChange,
    Submitted,
    Topic,
)

__all__ = [
    "Area",
    "AreaClosed",
    "AreaNotFound",
    "AreaSummary",
    "Database",
    "DatabaseUnusable",
    "Delivery",
    "DuplicateArea",
    "Feedback",
    "FeedbackNotFound",
    "FeedbackStatus",
    "InvalidAreaCode",
    "InvalidName",
    "NewFeedback",
    "Response",
    "ResponseKind",
    "SchemaTooNew",
    "StatusChange",
    "StorageError",
    "Submitted",
    "Topic",
    "TopicNotFound",
    "open_database",
]
