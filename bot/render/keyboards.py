"""Inline keyboards and their callback data. Big buttons: one or two a row."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from storage import Area, FeedbackStatus, Topic
from texts import Texts

AREA_PREFIX = "area:"
TOPIC_PREFIX = "topic:"
LANGUAGE_PREFIX = "lang:"
PREVIEW = "draft:preview"
SEND = "draft:send"
EDIT = "draft:edit"
EDIT_MORE = "draft:edit:more"
EDIT_OVER = "draft:edit:over"
EDIT_OVER_YES = "draft:edit:over:yes"
EDIT_BACK = "draft:edit:back"
CANCEL = "draft:cancel"
CANCEL_YES = "draft:cancel:yes"
CANCEL_NO = "draft:cancel:no"
RESTART_YES = "restart:yes"
RESTART_NO = "restart:no"


# Ids in callback data are row ids: at most 15 digits, so they always bind in SQLite.
_ID = re.compile(r"[0-9]{1,15}")


def id_after(prefix: str, data: str | None) -> int | None:
    """The id that follows ``prefix`` in a button's data; None when there is none (forged,
    or from another version of the bot)."""
    if not data or not data.startswith(prefix):
        return None
    raw = data[len(prefix) :]
    return int(raw) if _ID.fullmatch(raw) else None


def _column(buttons: Sequence[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button] for button in buttons])


def areas_keyboard(
    areas: Sequence[Area], t: Texts | None = None, first: Area | None = None
) -> InlineKeyboardMarkup:
    """One button per open area, in the order given, two short names to a row;
    ``first`` (the area of a draft that expired) alone on top."""
    rows: list[list[InlineKeyboardButton]] = []
    if first is not None and t is not None:
        label = t("btn_same_area", area=first.name)
        rows.append([InlineKeyboardButton(_plain(label), callback_data=AREA_PREFIX + first.code)])
    others = [a for a in areas if first is None or a.code != first.code]
    rows += _paired(
        [
            (
                InlineKeyboardButton(a.name, callback_data=AREA_PREFIX + a.code),
                len(a.name) <= PAIRED_LABEL,
            )
            for a in others
        ]
    )
    return InlineKeyboardMarkup(rows)


def _paired(
    buttons: Sequence[tuple[InlineKeyboardButton, bool]],
) -> list[list[InlineKeyboardButton]]:
    """Buttons in order, two to a row where both may share one (a short label)."""
    rows: list[list[InlineKeyboardButton]] = []
    pending: InlineKeyboardButton | None = None
    for button, short in buttons:
        if pending is not None and short:
            rows.append([pending, button])
            pending = None
            continue
        if pending is not None:
            rows.append([pending])
            pending = None
        if short:
            pending = button
        else:
            rows.append([button])
    if pending is not None:
        rows.append([pending])
    return rows


# A topic label this long or shorter shares its row with the next one (SPEC §3.1: two to a
# row where they fit on a phone's screen).
PAIRED_LABEL = 18


def topics_keyboard(topics: Sequence[Topic], language: str) -> InlineKeyboardMarkup:
    """The open topics in the order given (residents' order: ``Khác`` last), each as its
    emoji and short label; two short ones share a row."""
    labelled = [(topic, topic.label(language)) for topic in topics]
    rows = _paired(
        [
            (
                InlineKeyboardButton(label, callback_data=f"{TOPIC_PREFIX}{topic.id}"),
                len(label) <= PAIRED_LABEL and not topic.is_other,
            )
            for topic, label in labelled
        ]
    )
    return InlineKeyboardMarkup(rows)


def writing_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Shown under the newest acknowledgement while the resident writes."""
    return _column(
        [
            InlineKeyboardButton(t("btn_preview"), callback_data=PREVIEW),
            InlineKeyboardButton(t("btn_cancel"), callback_data=CANCEL),
        ]
    )


def preview_keyboard(t: Texts, submission: str) -> InlineKeyboardMarkup:
    """Send, change, cancel.

    The send button carries the draft's submission token, so that a press that arrives
    after the draft was sent is answered with the feedback it stored.
    """
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("btn_send"), callback_data=f"{SEND}:{submission}")],
            [
                InlineKeyboardButton(t("btn_edit"), callback_data=EDIT),
                InlineKeyboardButton(t("btn_cancel"), callback_data=CANCEL),
            ],
        ]
    )


def edit_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """«Sửa»: write more (everything kept), start over (asked first), or back."""
    return _column(
        [
            InlineKeyboardButton(t("btn_edit_more"), callback_data=EDIT_MORE),
            InlineKeyboardButton(t("btn_edit_over"), callback_data=EDIT_OVER),
            InlineKeyboardButton(t("btn_edit_back"), callback_data=EDIT_BACK),
        ]
    )


