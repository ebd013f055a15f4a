"""QR codes, PNGs, SVGs, posters and `python -m qr`, checked with a real decoder."""

import io
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from qr import (
    InvalidAreaCode,
    InvalidBotUsername,
    InvalidPosterText,
    PosterInput,
    QrError,
    deep_link,
    render_code_png,
    render_png,
    render_poster_pdf,
    render_svg,
    typeface,
)
from qr.names import MAX_CONTACT_TEXT
from qr.poster import (
    CANNOT_SCAN,
    FRAME_INSET,
    GET_TELEGRAM,
    OTHER_CONTACT,
    PROMISE,
    QR_FLOOR,
    QR_SMALLER,
    QR_SMALLEST,
    STEPS,
    SUBTITLE,
    TELEGRAM_NEEDED,
    TITLE,
)
from qr.wrapping import balanced_lines
from storage import open_database

ROOT = Path(__file__).resolve().parents[1]
BOT = "homthu_camlo_bot"
UNIT = "Ủy ban MTTQ Việt Nam phường Đông Lễ"
AREA_100 = (
    "Thôn Tân Định, xã Cam Hiếu, huyện Cam Lộ, tỉnh Quảng Trị – "
    "khu dân cư số 112, tổ tự quản số 17 và 18"
)
UNIT_150 = (
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã Cam Hiếu, huyện Cam Lộ, tỉnh Quảng Trị – "
    "Ban công tác Mặt trận khu dân cư thôn Tân Định và các thôn lân cận của xã"
)
CONTACT = (
    "Điện thoại: 0233 3861 234\n"
    "Địa chỉ: Trụ sở UBND phường Đông Lễ, số 1 đường Lê Duẩn\n"
    "Giờ làm việc: sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"
)
CONTACT_300 = (
    "Văn phòng Ủy ban MTTQ Việt Nam xã Cam Hiếu, tầng 1 nhà làm việc UBND xã, thôn Tân Định\n"
    "Điện thoại: 0233 3861 234 hoặc 0233 3861 235 (trong giờ hành chính)\n"
    "Tiếp dân: sáng 7h30–11h30, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu; sáng thứ Bảy "
    "tiếp dân tại nhà văn hóa thôn Tân Định và nhà văn hóa thôn Lộc"
)
AREAS = [
    ("khu-pho-3", "Khu phố 3 – Phường Đông Lễ"),
    ("tan-dinh", "Thôn Tân Định, xã Cam Hiếu"),
    ("ap_1", "Ấp 1"),
    ("x" * 32, AREA_100),
]
VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
MM = 72 / 25.4  # PDF points per millimetre


def decoded(image: Image.Image) -> list[str]:
    """The texts of every QR code the decoder finds in the image."""
    return [
        barcode.text
        for barcode in zxingcpp.read_barcodes(image)
        if barcode.format == zxingcpp.BarcodeFormat.QRCode
    ]


def flat(text: str) -> str:
    """Text with line breaks and runs of white space turned into single spaces."""
    return " ".join(text.split())


def test_lengths_of_the_long_names_used_below() -> None:
    assert len(AREA_100) == 100
    assert len(UNIT_150) == 150
    assert len(CONTACT_300) == MAX_CONTACT_TEXT == 300


# Deep links


def test_deep_link_is_exactly_the_t_me_start_link() -> None:
    assert deep_link(BOT, "khu-pho-3") == "https://t.me/homthu_camlo_bot?start=khu-pho-3"


def test_deep_link_accepts_a_leading_at_and_keeps_the_case() -> None:
    assert deep_link("@HomThu_Bot", "a") == "https://t.me/HomThu_Bot?start=a"


@pytest.mark.parametrize("username", ["a_bot", "x" * 29 + "bot", "CamLoBOT", "bot12_bot"])
def test_valid_bot_usernames(username: str) -> None:
    assert deep_link(username, "a") == f"https://t.me/{username}?start=a"


@pytest.mark.parametrize(
    "username",
    [
        "",
        "@",
        "abot",  # 4 characters
        "x" * 30 + "bot",  # 33 characters
        "homthu",  # does not end in "bot"
        "hom thu bot",
        "homthu-bot",
        "hòmthu_bot",
        "@@homthu_bot",
    ],
)
def test_invalid_bot_usernames_raise(username: str) -> None:
    with pytest.raises(InvalidBotUsername, match="Invalid bot username"):
        deep_link(username, "khu-pho-3")


