"""Domain errors raised by storage; the bot layer turns them into messages."""


class StorageError(Exception):
    """Base class of every error storage raises on purpose."""


class SchemaTooNew(StorageError):
    """The database was written by a newer version of the bot."""


class AreaNotFound(StorageError):
    """No area has that code."""


class AreaClosed(StorageError):
    """The area exists but does not take feedback now."""


class DuplicateArea(StorageError):
    """An area with that code exists already."""


class TopicNotFound(StorageError):
    """No topic has that number, or it is closed."""


class FeedbackNotFound(StorageError):
    """No feedback has that reference code."""


class InvalidName(StorageError):
    """A name is empty or too long."""


class InvalidAreaCode(StorageError):
    """An area code does not match ``[a-z0-9_-]{1,32}``."""


class DatabaseUnusable(StorageError):
    """The database file exists but cannot be used as it is (empty, not SQLite, damaged).

    The message says what is wrong and how to restore a backup, in one line.
    """


class StorageUnavailable(StorageError):
    """The store could not do what was asked: it cannot be opened, read or written (a
    missing folder, no permission, a full disk, a file that is not a database).

    The message is the backend's own description, as operators read it before.
    """


class StorageBusy(StorageUnavailable):
    """Another writer held the store longer than we could wait: trying again later may work.

    A kind of ``StorageUnavailable``, so a caller that only needs "it did not work now"
    catches that one.
    """


class InvalidLabel(StorageError):
    """A topic's short label is empty or too long for a button, or its emoji is not one."""


class TopicOrderInvalid(StorageError):
    """An order of topics that does not name every open topic exactly once."""

    def __init__(
        self,
        *,
        missing: tuple[int, ...] = (),
        repeated: tuple[int, ...] = (),
        unknown: tuple[int, ...] = (),
        closed: tuple[int, ...] = (),
    ) -> None:
        super().__init__(
            f"missing={missing} repeated={repeated} unknown={unknown} closed={closed}"
        )
        self.missing = missing
        self.repeated = repeated
        self.unknown = unknown
        self.closed = closed


class PromptClosed(StorageError):
    """A prompt asking staff for a reason, a result or a place was answered or cancelled
    already: a reply to it is not used."""


class PromptOutdated(StorageError):
    """The feedback's status changed since the prompt was asked: a reply to it is not
    used."""


class RewordTooLate(StorageError):
    """The status change a reply made is out of its undo window, or another one came after
    it: an edit of the reply cannot change what the resident reads."""

    def __init__(self, feedback_id: int) -> None:
        super().__init__(f"feedback {feedback_id}: the status change is past its undo window")
        self.feedback_id = feedback_id