def edit_over_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Starting over deletes what was written: yes, or keep it."""
    return _column(
        [
            InlineKeyboardButton(t("btn_edit_over_yes"), callback_data=EDIT_OVER_YES),
            InlineKeyboardButton(t("btn_edit_over_no"), callback_data=EDIT_BACK),
        ]
    )


def cancel_draft_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """«Hủy» deletes what was written: yes, or keep it."""
    return _column(
        [
            InlineKeyboardButton(t("btn_cancel_yes"), callback_data=CANCEL_YES),
            InlineKeyboardButton(t("btn_cancel_no"), callback_data=CANCEL_NO),
        ]
    )


def _plain(text: str) -> str:
    # Button labels are plain text: a catalogue text's escaped values restored.
    return html.unescape(text)


def restart_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Drop the draft for a new start, or keep writing."""
    return _column(
        [
            InlineKeyboardButton(t("btn_restart_yes"), callback_data=RESTART_YES),
            InlineKeyboardButton(t("btn_restart_no"), callback_data=RESTART_NO),
        ]
    )


def language_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Vietnamese or English."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t("btn_lang_vi"), callback_data=LANGUAGE_PREFIX + "vi"),
                InlineKeyboardButton(t("btn_lang_en"), callback_data=LANGUAGE_PREFIX + "en"),
            ]
        ]
    )


STATUS_PREFIX = "st:"
TAKE_ON_PREFIX = "take:"
ASK_PREFIX = "ask:"
TEMPLATES_PREFIX = "tpl:"
# Staff buttons, two to a row, in the workflow's order.
STATUS_ROWS: tuple[tuple[FeedbackStatus, ...], ...] = (
    (FeedbackStatus.RECEIVED, FeedbackStatus.IN_PROGRESS),
    (FeedbackStatus.FORWARDED,),
    (FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED),
)


def status_keyboard(t: Texts, feedback_id: int, current: FeedbackStatus) -> InlineKeyboardMarkup:
    """The card's buttons: the statuses (the current one ticked), taking it on, asking the
    resident, a standard answer, and back to new."""
    rows = [
        [
            InlineKeyboardButton(
                ("✅ " if status is current else "") + t(f"status_{status.value}"),
                callback_data=f"{STATUS_PREFIX}{feedback_id}:{status.value}",
            )
            for status in row
        ]
        for row in STATUS_ROWS
    ]
    rows.append(
        [
            InlineKeyboardButton(t("btn_take_on"), callback_data=f"{TAKE_ON_PREFIX}{feedback_id}"),
            InlineKeyboardButton(t("btn_ask"), callback_data=f"{ASK_PREFIX}{feedback_id}"),
        ]
    )
    new = FeedbackStatus.NEW
    rows.append(
        [
            InlineKeyboardButton(
                t("btn_templates"), callback_data=f"{TEMPLATES_PREFIX}{feedback_id}"
            ),
            InlineKeyboardButton(
                ("✅ " if new is current else "") + t(f"status_{new.value}"),
                callback_data=f"{STATUS_PREFIX}{feedback_id}:{new.value}",
            ),
        ]
    )
    return InlineKeyboardMarkup(rows)


# --- Proposals: what staff wrote for the resident, waiting for a decision ------------------

PROPOSAL_PREFIX = "pr:"
PROPOSAL_SEND = "send"
PROPOSAL_NOTE = "note"
PROPOSAL_DROP = "drop"
PROPOSAL_UNDO = "undo"
PROPOSAL_TEMPLATE = "tpl"
# «Vẫn gửi»: send although the feedback was answered after the proposal was written.
PROPOSAL_CONFIRM = "again"
# The button of an expired proposal: it says so when pressed.
PROPOSAL_EXPIRED = "old"
# Template choices under a proposal, at most this many (Telegram's keyboards stay usable).
MOST_TEMPLATE_BUTTONS = 6


