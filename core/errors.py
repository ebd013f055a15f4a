"""Domain errors: what a storage backend raises on purpose, and the core passes on; each
channel (the bot, later the web) turns them into its own words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.models import EarlierAnswer, Proposal


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


class AgencyNotFound(StorageError):
    """No agency has that code (or it is closed, where an open one is needed)."""


class DuplicateAgency(StorageError):
    """An agency with that code exists already."""


class ProposalDecided(StorageError):
    """The proposal was decided already (a second press, or a colleague's)."""

    def __init__(self, proposal: Proposal) -> None:
        super().__init__(f"proposal {proposal.id} is {proposal.state}")
        self.proposal = proposal


class ProposalChanged(StorageError):
    """The proposal's text changed after the message pressed showed it (a template chosen by
    a colleague, an edit of the officer's reply): the press does not send it."""

    def __init__(self, proposal: Proposal) -> None:
        super().__init__(f"proposal {proposal.id} is at version {proposal.version}")
        self.proposal = proposal


class ProposalExpired(StorageError):
    """The proposal is older than ``PROPOSAL_LIFETIME``: it is not sent."""

    def __init__(self, proposal: Proposal) -> None:
        super().__init__(f"proposal {proposal.id} expired")
        self.proposal = proposal


class AnsweredMeanwhile(StorageError):
    """The feedback got an answer after this proposal was written: sending it too needs
    the officer's confirmation."""

    def __init__(self, proposal: Proposal, earlier: EarlierAnswer) -> None:
        super().__init__(f"feedback {proposal.code} answered meanwhile")
        self.proposal = proposal
        self.earlier = earlier


class ClosedMeanwhile(StorageError):
    """The feedback was set to "not handled" after the answer was proposed."""


class TooLate(StorageError):
    """The undo window of the answer is over: it is public and on its way."""


class NotResolved(StorageError):
    """Only a resolved feedback can be rated."""


class FeedbackClosed(StorageError):
    """The feedback is resolved or not handled: there is no deadline to extend."""


class TooManyChannels(Exception):
    """A feedback's answers already go to ``MOST_CHANNELS`` chats."""


class EmptySearch(StorageError):
    """A search with no word in it (nothing but spaces, punctuation or symbols)."""