@pytest.mark.parametrize("code", ["a", "khu_pho-3", "x" * 32, "0"])
def test_valid_area_codes(code: str) -> None:
    assert deep_link(BOT, code).endswith(f"?start={code}")


@pytest.mark.parametrize(
    "code", ["", "Khu3", "khu 3", "khu.3", "x" * 33, "khu-phố", "a\n", "a/b", "a?b=c"]
)
def test_invalid_area_codes_raise(code: str) -> None:
    with pytest.raises(InvalidAreaCode, match="Invalid area code"):
        deep_link(BOT, code)


def test_errors_are_value_errors() -> None:
    assert issubclass(InvalidBotUsername, QrError)
    assert issubclass(InvalidAreaCode, QrError)
    assert issubclass(InvalidPosterText, QrError)
    assert issubclass(QrError, ValueError)


# Fonts and wrapping


@pytest.mark.parametrize("font", [typeface.REGULAR, typeface.BOLD])
def test_shipped_fonts_draw_every_vietnamese_letter(font: Path) -> None:
    face = ImageFont.truetype(str(font), 40)

    def drawn(letter: str) -> bytes:
        image = Image.new("L", (80, 80), 255)
        ImageDraw.Draw(image).text((10, 10), letter, font=face, fill=0)
        return image.tobytes()

    # A letter the font lacks is drawn as the .notdef box, like this private-use character.
    missing = drawn("\ue000")
    letters = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "–"
    assert [letter for letter in letters if drawn(letter) == missing] == []
    assert drawn("ễ") != drawn("ế")


