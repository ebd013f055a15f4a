"""What the preview warns about as personal data, and what it leaves alone (SPEC §3.4)."""

from __future__ import annotations

import pytest

from core.rules.personal_data import PersonalData, find_personal_data

PHONE = PersonalData.PHONE
ID_NUMBER = PersonalData.ID_NUMBER
EMAIL = PersonalData.EMAIL
PLATE = PersonalData.PLATE
PASSPORT = PersonalData.PASSPORT

FOUND: list[tuple[str, set[PersonalData]]] = [
    # Phone numbers, as Vietnamese people write them.
    ("0912345678", {PHONE}),
    ("0912 345 678", {PHONE}),
    ("0912.345.678", {PHONE}),
    ("091-234-5678", {PHONE}),
    ("0912 34 56 78", {PHONE}),
    ("094 123 4567", {PHONE}),
    ("+84 912 345 678", {PHONE}),
    ("+84912345678", {PHONE}),
    ("(+84) 912 345 678", {PHONE}),
    ("84912345678", {PHONE}),
    ("0084912345678", {PHONE}),
    ("(0233) 3861 234", {PHONE}),
    ("(024) 3825 1234", {PHONE}),
    ("02333861234", {PHONE}),
    ("SĐT:0912345678.", {PHONE}),
    ("gọi 0912345678 hoặc 0987 654 321 đều được", {PHONE}),
    # The 9 digits after +84 are the phone number, not an old ID card.
    ("+84 912345678", {PHONE}),
    # Old ID cards (CMND, 9 digits) and citizen ID cards (CCCD, 12 digits).
    ("Số CMND: 191234567 cấp ngày 12/11/2010", {ID_NUMBER}),
    ("cccd: 001098012345", {ID_NUMBER}),
    ("CCCD001098012345", {ID_NUMBER}),
    ("038091012345", {ID_NUMBER}),
    ("001 098 012 345", {ID_NUMBER}),
    ("0010 9801 2345", {ID_NUMBER}),
    ("001.098.012.345", {ID_NUMBER}),
    # E-mail addresses.
    ("a.nguyen@gmail.com", {EMAIL}),
    ("thư gửi van.an+gopy@ubnd.quangtri.gov.vn nhé", {EMAIL}),
    # Car plates.
    ("29A-123.45", {PLATE}),
    ("30E-12345", {PLATE}),
    ("51F 123.45", {PLATE}),
    ("29LD-012.34", {PLATE}),
    ("29A-1234", {PLATE}),
    ("xe 29a-123.45 đỗ trên vỉa hè", {PLATE}),
    ("xe 29A12345 đỗ", {PLATE}),
    # Motorbike plates.
    ("29-B1 123.45", {PLATE}),
    ("59X1-123.45", {PLATE}),
    ("29B1-12345", {PLATE}),
    ("29 B1 12345", {PLATE}),
    ("29-B1 1234", {PLATE}),
    ("29MĐ1-123.45", {PLATE}),
    # Vietnamese passports: one letter and seven digits (issue 19, item 20).
    ("hộ chiếu C1234567", {PASSPORT}),
    ("Passport: B7654321", {PASSPORT}),
    ("số hộ chiếu c1234567 cấp năm 2020", {PASSPORT}),
    ("(N1234567)", {PASSPORT}),
    ("HC: K0123456.", {PASSPORT}),
    # Everything at once, in a sentence.
    (
        "Ông A (0912345678, a@b.vn, CCCD 001098012345) để xe 29A-123.45 chắn lối đi",
        {PHONE, EMAIL, ID_NUMBER, PLATE},
    ),
]

NOT_PERSONAL = [
    # Dates and times.
    "12/11/2026",
    "12.11.2026",
    "12-11-2026",
    "ngày 5/9",
    "ngày 29/5/2025 lúc 7h30",
    "17h30",
    "07:30",
    "từ năm 2020 đến 2025",
    "2020-2025",
    # Money.
    "500.000 đồng",
    "1.200.000đ",
    "2 triệu",
    "3,5 tỷ",
    "123.456.789 đồng",
    "150000000 đồng",
    "Giá 2.500.000 đồng/tháng",
    "1.234.567.890.123",
    # Addresses, roads, counts, percentages.
    "số 12 ngõ 5",
    "số nhà 123/45",
    "Khu phố 3",
    "Tổ 15, khu phố 3, phường 2",
    "Đường 30/4",
    "Quốc lộ 1A",
    "QL9",
    "Quốc lộ 1A km 1234",
    "QL14C 12345",
    "cách 20km 12345",
    "ngõ 12A, 1234 hộ",
    "Lô B12 1234",
    "hơn 1000 hộ dân",
    "25%",
    # Digit runs that are neither 9 nor 12 digits, or not a CCCD's province.
    "12345678",
    "1123456789",
    "1234567890123",
    "123456789012",
    # Hotlines and emergency numbers of offices and businesses.
    "tổng đài 1900 1234 không ai nghe",
    "1800 1091",
    "gọi 113",
    # A letter and digits that are not a passport's one and seven.
    "C123456",
    "C12345678",
    "HC1234567",
    "mã KH PA12345678901",
    "29C1234567",
    "C1234567/2020",
    "C-1234567",
    # Our own reference codes and the bot's username.
    "mã tra cứu GY-7Q2K9M4T",
    "GY-29A12345",
    "@homthu_camlo_bot",
    # A whole ordinary feedback.
    "Ngày 12/11/2026 lúc 7h30, đoạn Quốc lộ 1A qua tổ 15, khu phố 3 bị ngập sâu 30cm; "
    "năm 2025 đã chi 1.200.000.000 đồng sửa cống nhưng 80% hộ dân vẫn bị ảnh hưởng.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_personal_data(text: str, expected: set[PersonalData]) -> None:
    assert find_personal_data(text) == frozenset(expected)


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_ordinary_feedback_raises_no_alarm(text: str) -> None:
    assert find_personal_data(text) == frozenset()


def test_empty_text_has_nothing() -> None:
    assert find_personal_data("") == frozenset()


def test_kinds_are_strings_for_texts_and_logs() -> None:
    assert [kind.value for kind in PersonalData] == [
        "phone",
        "id_number",
        "passport",
        "email",
        "plate",
    ]
