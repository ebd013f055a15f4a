"""English words of the printed A4 poster (the same keys as ``texts.vi.poster``): on an
English poster (DEFAULT_LANGUAGE=en) each is printed under its Vietnamese line, smaller.

Plain text, not HTML.
"""

TEXTS: dict[str, str] = {
    "poster_title": "SUGGESTION BOX",
    "poster_subtitle": "The Fatherland Front listens to the people",
    "poster_cannot_scan": "Cannot scan the code? Search Telegram for this name:",
    # Says where to get it too: the English lines have no room for a line of their own.
    "poster_telegram_needed": (
        "Sending feedback needs the Telegram app on a phone (free on Google Play, App Store)"
    ),
    # Not printed: poster_telegram_needed's English line names the stores already, and the
    # Vietnamese line is printed on every poster.
    "poster_get_telegram": "Get Telegram free on Google Play (Android) or the App Store (iPhone)",
    "poster_step_scan": "Scan the QR code with the phone's camera",
    "poster_step_write": "Choose a topic and write the feedback; photos may be added",
    "poster_step_send": "Press Gửi (Send) and keep the reference code to follow the feedback",
    "poster_promise": (
        "Sent anonymously: staff see only the text, topic and area, never the sender's name "
        "or account."
    ),
    "poster_other_contact": "Without Telegram, the committee can be reached at:",
}
