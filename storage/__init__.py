"""Storage for Hòm thư góp ý: SQLite through aiosqlite. Knows nothing of Telegram."""

from storage.database import Database, open_database
from storage.errors import (
    AreaClosed,
    AreaNotFound,
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
    Topic,
)

__all__ = [
    "Area",
    "AreaClosed",
    "AreaNotFound",
    "AreaSummary",
    "Database",
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
    "Topic",
    "TopicNotFound",
    "open_database",
]
