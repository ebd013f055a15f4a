"""The forwarding slip ("phiếu chuyển"): the printable letter that carries a feedback to an
agency without a Telegram group (SPEC §5, Forwarding).

It holds the feedback's content, code, area, topic and deadline, and nothing about who
sent it: ``SlipData`` has no field for the sender.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from documents.letterhead import Letterhead, Words, count, numeric_date, say


@dataclass(frozen=True, slots=True)
class SlipData:
    """One forwarded feedback. ``received_at`` is local time (aware); ``location`` is the
    latitude and longitude of the matter, when the resident gave one."""

    letterhead: Letterhead
    agency: str
    code: str
    area: str
    topic: str
    received_at: datetime
    due: date
    text: str
    photos: int
    location: tuple[float, float] | None = None


# Space inside the box around the feedback's text, in millimetres.
_BOX_PADDING = 3.0


def render_slip_pdf(data: SlipData, words: Words) -> bytes:
    """The slip as an A4 PDF; a long text continues in its box over the next pages."""
    from fpdf.util import Padding

    from documents import pdf_format as page
    from documents.layout import BODY_PT, CONTENT_WIDTH, MARGIN_LEFT, TITLE_PT

    head = data.letterhead
    kind = words["doc_slip_kind"]
    subject = say(words, "doc_slip_subject", code=data.code)
    pdf = page.new_pdf(f"{kind} – {data.code}", head.committee)
    pdf.add_page()
    page.draw_letterhead(pdf, words, head, "doc_slip_number")
    page.draw_title(pdf, kind, subject)

    addressee = page.shown(say(words, "doc_slip_to", agency=data.agency))
    page.set_font(pdf, "", TITLE_PT)
    for line in page.wrapped(pdf, addressee, CONTENT_WIDTH - 20.0):
        pdf.set_x(MARGIN_LEFT + 10.0)
        pdf.cell(CONTENT_WIDTH - 20.0, page.line_height(TITLE_PT), line, align="C")
        pdf.ln(page.line_height(TITLE_PT))
    pdf.ln(3.0)

    page.paragraph(pdf, say(words, "doc_slip_intro", committee=head.committee))
    for fact in _facts(data, words):
        page.paragraph(pdf, fact)
    # The heading stays with the top of the box and its first two lines.
    box_start = 2 * page.line_height(BODY_PT) + 2 * _BOX_PADDING
    page.paragraph(pdf, words["doc_slip_text"], style="B", keep_with=box_start)

    page.set_font(pdf, "", BODY_PT)
    pdf.set_x(MARGIN_LEFT)
    pdf.multi_cell(
        CONTENT_WIDTH,
        page.line_height(BODY_PT),
        page.shown(data.text.strip()),
        border=1,
        align="L",
        padding=Padding.new(_BOX_PADDING),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(page.PARAGRAPH_GAP)

    page.paragraph(pdf, say(words, "doc_slip_anonymous", code=data.code))
    request = say(
        words,
        "doc_slip_request",
        agency=data.agency,
        committee=head.committee,
        due=numeric_date(data.due),
    )
    # "Nơi nhận": the agency ("as above") and the archive.
    recipients = (words["doc_slip_addressee"],)
    signature = page.closing_height(pdf, words, head, recipients)
    page.paragraph(pdf, request, keep_with=signature)
    page.draw_closing(pdf, words, head, recipients)
    return page.pdf_bytes(pdf)


def _facts(data: SlipData, words: Words) -> list[str]:
    """The lines that say which feedback this is, and by when it is due."""
    received = data.received_at
    facts = [
        say(words, "doc_slip_code", code=data.code),
        say(words, "doc_slip_area", area=data.area),
        say(words, "doc_slip_topic", topic=data.topic),
        say(
            words,
            "doc_slip_received",
            time=received.strftime("%H:%M"),
            date=numeric_date(received.date()),
        ),
        say(words, "doc_slip_due", date=numeric_date(data.due)),
    ]
    if data.photos:
        facts.append(say(words, "doc_slip_photos", count=count(words, data.photos)))
    else:
        facts.append(words["doc_slip_photos_none"])
    if data.location is not None:
        latitude, longitude = data.location
        facts.append(
            say(
                words,
                "doc_slip_location",
                latitude=f"{latitude:.6f}",
                longitude=f"{longitude:.6f}",
            )
        )
    return facts
