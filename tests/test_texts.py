"""The text catalogue: same keys and placeholders in every language; every key the code uses
or builds exists, and every key is used (found in the syntax trees of the code)."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

from bot.delivery.deliveries import ADMIN_TEXT, AGENCY_KINDS, RESIDENT_KINDS, STAFF_KINDS
from bot.render.keyboards import REASONS, RESULTS
from core.models import AdditionKind, Delivery, FeedbackStatus, ProposalState, ResponseKind
from core.rules.personal_data import PersonalData
from storage import DISSATISFIED_NOTICE, DONE, RECEIVED
from texts import CATALOGUES, OPERATOR, SECTIONS, Texts, placeholders
from texts.vi import resident as resident_vi

ROOT = Path(__file__).resolve().parent.parent
# Where keys are used: everything that ships, and the catalogue itself.
SOURCES = ("bot", "core", "qr", "documents", "storage", "texts")
VI, EN = CATALOGUES["vi"], CATALOGUES["en"]

# The callables that take a key, and the position of the key among their arguments.
KEY_ARGUMENTS = {
    "t": 0,  # Texts.__call__, by the name every handler gives it
    "_t": 0,  # Deliveries and the outbox worker: their default language's Texts
    "with_html": 0,
    "Problem": 0,  # an /addareas line's problem (bot/handlers/admin/area_input.py)
    "_plain": 1,  # bot/render: a text as plain text, for files
    "_paragraphs": 1,
    "_topic_line": 1,
    "say": 1,  # documents/letterhead.py
    "_both": 0,  # qr/poster.py: a line in Vietnamese and in English
    "draw_letterhead": 3,
    "add_letterhead": 3,
}
# The same for the operator's texts (texts/*/operator.py), which are not a Texts.
OPERATOR_ARGUMENTS = {
    "operator_text": 1,
    "bilingual": 0,
    "_found": 1,  # bot/service/checks.py: a verdict of python -m bot --check
    "_said": 0,  # qr/names.py: a refusal naming what is wrong
    "_checked": 2,  # qr/names.py: the key naming what is checked
}
# Keyword arguments that take a key, and the names a key is given before it is used.
KEY_KEYWORDS = {"key", "duplicate_key", "number_key"}
KEY_NAMES = {"key", "keys"}
# Catalogues read by subscript: documents/ gets its words as a mapping.
KEY_SUBSCRIPTS = {"words", "catalogue"}
# Keys built from a value: each pattern, and every value the code can give it.
DYNAMIC: dict[str, tuple[object, ...]] = {
    "status_{}": tuple(FeedbackStatus),
    "resident_status_{}": tuple(FeedbackStatus),
    "staff_addition_{}": tuple(AdditionKind),
    "delivery_{}": tuple(Delivery),
    "toast_already_{}": tuple(ProposalState),
    "personal_{}": tuple(PersonalData),
    "rejection_reason_{}": REASONS,
    "resolution_result_{}": RESULTS,
    "agency_pressed_{}": (RECEIVED, DONE),
    # The notices under a card: the SQLite dialogue and agencies repositories enqueue them.
    "staff_notice_{}": (DISSATISFIED_NOTICE, f"agency_{RECEIVED}", f"agency_{DONE}"),
    # Whose text /find matched: the resident's, a response of each kind, or an addition.
    "find_in_{}": ("feedback", *ResponseKind, "addition"),
    # Every outbox kind has a name for /resend (one without would show its kind as it is).
    "outbox_kind_{}": tuple(sorted(STAFF_KINDS | AGENCY_KINDS | RESIDENT_KINDS | {ADMIN_TEXT})),
    # bot/handlers/admin/common.py: the same replies for an area's and an agency's name.
    "{}_name_for_code": ("area", "agency"),
    "{}_name_for_code_taken": ("area", "agency"),
    "{}_name_no_code": ("area", "agency"),
    # bot/handlers/staff/forwarding.py: the resident was told.
    "{}_told": ("rejected_done", "rejected_elsewhere"),
}
# F-strings that look like keys and are not: the notice's name in storage/sqlite/agencies.py,
# which staff_notice_{} above turns into a key.
NOT_KEYS = {"agency_{}"}


def test_no_key_is_defined_in_two_sections() -> None:
    for language, sections in SECTIONS.items():
        seen: set[str] = set()
        for section in sections:
            assert seen.isdisjoint(section), language
            seen |= set(section)


def test_every_language_has_the_same_keys() -> None:
    assert set(VI) == set(EN)


def test_every_text_has_the_same_placeholders_in_every_language() -> None:
    vi, en = CATALOGUES["vi"], CATALOGUES["en"]
    mismatched = {
        k: (placeholders(vi[k]), placeholders(en[k]))
        for k in vi
        if placeholders(vi[k]) != placeholders(en.get(k, ""))
    }
    assert mismatched == {}


def _keys_in(node: ast.expr) -> Iterator[ast.expr]:
    """The expressions a key can come from: both arms of a choice, each item of a tuple."""
    if isinstance(node, ast.IfExp):
        yield from _keys_in(node.body)
        yield from _keys_in(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _keys_in(value)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _keys_in(element)
    else:
        yield node


def _callable_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _table_keys(node: ast.expr) -> Iterator[ast.Constant]:
    """The strings of a table's column where most strings are keys: a typo in a table of keys
    (``_REFUSED_KINDS``, the export's ``COLUMNS``) is found like one in a call."""
    rows: list[ast.expr]
    if isinstance(node, ast.Dict):
        rows = [value for value in node.values if value is not None]
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        rows = list(node.elts)
    else:
        return
    columns: dict[int | None, list[ast.Constant]] = {}
    for row in rows:
        cells: list[tuple[int | None, ast.expr]] = (
            list(enumerate(row.elts)) if isinstance(row, ast.Tuple) else [(None, row)]
        )
        for index, cell in cells:
            if isinstance(cell, ast.Constant) and isinstance(cell.value, str):
                columns.setdefault(index, []).append(cell)
    for column in columns.values():
        keys = sum(cell.value in VI for cell in column)
        if len(column) > 1 and keys * 2 > len(column):
            yield from column


def _pattern(node: ast.JoinedStr) -> str:
    """An f-string as a pattern: ``f"status_{s.value}"`` is ``status_{}``."""
    return "".join(
        str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
    )


def _matches(pattern: str, key: str) -> bool:
    parts = pattern.split("{}")
    if len("".join(parts)) < 3:
        return False  # f"{x}" or f"a{x}": anything, not a key
    return re.fullmatch(".+".join(map(re.escape, parts)), key) is not None


class _Uses:
    """Where the code names a catalogue key: literal keys (each must exist; given to the
    operator's accessors, among the operator's texts; named or in a table, in either),
    f-strings that build one (each must be listed in DYNAMIC), and every string that equals
    a key."""

    def __init__(self) -> None:
        self.literal: dict[str, list[str]] = {}
        self.operator: dict[str, list[str]] = {}
        self.either: dict[str, list[str]] = {}
        self.built: dict[str, list[str]] = {}
        self.mentioned: set[str] = set()

    def add(self, node: ast.expr, where: str, found_in: dict[str, list[str]]) -> None:
        for found in _keys_in(node):
            if isinstance(found, ast.Constant) and isinstance(found.value, str):
                found_in.setdefault(found.value, []).append(f"{where}:{found.lineno}")
            elif isinstance(found, ast.JoinedStr):
                self.built.setdefault(_pattern(found), []).append(f"{where}:{found.lineno}")

    def scan(self, path: Path) -> None:
        where = str(path.relative_to(ROOT))
        tree = ast.parse(path.read_text("utf-8"), where)
        # The catalogue's own keys name a text; they do not use one.
        defined = {
            id(key)
            for node in ast.walk(tree)
            if isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "TEXTS"
            and isinstance(node.value, ast.Dict)
            for key in node.value.keys
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in defined:
                    self.mentioned.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                pattern = _pattern(node)
                if any(_matches(pattern, key) for key in VI):
                    self.built.setdefault(pattern, []).append(f"{where}:{node.lineno}")
            if isinstance(node, ast.Call):
                name = _callable_name(node) or ""
                for accessors, found_in in (
                    (KEY_ARGUMENTS, self.literal),
                    (OPERATOR_ARGUMENTS, self.operator),
                ):
                    position = accessors.get(name)
                    if position is not None and len(node.args) > position:
                        self.add(node.args[position], where, found_in)
                for keyword in node.keywords:
                    if keyword.arg in KEY_KEYWORDS:
                        self.add(keyword.value, where, self.either)
            elif isinstance(node, ast.Subscript):
                if isinstance(node.value, ast.Name) and node.value.id in KEY_SUBSCRIPTS:
                    self.add(node.slice, where, self.literal)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                if KEY_NAMES.intersection(names):
                    self.add(node.value, where, self.either)
            for cell in _table_keys(node) if isinstance(node, ast.expr) else ():
                self.add(cell, where, self.either)


@functools.cache
def _uses() -> _Uses:
    uses = _Uses()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            uses.scan(path)
    return uses


def test_every_key_the_code_uses_exists() -> None:
    uses = _uses()
    assert len(uses.literal) > 500, "the scan found too few keys: the accessors changed?"
    assert len(uses.operator) > 50, "the scan found too few operator's keys"
    missing = {key: uses.literal[key] for key in uses.literal if key not in VI or key not in EN}
    assert missing == {}
    operator_vi, operator_en = OPERATOR["vi"], OPERATOR["en"]
    missing = {
        k: v for k, v in uses.operator.items() if k not in operator_vi or k not in operator_en
    }
    assert missing == {}
    missing = {
        key: where
        for key, where in uses.either.items()
        if not (key in VI and key in EN) and not (key in operator_vi and key in operator_en)
    }
    assert missing == {}
    for status in ("new", "received", "in_progress", "forwarded", "resolved", "rejected"):
        assert f"status_{status}" in VI


def test_every_key_the_code_builds_is_listed_and_exists() -> None:
    uses = _uses()
    unlisted = {p: where for p, where in uses.built.items() if p not in DYNAMIC.keys() | NOT_KEYS}
    assert unlisted == {}, "a key built in a new way: list its values in DYNAMIC"
    assert set(DYNAMIC) | NOT_KEYS <= set(uses.built), "DYNAMIC lists a build the code lost"
    for pattern, values in DYNAMIC.items():
        assert values, pattern
        built = [pattern.replace("{}", str(value)) for value in values]
        assert [k for k in built if k not in VI or k not in EN] == [], pattern


def test_every_key_in_the_catalogue_is_used() -> None:
    uses = _uses()
    built = {p.replace("{}", str(v)) for p, values in DYNAMIC.items() for v in values}
    unused = set(VI) - set(uses.literal) - uses.mentioned - built
    assert unused == set()
    assert set(OPERATOR["vi"]) - uses.mentioned == set()


def test_the_operators_texts_have_the_same_keys_in_both_halves() -> None:
    # Each console line is "Vietnamese / English"; a value is said once, where its half
    # needs it, so only the keys must agree (and each half be a valid template).
    assert set(OPERATOR["vi"]) == set(OPERATOR["en"])
    for texts in OPERATOR.values():
        for text in texts.values():
            placeholders(text)  # raises on a broken template


def test_the_operators_keys_are_not_the_catalogues() -> None:
    assert set(OPERATOR["vi"]).isdisjoint(VI)


def test_vietnamese_status_labels_are_the_committee_words() -> None:
    t = Texts("vi")
    labels = [
        t(f"status_{s}")
        for s in ("new", "received", "in_progress", "forwarded", "resolved", "rejected")
    ]
    assert labels == [
        "Mới",
        "Đã tiếp nhận",
        "Đang xử lý",
        "Đã chuyển cấp có thẩm quyền",
        "Đã giải quyết",
        "Không xử lý",
    ]


def test_values_are_escaped_for_html() -> None:
    assert Texts("vi")("unknown_area", code="<i>&").startswith(
        "Không tìm thấy khu vực có mã «&lt;i&gt;&amp;»"
    )


def test_unknown_language_falls_back_to_vietnamese() -> None:
    assert Texts("fr").language == "vi"


def test_vietnamese_texts_keep_the_committees_register() -> None:
    # SPEC §3: a committee does not call the people it serves "bạn" nor order them ("Hãy").
    # Officers are addressed in the same plain, polite way.
    impolite = re.compile(r"(?<!\w)(bạn|hãy)(?!\w)", re.IGNORECASE)
    found = {
        key: match.group(0)
        for key, text in CATALOGUES["vi"].items()
        if (match := impolite.search(text))
    }
    assert found == {}


def test_residents_read_one_word_for_answers_and_for_the_code() -> None:
    # "trả lời" for staff's answers, "mã tra cứu" for the reference code: never "phản hồi".
    assert [k for k, v in resident_vi.TEXTS.items() if "phản hồi" in v.lower()] == []
    assert [k for k, v in resident_vi.TEXTS.items() if re.search(r"mã (số|góp ý)", v)] == []