def proposal_keyboard(
    t: Texts,
    proposal_id: int,
    *,
    question: bool,
    templates: Sequence[int] = (),
    version: int = 0,
) -> InlineKeyboardMarkup:
    """Send (as the committee's answer, or as a question), keep as a note, or drop; and
    the standard answers that can take the proposal's place. The send names the
    ``version`` of the words the message shows: pressed after they changed, it sends
    nothing."""
    send = t("btn_send_question") if question else t("btn_send_answer")
    rows = [
        [
            InlineKeyboardButton(
                send,
                callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_SEND}:{proposal_id}:{version}",
            )
        ],
        [
            InlineKeyboardButton(
                t("btn_keep_note"), callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_NOTE}:{proposal_id}"
            ),
            InlineKeyboardButton(
                t("btn_drop"), callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_DROP}:{proposal_id}"
            ),
        ],
    ]
    if question:
        rows[1] = rows[1][1:]
    choices = [
        InlineKeyboardButton(
            t("btn_template", number=number),
            callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_TEMPLATE}:{proposal_id}:{number}",
        )
        for number in list(templates)[:MOST_TEMPLATE_BUTTONS]
    ]
    rows += [choices[i : i + 3] for i in range(0, len(choices), 3)]
    return InlineKeyboardMarkup(rows)


def confirm_send_keyboard(t: Texts, proposal_id: int, version: int) -> InlineKeyboardMarkup:
    """A second answer: send it anyway, or drop it."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("btn_send_anyway"),
                    callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_CONFIRM}:{proposal_id}:{version}",
                ),
                InlineKeyboardButton(
                    t("btn_drop"), callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_DROP}:{proposal_id}"
                ),
            ]
        ]
    )


def expired_proposal_keyboard(t: Texts, proposal_id: int, hours: int) -> InlineKeyboardMarkup:
    """An expired proposal: its first button says it can no longer be sent; it can still be
    kept as a note or dropped."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("btn_proposal_expired", hours=hours),
                    callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_EXPIRED}:{proposal_id}",
                )
            ],
            [
                InlineKeyboardButton(
                    t("btn_keep_note"),
                    callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_NOTE}:{proposal_id}",
                ),
                InlineKeyboardButton(
                    t("btn_drop"), callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_DROP}:{proposal_id}"
                ),
            ],
        ]
    )


def undo_keyboard(t: Texts, proposal_id: int) -> InlineKeyboardMarkup:
    """Take back what was just sent, while its window lasts."""
    return _column(
        [
            InlineKeyboardButton(
                t("btn_undo"), callback_data=f"{PROPOSAL_PREFIX}{PROPOSAL_UNDO}:{proposal_id}"
            )
        ]
    )