def test_font_licence_ships_with_the_fonts() -> None:
    licence = (typeface.REGULAR.parent / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence
    assert "Arev Fonts Copyright" in licence


def test_balanced_lines_fit_and_keep_every_word() -> None:
    text = "Thôn Tân Định, xã Cam Hiếu, huyện Cam Lộ, tỉnh Quảng Trị " + "x" * 30
    lines = balanced_lines(text, len, 20)
    assert all(len(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    # Balanced: no orphan on the last line.
    assert balanced_lines("Khu phố 3 – Phường Đông Lễ", len, 24) == [
        "Khu phố 3 –",
        "Phường Đông Lễ",
    ]


# PNG and SVG


@pytest.mark.parametrize(("code", "name"), AREAS)
def test_png_decodes_to_the_exact_deep_link(code: str, name: str) -> None:
    link = deep_link(BOT, code)
    image = Image.open(io.BytesIO(render_png(link, name, UNIT)))
    assert image.format == "PNG"
    assert image.width >= 800
    assert decoded(image) == [link]


def test_png_prints_the_names_under_the_code_within_its_margins() -> None:
    link = deep_link(BOT, "khu-pho-3")
    short = Image.open(io.BytesIO(render_png(link, "Ấp 1", "MTTQ"))).convert("L")
    long = Image.open(io.BytesIO(render_png(link, AREA_100, UNIT_150))).convert("L")
    assert short.width == long.width
    # Long names wrap onto more lines rather than running off the side.
    assert long.height > short.height + 150
    code_height = short.width  # the code is square and as wide as the image
    text = long.crop((0, code_height, long.width, long.height))
    assert sum(text.histogram()[:50]) > 1000  # dark text is there
    margin = long.width // 20
    for side in (
        text.crop((0, 0, margin, text.height)),
        text.crop((long.width - margin, 0, long.width, text.height)),
    ):
        assert sum(side.histogram()[:255]) == 0  # all white: no text is cut at the edges


def test_png_composes_decomposed_diacritics() -> None:
    link = deep_link(BOT, "tan-dinh")
    name = "Thôn Tân Định, xã Cam Hiếu"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    assert render_png(link, decomposed, UNIT) == render_png(link, name, UNIT)


@pytest.mark.parametrize(
    ("area", "unit"), [("", UNIT), ("  \n ", UNIT), ("x" * 101, UNIT), ("Ấp 1", "")]
)
def test_png_refuses_empty_or_too_long_names(area: str, unit: str) -> None:
    with pytest.raises(InvalidPosterText):
        render_png(deep_link(BOT, "a"), area, unit)


def test_bare_code_png_decodes() -> None:
    link = deep_link(BOT, "khu-pho-3")
    image = Image.open(io.BytesIO(render_code_png(link)))
    assert image.width == image.height >= 800
    assert decoded(image) == [link]


def test_svg_draws_the_same_code() -> None:
    link = deep_link(BOT, "tan-dinh")
    svg = render_svg(link).decode("utf-8")
    assert svg.startswith("<?xml")
    viewbox = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert viewbox is not None
    size = int(viewbox.group(1))
    # Rasterise the path's unit squares ("M4,4H5V5H4z") and decode them.
    scale = 12
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    squares = re.findall(r"M([\d.]+),([\d.]+)H([\d.]+)V([\d.]+)H[\d.]+z", svg)
    assert squares
    for left, top, right, bottom in squares:
        x0, y0, x1, y1 = (float(value) * scale for value in (left, top, right, bottom))
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=0)
    assert decoded(image) == [link]


# PDF poster


def poster(
    code: str,
    name: str,
    unit: str = UNIT,
    bot: str = BOT,
    contact: str = "",
    language: str = "vi",
) -> PosterInput:
    return PosterInput.for_area(bot, code, name, unit, contact_text=contact, language=language)


def page_text(pdf: bytes) -> str:
    """The text of a one-page PDF, on one line."""
    document = pdfium.PdfDocument(pdf)
    assert len(document) == 1
    return flat(document[0].get_textpage().get_text_range())


ENGLISH_LINES = [
    TITLE[1],
    SUBTITLE[1],
    CANNOT_SCAN[1],
    TELEGRAM_NEEDED[1],
    *(english for _, english in STEPS),
    PROMISE[1],
    OTHER_CONTACT[1],
]


def test_single_poster_is_one_a4_page_with_everything_on_it() -> None:
    link = deep_link(BOT, "khu-pho-3")
    document = pdfium.PdfDocument(render_poster_pdf([poster("khu-pho-3", AREAS[0][1])]))
    assert len(document) == 1
    page = document[0]
    width, height = page.get_size()
    assert width == pytest.approx(210 * MM, abs=0.5)
    assert height == pytest.approx(297 * MM, abs=0.5)
    text = flat(page.get_textpage().get_text_range())
    for expected in [
        "HÒM THƯ GÓP Ý",
        "Mặt trận lắng nghe ý kiến Nhân dân",
        UNIT,
        "Khu phố 3 – Phường Đông Lễ",
        "Không quét được mã? Tìm tên này trên Telegram:",
        "@homthu_camlo_bot",
        link,
        "Cần có ứng dụng Telegram trên điện thoại để gửi góp ý",
        "Tải Telegram miễn phí trên CH Play (Android) hoặc App Store (iPhone)",
        "Quét mã QR bằng camera điện thoại",
        "Chọn lĩnh vực, viết góp ý, có thể kèm ảnh",
        "Bấm nút Gửi, giữ lại mã tra cứu để theo dõi",
        "Góp ý được gửi ẩn danh: cán bộ chỉ thấy nội dung, lĩnh vực và khu vực, "
        "không thấy tên hay tài khoản của người gửi.",
    ]:
        assert expected in text
    assert decoded(page.render(scale=2).to_pil()) == [link]


def test_poster_lines_speak_to_residents_politely() -> None:
    vietnamese = [
        TITLE[0],
        SUBTITLE[0],
        CANNOT_SCAN[0],
        TELEGRAM_NEEDED[0],
        GET_TELEGRAM,
        PROMISE[0],
    ]
    vietnamese += [step for step, _ in STEPS] + [OTHER_CONTACT[0]]
    text = " ".join(vietnamese).lower()
    assert "bạn" not in text
    assert "hãy" not in text
    assert "zalo" not in text  # Zalo's scanner opens the link in Zalo, not in Telegram
    assert "mã tra cứu" in text


def test_vietnamese_poster_has_no_english_line() -> None:
    text = page_text(render_poster_pdf([poster("khu-pho-3", AREAS[0][1], contact=CONTACT)]))
    assert TELEGRAM_NEEDED[0] in text
    assert OTHER_CONTACT[0] in text
    for english in ENGLISH_LINES:
        assert english not in text
    for word in ("Scan", "Sent anonymously", "SUGGESTION", "Telegram app"):
        assert word not in text


def test_english_poster_has_an_english_line_under_each_vietnamese_one() -> None:
    text = page_text(
        render_poster_pdf([poster("khu-pho-3", AREAS[0][1], contact=CONTACT, language="en")])
    )
    for vietnamese, english in [
        TITLE,
        SUBTITLE,
        CANNOT_SCAN,
        (TELEGRAM_NEEDED[0], f"{TELEGRAM_NEEDED[1]} {GET_TELEGRAM}"),
        *STEPS,
        PROMISE,
        OTHER_CONTACT,
    ]:
        assert f"{vietnamese} {english}" in text


def test_contact_text_is_printed_in_its_own_box_after_the_promise() -> None:
    text = page_text(render_poster_pdf([poster("khu-pho-3", AREAS[0][1], contact=CONTACT)]))
    # Each of its lines whole, after the promise, under its heading.
    assert f"{OTHER_CONTACT[0]} {flat(CONTACT)}" in text
    assert text.index(PROMISE[0]) < text.index(OTHER_CONTACT[0])


@pytest.mark.parametrize("contact", ["", "   ", "\n \n"])
def test_without_contact_text_there_is_no_contact_box(contact: str) -> None:
    text = page_text(render_poster_pdf([poster("khu-pho-3", AREAS[0][1], contact=contact)]))
    assert TELEGRAM_NEEDED[0] in text
    assert OTHER_CONTACT[0] not in text


def test_contact_text_keeps_its_line_breaks_and_composes_diacritics() -> None:
    contact = unicodedata.normalize("NFD", "Điện thoại:   0233 3861 234\n\n  Giờ làm việc: 7h30")
    document = pdfium.PdfDocument(render_poster_pdf([poster("a", "Ấp 1", contact=contact)]))
    lines = document[0].get_textpage().get_text_range().splitlines()
    assert "Điện thoại: 0233 3861 234" in [line.strip() for line in lines]
    assert "Giờ làm việc: 7h30" in [line.strip() for line in lines]


@pytest.mark.parametrize(
    ("contact", "words"),
    [
        ("x" * 301, "longer than 300"),
        ("\n".join(["Dòng"] * 7), "more than 6 lines"),
    ],
)
def test_poster_refuses_a_contact_text_too_long_to_print(contact: str, words: str) -> None:
    with pytest.raises(InvalidPosterText, match=words):
        render_poster_pdf([poster("a", "Ấp 1", contact=contact)])


def test_poster_refuses_an_unknown_language() -> None:
    with pytest.raises(QrError, match="choose vi or en"):
        render_poster_pdf([poster("a", "Ấp 1", language="fr")])


def test_for_area_defaults_to_a_vietnamese_poster_without_contact() -> None:
    made = PosterInput.for_area(BOT, "a", "Ấp 1", UNIT)
    assert made == PosterInput(deep_link(BOT, "a"), BOT, "Ấp 1", UNIT, "", "vi")


def test_poster_pdf_has_one_page_per_area_each_with_its_own_code() -> None:
    posters = [poster(code, name) for code, name in AREAS]
    document = pdfium.PdfDocument(render_poster_pdf(posters))
    assert len(document) == len(AREAS)
    for page, (code, name) in zip(document, AREAS, strict=True):
        assert decoded(page.render(scale=2).to_pil()) == [deep_link(BOT, code)]
        text = flat(page.get_textpage().get_text_range())
        assert name in text
        assert "@homthu_camlo_bot" in text


@pytest.mark.parametrize(
    ("area", "unit", "contact", "language", "smallest_code"),
    [
        ("Ấp 1", "MTTQ", "", "vi", QR_SMALLEST),
        (AREA_100, UNIT, "", "vi", QR_SMALLEST),
        (AREA_100, UNIT_150, "", "vi", QR_SMALLEST),
        ("Ấp 1", "MTTQ", CONTACT_300, "vi", QR_SMALLEST),
        (AREA_100, UNIT_150, CONTACT_300, "vi", QR_SMALLER),
        ("Ấp 1", "MTTQ", "", "en", QR_SMALLEST),
        (AREA_100, UNIT_150, "", "en", QR_SMALLER),
        ("Ấp 1", "MTTQ", CONTACT, "en", QR_SMALLER),
        # Everything at its longest, with the English lines: the most crowded poster.
        (AREA_100, UNIT_150, CONTACT_300, "en", QR_FLOOR),
    ],
)
def test_poster_fits_one_page_with_a_large_code_even_for_long_names(
    area: str, unit: str, contact: str, language: str, smallest_code: float
) -> None:
    made = poster("x" * 32, area, unit, contact=contact, language=language)
    document = pdfium.PdfDocument(render_poster_pdf([made]))
    assert len(document) == 1
    page = document[0]
    width, height = page.get_size()
    text_page = page.get_textpage()
    text = flat(text_page.get_text_range())
    assert area in text
    assert unit in text
    assert flat(PROMISE[0]) in text
    assert flat(contact) in text  # the last lines made it onto the page
    images = list(page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
    assert len(images) == 1
    code_left, code_bottom, code_right, code_top = images[0].get_bounds()
    assert code_right - code_left >= smallest_code * MM - 0.5
    inset = FRAME_INSET * MM
    for index in range(text_page.count_chars()):
        left, bottom, right, top = text_page.get_charbox(index)
        if right <= left:  # line breaks have no box
            continue
        assert inset < left
        assert right < width - inset
        assert inset < bottom
        assert top < height - inset
        overlaps_code = left < code_right and right > code_left
        overlaps_code = overlaps_code and bottom < code_top and top > code_bottom
        assert not overlaps_code
    assert decoded(page.render(scale=2).to_pil()) == [deep_link(BOT, "x" * 32)]


def test_default_poster_keeps_the_largest_code() -> None:
    document = pdfium.PdfDocument(render_poster_pdf([poster("khu-pho-3", AREAS[0][1])]))
    images = list(document[0].get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
    code_left, _, code_right, _ = images[0].get_bounds()
    assert code_right - code_left == pytest.approx(120 * MM, abs=0.5)


def test_forty_posters_in_one_pdf_each_with_its_own_code() -> None:
    areas = [(f"khu-pho-{number}", f"Khu phố {number}") for number in range(1, 41)]
    posters = [poster(code, name, contact=CONTACT) for code, name in areas]
    document = pdfium.PdfDocument(render_poster_pdf(posters))
    assert len(document) == 40
    for page, (code, name) in zip(document, areas, strict=True):
        assert decoded(page.render(scale=1.5).to_pil()) == [deep_link(BOT, code)]
        text = flat(page.get_textpage().get_text_range())
        assert f"{name} " in text  # "Khu phố 1" and not only as part of "Khu phố 10"
        assert flat(CONTACT) in text


def test_poster_shows_the_username_without_a_doubled_at() -> None:
    document = pdfium.PdfDocument(render_poster_pdf([poster("a", "Ấp 1", bot="@HomThu_Bot")]))
    text = flat(document[0].get_textpage().get_text_range())
    assert "@HomThu_Bot" in text
    assert "@@" not in text


def test_poster_refuses_nothing_to_print_and_bad_input() -> None:
    with pytest.raises(QrError):
        render_poster_pdf([])
    with pytest.raises(InvalidBotUsername):
        render_poster_pdf([PosterInput(deep_link(BOT, "a"), "not a bot", "Ấp 1", UNIT)])
    with pytest.raises(InvalidPosterText):
        render_poster_pdf([poster("a", " ")])


# Command line


# What `python -m qr` reads from the environment; the tests' own environment must not leak in.
SETTINGS_FROM_ENVIRONMENT = {
    "BOT_USERNAME",
    "UNIT_NAME",
    "DATABASE_PATH",
    "CONTACT_TEXT",
    "DEFAULT_LANGUAGE",
}


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_FROM_ENVIRONMENT}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "qr", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


def test_cli_writes_png_svg_and_pdf_for_one_area(tmp_path: Path) -> None:
    out = tmp_path / "posters"
    result = run_cli(
        "--area", "khu-pho-3", "--name", "Khu phố 3 – Phường Đông Lễ",
        "--bot-username", "@homthu_camlo_bot", "--unit", UNIT, "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    names = ["khu-pho-3.png", "khu-pho-3.svg", "khu-pho-3.pdf"]
    assert result.stdout.splitlines() == [str(out / name) for name in names]
    assert sorted(path.name for path in out.iterdir()) == sorted(names)
    link = "https://t.me/homthu_camlo_bot?start=khu-pho-3"
    assert decoded(Image.open(out / "khu-pho-3.png")) == [link]
    document = pdfium.PdfDocument(out / "khu-pho-3.pdf")
    assert len(document) == 1
    assert "Khu phố 3 – Phường Đông Lễ" in flat(document[0].get_textpage().get_text_range())
    assert (out / "khu-pho-3.svg").read_bytes().startswith(b"<?xml")


def test_cli_writes_only_the_formats_asked_for(tmp_path: Path) -> None:
    result = run_cli(
        "--area", "ap_1", "--name", "Ấp 1", "--bot-username", BOT,
        "--unit", UNIT, "--format", "svg,png", "--out", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ap_1.png", "ap_1.svg"]


def test_cli_help_explains_options_in_both_languages() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    options = ("--area", "--all", "--name", "--bot-username", "--unit", "--contact")
    for option in (*options, "--language", "--database"):
        assert option in result.stdout
    assert "mã một khu vực" in flat(result.stdout)
    assert "the code of one area" in flat(result.stdout)
    for variable in ("BOT_USERNAME", "UNIT_NAME", "CONTACT_TEXT", "DEFAULT_LANGUAGE"):
        assert variable in result.stdout
    assert "người không dùng Telegram" in flat(result.stdout)
    assert "people without Telegram" in flat(result.stdout)


def test_cli_refuses_a_bad_username_in_one_line(tmp_path: Path) -> None:
    result = run_cli(
        "--area", "khu-pho-3", "--name", "Khu phố 3", "--bot-username", "not a bot",
        "--unit", UNIT, "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert_refused(result, "Invalid bot username")
    assert not (tmp_path / "out").exists()


def test_cli_refuses_a_missing_username(tmp_path: Path) -> None:
    # Run where no .env provides BOT_USERNAME.
    result = run_cli("--area", "a", "--name", "Ấp 1", cwd=tmp_path)
    assert_refused(result, "BOT_USERNAME")


def test_cli_reads_the_username_from_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("BOT_USERNAME=@env_named_bot\nUNIT_NAME=MTTQ xã\n")
    result = run_cli("--area", "a", "--name", "Ấp 1", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = pdfium.PdfDocument(tmp_path / "posters" / "a.pdf")
    text = flat(document[0].get_textpage().get_text_range())
    assert "https://t.me/env_named_bot?start=a" in text
    assert "MTTQ xã" in text


def test_cli_reads_contact_and_language_from_dotenv(tmp_path: Path) -> None:
    # python-dotenv turns \n inside double quotes into a line break, as the bot reads it.
    (tmp_path / ".env").write_text(
        'BOT_USERNAME=env_named_bot\nCONTACT_TEXT="Điện thoại: 0233 3861 234\\nGiờ làm việc: '
        '7h30–17h00"\nDEFAULT_LANGUAGE=EN\n',
        encoding="utf-8",
    )
    result = run_cli("--area", "a", "--name", "Ấp 1", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = pdfium.PdfDocument(tmp_path / "posters" / "a.pdf")
    raw = document[0].get_textpage().get_text_range()
    lines = [line.strip() for line in raw.splitlines()]
    assert "Điện thoại: 0233 3861 234" in lines
    assert "Giờ làm việc: 7h30–17h00" in lines
    assert PROMISE[1] in flat(raw)


def test_cli_options_win_over_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "BOT_USERNAME=env_named_bot\nCONTACT_TEXT=Điện thoại: 0233 3861 234\n"
        "DEFAULT_LANGUAGE=en\n",
        encoding="utf-8",
    )
    args = ["--area", "a", "--name", "Ấp 1", "--format", "pdf", "--language", "vi"]
    result = run_cli(*args, "--contact", "", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = page_text((tmp_path / "posters" / "a.pdf").read_bytes())
    assert TELEGRAM_NEEDED[0] in text
    assert OTHER_CONTACT[0] not in text
    assert PROMISE[1] not in text
    result = run_cli(*args, "--contact", "Nhà văn hóa thôn, tối thứ Năm", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = page_text((tmp_path / "posters" / "a.pdf").read_bytes())
    assert f"{OTHER_CONTACT[0]} Nhà văn hóa thôn, tối thứ Năm" in text


def test_cli_refuses_an_unknown_default_language(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("BOT_USERNAME=env_named_bot\nDEFAULT_LANGUAGE=fr\n")
    result = run_cli("--area", "a", "--name", "Ấp 1", cwd=tmp_path)
    assert_refused(result, "DEFAULT_LANGUAGE", "use vi or en")
    assert not (tmp_path / "posters").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--area", "Khu 3", "--name", "Khu 3"], ["Invalid area code"]),
        (["--area", "a", "--name", "A", "--language", "fr"], ["--language", "invalid choice"]),
        (["--area", "a", "--name", "A", "--contact", "x" * 301], ["longer than 300"]),
        (["--area", "a", "--name", "   "], ["area name is empty"]),
        (["--area", "a", "--name", "x" * 101], ["longer than 100"]),
        (["--area", "a", "--name", "A", "--format", "gif"], ["invalid format"]),
        (["--name", "A"], ["--area", "--all"]),
        (["--all", "--name", "A"], ["--name"]),
    ],
)
def test_cli_refuses_bad_arguments_in_one_line(
    tmp_path: Path, args: list[str], words: list[str]
) -> None:
    result = run_cli(*args, "--bot-username", BOT, "--database", str(tmp_path / "missing.sqlite3"))
    assert_refused(result, *words)


async def add_areas(path: Path, areas: list[tuple[str, str]], closed: list[str]) -> None:
    async with open_database(path) as database:
        for code, name in areas:
            await database.areas.add(code, name)
        for code in closed:
            await database.areas.set_open(code, False)


async def test_cli_all_writes_every_open_area_and_one_pdf_to_print(tmp_path: Path) -> None:
    database = tmp_path / "homthu.sqlite3"
    await add_areas(database, [*AREAS, ("dong-cua", "Khu đã đóng")], closed=["dong-cua"])
    out = tmp_path / "out"
    result = run_cli(
        "--all", "--database", str(database), "--bot-username", BOT, "--unit", UNIT,
        "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = result.stdout.splitlines()
    assert len(written) == 3 * len(AREAS) + 1
    assert written[-1] == str(out / "all-posters.pdf")
    assert not (out / "dong-cua.png").exists()
    for code, _ in AREAS:
        link = deep_link(BOT, code)
        assert decoded(Image.open(out / f"{code}.png")) == [link]
        assert (out / f"{code}.svg").exists()
        assert len(pdfium.PdfDocument(out / f"{code}.pdf")) == 1
    every = pdfium.PdfDocument(out / "all-posters.pdf")
    assert len(every) == len(AREAS)
    links = sorted(decoded(page.render(scale=2).to_pil())[0] for page in every)
    assert links == sorted(deep_link(BOT, code) for code, _ in AREAS)
    text = flat(" ".join(page.get_textpage().get_text_range() for page in every))
    assert all(name in text for _, name in AREAS)
    assert "Khu đã đóng" not in text


async def test_cli_area_without_name_reads_it_from_the_database(tmp_path: Path) -> None:
    database = tmp_path / "homthu.sqlite3"
    await add_areas(database, AREAS[:2], closed=[])
    result = run_cli(
        "--area", "tan-dinh", "--database", str(database), "--bot-username", BOT,
        "--unit", UNIT, "--format", "pdf", "--out", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = flat(pdfium.PdfDocument(tmp_path / "tan-dinh.pdf")[0].get_textpage().get_text_range())
    assert "Thôn Tân Định, xã Cam Hiếu" in text
    unknown = run_cli("--area", "nope", "--database", str(database), "--bot-username", BOT)
    assert_refused(unknown, "No area with code 'nope'")


async def test_cli_all_refuses_a_database_without_open_areas(tmp_path: Path) -> None:
    database = tmp_path / "homthu.sqlite3"
    await add_areas(database, AREAS[:1], closed=[AREAS[0][0]])
    result = run_cli("--all", "--database", str(database), "--bot-username", BOT)
    assert_refused(result, "No open areas")


def test_cli_all_refuses_a_missing_database_without_creating_it(tmp_path: Path) -> None:
    database = tmp_path / "data" / "homthu.sqlite3"
    result = run_cli("--all", "--database", str(database), "--bot-username", BOT)
    assert_refused(result, "Database not found")
    assert not database.parent.exists()
