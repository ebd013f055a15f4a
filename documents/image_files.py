"""An image a resident sent as a file, made into a plain photo (SPEC §3.3).

A photo sent the usual way is compressed by Telegram, which strips its EXIF; an image sent
as a file arrives byte for byte, with the camera's EXIF: where it was taken (GPS), when,
the phone's make and serial. It is decoded and drawn again into a new image, which carries
nothing but pixels, before it goes anywhere. Pure: bytes in, bytes out.
"""

from __future__ import annotations

import io
import threading
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image as PILImage

# Telegram's limits for a photo: 10 MB, width + height at most 10,000, sides at most 20:1.
# A phone photo's size is plenty for staff; larger ones are scaled down to this side.
MAX_SIDE = 2560
MAX_RATIO = 20
QUALITY = 88
# Images whose pixels would not fit in memory are refused unread (Pillow's own guard). A
# JPEG is decoded at a reduced scale near MAX_SIDE (its DCT allows it), so a 50-megapixel
# phone photo costs little; other formats are decoded whole, and refused past
# MAX_DECODED_PIXELS (a 25-megapixel RGBA image holds about 100 MB).
MAX_PIXELS = 60_000_000
MAX_DECODED_PIXELS = 25_000_000
# Decodes at once, whatever number of residents send files together: each may hold a
# hundred megabytes while it runs.
_DECODING = threading.BoundedSemaphore(2)


class UnreadableImage(Exception):
    """The bytes are not an image this bot can decode, or not one Telegram takes as a
    photo."""


def clean_photo(data: bytes) -> bytes:
    """A JPEG of the image's pixels only, turned upright as the camera meant; no EXIF, no
    ICC profile, no comments or other metadata. Raises UnreadableImage.

    Pillow is imported here, not with the module: the bot starts without the drawing
    libraries and loads them when the first image arrives."""
    with _DECODING:
        return _clean(data)


def _clean(data: bytes) -> bytes:
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise UnreadableImage("too many pixels")
                if image.format == "JPEG":
                    image.draft("RGB", (MAX_SIDE, MAX_SIDE))
                if image.width * image.height > MAX_DECODED_PIXELS:
                    raise UnreadableImage("too many pixels to decode")
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = _flattened(upright)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UnreadableImage(type(exc).__name__) from None
    except Image.DecompressionBombWarning:
        raise UnreadableImage("too many pixels") from None
    width, height = pixels.size
    if min(width, height) < 1 or max(width, height) > MAX_RATIO * min(width, height):
        raise UnreadableImage("proportions Telegram refuses for a photo")
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    # Drawn into a new image: nothing of the file's info (EXIF, XMP, comment) comes along.
    clean = Image.new("RGB", pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=QUALITY)
    return out.getvalue()


def _flattened(image: PILImage.Image) -> PILImage.Image:
    """The image in RGB; transparent parts on white (as a phone shows them)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")