def template_choice_keyboard(
    t: Texts, feedback_id: int, templates: Sequence[int]
) -> InlineKeyboardMarkup:
    """Start an answer from one of the standard answers (from the card)."""
    buttons = [
        InlineKeyboardButton(
            t("btn_template", number=number),
            callback_data=f"{TEMPLATES_PREFIX}{feedback_id}:{number}",
        )
        for number in templates
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    return InlineKeyboardMarkup(rows)


# --- "Not handled" needs a reason; "forwarded" needs an agency ---------------------------

REASON_PREFIX = "rj:"
AGENCY_PREFIX = "fw:"
CANCEL_CHOICE = "x"
# The common reasons offered as buttons (their words are rejection_reason_<n>).
REASONS = (1, 2, 3, 4)


def reasons_keyboard(t: Texts, feedback_id: int) -> InlineKeyboardMarkup:
    """The common reasons for not handling a feedback, and cancel."""
    buttons = [
        InlineKeyboardButton(
            t(f"rejection_reason_{n}"), callback_data=f"{REASON_PREFIX}{feedback_id}:{n}"
        )
        for n in REASONS
    ]
    cancel = InlineKeyboardButton(
        t("btn_drop"), callback_data=f"{REASON_PREFIX}{feedback_id}:{CANCEL_CHOICE}"
    )
    return _column([*buttons, cancel])


def agencies_keyboard(
    t: Texts, feedback_id: int, agencies: Sequence[tuple[int, str]]
) -> InlineKeyboardMarkup:
    """The open agencies (id, name) to forward to, and cancel."""
    buttons = [
        InlineKeyboardButton(name, callback_data=f"{AGENCY_PREFIX}{feedback_id}:{agency_id}")
        for agency_id, name in agencies
    ]
    cancel = InlineKeyboardButton(
        t("btn_drop"), callback_data=f"{AGENCY_PREFIX}{feedback_id}:{CANCEL_CHOICE}"
    )
    return _column([*buttons, cancel])


# «Không thuộc thẩm quyền» (rejection_reason_1) asks where the resident may go instead.
NOT_OURS = 1
ELSEWHERE_PREFIX = "rw:"
UNKNOWN_CHOICE = "n"


def elsewhere_keyboard(
    t: Texts, feedback_id: int, agencies: Sequence[tuple[int, str]]
) -> InlineKeyboardMarkup:
    """Where to go instead: the open agencies (id, name), «not known», and cancel."""
    buttons = [
        InlineKeyboardButton(name, callback_data=f"{ELSEWHERE_PREFIX}{feedback_id}:{agency_id}")
        for agency_id, name in agencies
    ]
    unknown = InlineKeyboardButton(
        t("btn_elsewhere_unknown"),
        callback_data=f"{ELSEWHERE_PREFIX}{feedback_id}:{UNKNOWN_CHOICE}",
    )
    cancel = InlineKeyboardButton(
        t("btn_drop"), callback_data=f"{ELSEWHERE_PREFIX}{feedback_id}:{CANCEL_CHOICE}"
    )
    return _column([*buttons, unknown, cancel])


# --- "Resolved" asks for the result ---------------------------------------------------------

RESULT_PREFIX = "rs:"
ANSWERED_CHOICE = "a"
# The standard results offered as buttons (their words are resolution_result_<n>).
RESULTS = (1, 2, 3)


def results_keyboard(t: Texts, feedback_id: int, *, answered: bool) -> InlineKeyboardMarkup:
    """The standard results, «no need, already answered» when an answer was published, and
    cancel."""
    buttons = [
        InlineKeyboardButton(
            t(f"resolution_result_{n}"), callback_data=f"{RESULT_PREFIX}{feedback_id}:{n}"
        )
        for n in RESULTS
    ]
    if answered:
        buttons.append(
            InlineKeyboardButton(
                t("btn_result_answered"),
                callback_data=f"{RESULT_PREFIX}{feedback_id}:{ANSWERED_CHOICE}",
            )
        )
    cancel = InlineKeyboardButton(
        t("btn_drop"), callback_data=f"{RESULT_PREFIX}{feedback_id}:{CANCEL_CHOICE}"
    )
    return _column([*buttons, cancel])


def cancel_keyboard(t: Texts, prefix: str, feedback_id: int) -> InlineKeyboardMarkup:
    """Only cancel (a prompt that waits for a reply)."""
    return _column(
        [
            InlineKeyboardButton(
                t("btn_drop"), callback_data=f"{prefix}{feedback_id}:{CANCEL_CHOICE}"
            )
        ]
    )


# --- An agency's group ----------------------------------------------------------------------

AGENCY_GROUP_PREFIX = "ag:"
AGENCY_RECEIVED = "rcv"
AGENCY_DONE = "done"


def agency_card_keyboard(t: Texts, forward_id: int) -> InlineKeyboardMarkup:
    """What an agency's group answers with: received, and dealt with."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("btn_agency_received"),
                    callback_data=f"{AGENCY_GROUP_PREFIX}{AGENCY_RECEIVED}:{forward_id}",
                ),
                InlineKeyboardButton(
                    t("btn_agency_done"),
                    callback_data=f"{AGENCY_GROUP_PREFIX}{AGENCY_DONE}:{forward_id}",
                ),
            ]
        ]
    )


# --- The resident's follow-up ----------------------------------------------------------------

FOLLOW_UP_PREFIX = "fb:"
SEE_STATUS = "st"
ADD_MORE = "add"
ANSWER_QUESTION = "ans"
RECEIVE = "rx"
# Stop answers coming to the chat the button is in (under answers, notices and /status).
NO_RECEIVE = "norx"
# The receipt's own two buttons: they turn the receipt into what was chosen.
RECEIPT_YES = "yes"
RECEIPT_NO = "no"
SATISFIED = "ok"
NOT_SATISFIED = "ko"
# Each followed by ":" and the collection's token (none on acknowledgements of versions
# before the token: those act on the addition being collected).
STOP_ADDING = "fb:stop"
SEND_ADDITION = "fb:send"
DROP_ADDITION = "fb:drop"
KEEP_ADDITION = "fb:keep"


def _follow_up(label: str, action: str, code: str, tag: str | None = None) -> InlineKeyboardButton:
    data = f"{FOLLOW_UP_PREFIX}{action}:{code}" + (f":{tag}" if tag else "")
    return InlineKeyboardButton(label, callback_data=data)


def receipt_keyboard(
    t: Texts, code: str, tag: str, receiving: bool | None = None
) -> InlineKeyboardMarkup:
    """Under the receipt: whether to deliver answers here (``receiving`` None: not said
    yet), and the status. ``tag`` proves a «Nhận trả lời» press comes from the sender's
    chat."""
    if receiving is None:
        return InlineKeyboardMarkup(
            [
                [
                    _follow_up(t("btn_receive"), RECEIPT_YES, code, tag),
                    _follow_up(t("btn_no_receive"), RECEIPT_NO, code),
                ],
                [_follow_up(t("btn_see_status"), SEE_STATUS, code)],
            ]
        )
    switch = (
        _follow_up(t("btn_stop_receiving"), RECEIPT_NO, code)
        if receiving
        else _follow_up(t("btn_receive"), RECEIPT_YES, code, tag)
    )
    return InlineKeyboardMarkup(
        [
            [_follow_up(t("btn_add_more"), ADD_MORE, code)],
            [switch],
            [_follow_up(t("btn_see_status"), SEE_STATUS, code)],
        ]
    )


def about_feedback_keyboard(
    t: Texts,
    code: str,
    *,
    status: bool = True,
    add: bool = False,
    answer: bool = False,
    receive: bool = False,
    stop: bool = False,
    rate: bool = False,
) -> InlineKeyboardMarkup:
    """Under a message to the resident about a feedback: what they can do next."""
    rows: list[list[InlineKeyboardButton]] = []
    if answer:
        rows.append([_follow_up(t("btn_answer_question"), ANSWER_QUESTION, code)])
    if rate:
        rows.append(
            [
                _follow_up(t("btn_satisfied"), SATISFIED, code),
                _follow_up(t("btn_not_satisfied"), NOT_SATISFIED, code),
            ]
        )
    if add:
        rows.append([_follow_up(t("btn_add_more"), ADD_MORE, code)])
    if receive:
        rows.append([_follow_up(t("btn_receive"), RECEIVE, code)])
    if status:
        rows.append([_follow_up(t("btn_see_status"), SEE_STATUS, code)])
    if stop:
        rows.append([_follow_up(t("btn_stop_receiving"), NO_RECEIVE, code)])
    return InlineKeyboardMarkup(rows)


def stop_adding_keyboard(t: Texts, token: str) -> InlineKeyboardMarkup:
    """While the bot waits for the addition whose token is ``token``: give up."""
    return _column(
        [InlineKeyboardButton(t("btn_stop_adding"), callback_data=f"{STOP_ADDING}:{token}")]
    )


def adding_keyboard(t: Texts, token: str) -> InlineKeyboardMarkup:
    """Under the newest acknowledgement of an addition being collected: send it, or not
    (bound to its token: an old acknowledgement never acts on another addition)."""
    return _column(
        [
            InlineKeyboardButton(t("btn_send_addition"), callback_data=f"{SEND_ADDITION}:{token}"),
            InlineKeyboardButton(t("btn_stop_adding"), callback_data=f"{STOP_ADDING}:{token}"),
        ]
    )


def unsent_addition_keyboard(
    t: Texts, code: str, token: str, *, send: bool = True, keep: bool = False
) -> InlineKeyboardMarkup:
    """Under a question about an unsent addition to ``code``: send it, drop it, or (``keep``)
    go on collecting it."""
    buttons = []
    if send:
        buttons.append(
            InlineKeyboardButton(
                t("btn_send_addition_of", code=code), callback_data=f"{SEND_ADDITION}:{token}"
            )
        )
    buttons.append(
        InlineKeyboardButton(
            t("btn_drop_addition_of", code=code), callback_data=f"{DROP_ADDITION}:{token}"
        )
    )
    if keep:
        buttons.append(
            InlineKeyboardButton(t("btn_keep_addition"), callback_data=f"{KEEP_ADDITION}:{token}")
        )
    return _column(buttons)


OPEN_CARD_PREFIX = "open:"


def open_cards_keyboard(t: Texts, cards: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A "📂 code" button per packed feedback (id, code), two to a row."""
    buttons = [
        InlineKeyboardButton(t("btn_open_card", code=code), callback_data=f"{OPEN_CARD_PREFIX}{i}")
        for i, code in cards
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


RESEND = "resend:all"


def resend_keyboard(t: Texts) -> InlineKeyboardMarkup:
    """Send every message listed by /resend again."""
    return _column([InlineKeyboardButton(t("btn_resend"), callback_data=RESEND)])


# --- /extend: the preview's confirmation ------------------------------------------------------

EXTEND_PREFIX = "ext:"
EXTEND_CONFIRM = "ok"


def extend_keyboard(t: Texts, token: str) -> InlineKeyboardMarkup:
    """«Gia hạn» / «Hủy» under the preview of an extension (``token``: the preview)."""
    return _column(
        [
            InlineKeyboardButton(
                t("btn_extend_confirm"), callback_data=f"{EXTEND_PREFIX}{EXTEND_CONFIRM}:{token}"
            ),
            InlineKeyboardButton(
                t("btn_drop"), callback_data=f"{EXTEND_PREFIX}{CANCEL_CHOICE}:{token}"
            ),
        ]
    )
