"""Area codes made from area names, for admins who add many areas at once."""

from __future__ import annotations

import pytest

from core.models import area_code_from_name, validate_area_code

LONG_NAME = "Thôn Tân Định, xã Cam Hiếu, huyện Cam Lộ, tỉnh Quảng Trị"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Khu phố 3", "khu-pho-3"),
        ("Tổ dân phố Đông Hà", "to-dan-pho-dong-ha"),
        ("KHU PHỐ 3", "khu-pho-3"),
        ("Ấp Bà Điểm 3", "ap-ba-diem-3"),
        ("Xóm Đồng – Đội 7", "xom-dong-doi-7"),
        ("Khu_phố  3", "khu-pho-3"),
        ("KP 3 (cũ: KP 5)", "kp-3-cu-kp-5"),
        ("Ngõ 5/12 đường Lê Lợi", "ngo-5-12-duong-le-loi"),
        ("  Thôn 1  ", "thon-1"),
        # Cut at the last whole word that fits in 32 characters, with no trailing dash.
        (LONG_NAME, "thon-tan-dinh-xa-cam-hieu-huyen"),
        ("Tổ 15 - Khu phố Nguyễn Trãi Thượng Đình", "to-15-khu-pho-nguyen-trai-thuong"),
        ("x" * 31 + " y", "x" * 31),
        # A word too long to fit ends the code there; later words are not picked instead.
        ("Khu phố Nguyễnnnnnnnnnnnnnnnnnnnnnnnnn 3", "khu-pho"),
        # One word longer than a code is cut inside the word: there is no boundary.
        ("x" * 40, "x" * 32),
    ],
)
def test_code_from_name(name: str, code: str) -> None:
    assert area_code_from_name(name) == code
    assert validate_area_code(code)


@pytest.mark.parametrize("name", ["", "   ", "🎉🎉", "...", "– – –", "!!!", "\n"])
def test_nothing_usable_gives_none(name: str) -> None:
    assert area_code_from_name(name) is None


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME + " – khu dân cư số 112, tổ tự quản số 17 và 18",
        "a " * 50,
        "Đ" * 100,
        "1 - 2 - 3 - 4 - 5 - 6 - 7 - 8 - 9 - 10 - 11 - 12",
    ],
)
def test_every_code_made_is_a_valid_area_code(name: str) -> None:
    code = area_code_from_name(name)
    assert code is not None
    assert validate_area_code(code)
    assert not code.startswith("-")
    assert not code.endswith("-")
