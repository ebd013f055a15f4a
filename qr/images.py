"""The QR code as images: a labelled PNG to share or print, a bare PNG, and an SVG."""

import io

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont
from qrcode.image.svg import SvgPathImage

from qr import typeface
from qr.names import checked_area_name, checked_unit_name
from qr.wrapping import balanced_lines

# Q (25% recovery) survives a poster that is creased, faded or partly covered by a pin.
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_Q
# The standard asks for 4 modules of white around the code; phone cameras need no more.
QUIET_ZONE_MODULES = 4
# The labelled PNG is about this wide, quiet zone included: sharp on an A4 print at 150 dpi.
PNG_WIDTH_PX = 1200

_AREA_NAME_PX = 64
_UNIT_NAME_PX = 44
_LINE_SPACING = 1.25


def _qr_code(link: str, box_size: int) -> qrcode.QRCode:
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECTION, border=QUIET_ZONE_MODULES, box_size=box_size
    )
    code.add_data(link)
    code.make(fit=True)
    return code


def _qr_image(link: str, width_px: int) -> tuple[Image.Image, int]:
    """The code with its quiet zone, as close to `width_px` as whole-pixel modules allow.

    Returns the grey-scale image and the size of one module in pixels.
    """
    code = _qr_code(link, box_size=1)
    modules = code.modules_count + 2 * QUIET_ZONE_MODULES
    code.box_size = max(1, width_px // modules)
    image: Image.Image = code.make_image(fill_color="black", back_color="white").get_image()
    return image.convert("L"), code.box_size


def render_code_png(link: str, width_px: int = 1000) -> bytes:
    """Return a PNG of the bare QR code, quiet zone included, about `width_px` wide."""
    output = io.BytesIO()
    _qr_image(link, width_px)[0].convert("1").save(output, format="PNG", optimize=True)
    return output.getvalue()


def render_svg(link: str) -> bytes:
    """Return the QR code as an SVG document (UTF-8, with an XML declaration)."""
    image = qrcode.make(
        link,
        image_factory=SvgPathImage,
        error_correction=ERROR_CORRECTION,
        border=QUIET_ZONE_MODULES,
    )
    output = io.BytesIO()
    image.save(output)
    return output.getvalue()


def render_png(link: str, area_name: str, unit_name: str) -> bytes:
    """Return a PNG of the QR code with the area name and the unit name under it."""
    area = checked_area_name(area_name)
    unit = checked_unit_name(unit_name)
    code, module_px = _qr_image(link, PNG_WIDTH_PX)
    width = code.width
    side = module_px * QUIET_ZONE_MODULES
    area_font = ImageFont.truetype(str(typeface.BOLD), _AREA_NAME_PX)
    unit_font = ImageFont.truetype(str(typeface.REGULAR), _UNIT_NAME_PX)
    text_width = width - 2 * side

    blocks = [
        (balanced_lines(area, area_font.getlength, text_width), area_font, _AREA_NAME_PX, 0),
        (balanced_lines(unit, unit_font.getlength, text_width), unit_font, _UNIT_NAME_PX, 60),
    ]
    gap = _UNIT_NAME_PX // 2
    text_height = sum(round(len(lines) * size * _LINE_SPACING) for lines, _, size, _ in blocks)
    height = code.height + text_height + gap + side

    canvas = Image.new("L", (width, height), color=255)
    canvas.paste(code, (0, 0))
    draw = ImageDraw.Draw(canvas)
    y = code.height
    for lines, font, size, colour in blocks:
        for line in lines:
            # Anchored at the ascender, so lines are evenly spaced whatever letters they hold.
            draw.text((width / 2, y), line, font=font, fill=colour, anchor="ma")
            y += round(size * _LINE_SPACING)
        y += gap
    output = io.BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()
