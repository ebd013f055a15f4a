"""The text catalogue: same keys and placeholders in every language, every used key exists."""

from __future__ import annotations

import re
from pathlib import Path

from texts import CATALOGUES, SECTIONS, Texts, placeholders
from texts.vi import resident as resident_vi

BOT = Path(__file__).resolve().parent.parent / "bot"


def test_no_key_is_defined_in_two_sections() -> None:
    for language, sections in SECTIONS.items():
        seen: set[str] = set()
        for section in sections:
            assert seen.isdisjoint(section), language
            seen |= set(section)


def test_every_language_has_the_same_keys() -> None:
    vi, en = CATALOGUES["vi"], CATALOGUES["en"]
    assert set(vi) == set(en)


def test_every_text_has_the_same_placeholders_in_every_language() -> None:
    vi, en = CATALOGUES["vi"], CATALOGUES["en"]
    mismatched = {
        k: (placeholders(vi[k]), placeholders(en[k]))
        for k in vi
        if placeholders(vi[k]) != placeholders(en.get(k, ""))
    }
    assert mismatched == {}


def test_every_key_the_code_uses_exists() -> None:
    used: set[str] = set()
    for source in BOT.rglob("*.py"):
        text = source.read_text("utf-8")
        used |= set(re.findall(r"\bt(?:\.with_html)?\(\s*\"([a-z_]+)\"", text))
        used |= set(re.findall(r"\b(?:VI|EN|t)\(f?\"(status_[a-z_]+)\"", text))
        used |= set(re.findall(r"kind = \"(kind_[a-z_]+)\"", text))
    assert used, "the scan found no keys: the pattern is wrong"
    missing = sorted(k for k in used if k not in CATALOGUES["vi"])
    assert missing == []
    for status in ("new", "received", "in_progress", "forwarded", "resolved", "rejected"):
        assert f"status_{status}" in CATALOGUES["vi"]


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
