"""Vietnamese words of the printed A4 poster (``qr/poster.py``): title, steps, the promise
of anonymity, that Telegram is needed, and where else to go without it.

Plain text, not HTML: the poster sets them on paper as they are. Residents of every age
read them: plain words, no "bạn", and the instructions in the neutral form of a public
notice.
"""

TEXTS: dict[str, str] = {
    "poster_title": "HÒM THƯ GÓP Ý",
    "poster_subtitle": "Mặt trận lắng nghe ý kiến Nhân dân",
    "poster_cannot_scan": "Không quét được mã? Tìm tên này trên Telegram:",
    "poster_telegram_needed": "Cần có ứng dụng Telegram trên điện thoại để gửi góp ý",
    # Where a resident without Telegram gets it: the two stores a phone in Vietnam has.
    "poster_get_telegram": "Tải Telegram miễn phí trên CH Play (Android) hoặc App Store (iPhone)",
    # A phone's camera hands the link to Telegram. Telegram's own scanner reads only its
    # login codes, not a link, so it is not named; Zalo's scanner opens the link in Zalo's
    # own browser first, which does not always pass it on, so Zalo is not named either
    # (until there is a web page to open).
    "poster_step_scan": "Quét mã QR bằng camera điện thoại",
    "poster_step_write": "Chọn lĩnh vực, viết góp ý, có thể kèm ảnh",
    "poster_step_send": "Bấm nút Gửi, giữ lại mã tra cứu để theo dõi",
    "poster_promise": (
        "Góp ý được gửi ẩn danh: cán bộ chỉ thấy nội dung, lĩnh vực và khu vực, "
        "không thấy tên hay tài khoản của người gửi."
    ),
    "poster_other_contact": "Nếu không dùng Telegram, xin liên hệ:",
}
