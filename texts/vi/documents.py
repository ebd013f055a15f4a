"""Vietnamese words of the files the bot makes: the periodic report, the forwarding slip,
the export's sheet and columns, the letterhead, and the digest's chart.

Plain text, not HTML: ``documents/`` sets the ``doc_`` words on paper and in spreadsheets
as they are. Keys starting with ``letterhead_``, ``report_doc_``, ``export_`` and
``chart_`` are read through the catalogue's HTML escaping: the bot unescapes them before
use.
"""

TEXTS: dict[str, str] = {
    # Digest chart (plain text drawn in the image, which the staff group receives)
    "chart_title": "Góp ý mới theo lĩnh vực\n{period}",
    "chart_period": "{since} – {until}",
    "chart_period_all": "đến {until}",
    "chart_axis": "Số góp ý",
    # Shared by every document (Nghị định 30/2020/NĐ-CP)
    "doc_national_name": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "doc_national_motto": "Độc lập - Tự do - Hạnh phúc",
    "doc_date_line": "{place}, ngày {day} tháng {month} năm {year}",
    "doc_thousands_mark": ".",
    "doc_decimal_mark": ",",
    "doc_percent": "{value}%",
    "doc_no_data": "chưa có dữ liệu",
    "doc_recipients": "Nơi nhận:",
    "doc_recipient_item": "- {name};",
    "doc_recipient_archive": "- Lưu: VT.",
    "doc_signature_authority": "TM. BAN THƯỜNG TRỰC",
    "doc_signature_title": "CHỦ TỊCH",
    # Table columns
    "doc_col_number": "TT",
    "doc_col_topic": "Lĩnh vực",
    "doc_col_area": "Khu vực",
    "doc_col_received": "Tiếp nhận",
    "doc_col_resolved": "Đã giải quyết",
    "doc_col_subtotal": "Tổng số",
    "doc_col_on_time": "Đúng hạn",
    "doc_col_rejected": "Không xử lý",
    "doc_col_open": "Đang xử lý",
    "doc_col_overdue": "Quá hạn",
    "doc_col_total": "Tổng cộng",
    "doc_col_code": "Mã góp ý",
    "doc_col_agency": "Cơ quan tiếp nhận",
    "doc_col_forwarded_on": "Ngày chuyển",
    "doc_col_status": "Tình trạng",
    "doc_col_due": "Hạn giải quyết",
    "doc_col_days_late": "Số ngày quá hạn",
    "doc_col_handler": "Người xử lý",
    # The periodic report (/report)
    "doc_report_number": "Số: {number}/BC-MTTQ",
    "doc_report_kind": "BÁO CÁO",
    "doc_period_month": "tháng {month} năm {year}",
    "doc_period_quarter": "quý {quarter} năm {year}",
    "doc_report_subject": (
        "Kết quả tiếp nhận, xử lý góp ý của Nhân dân qua Hòm thư góp ý điện tử, {period}"
    ),
    "doc_report_intro": (
        "Thực hiện chức năng giám sát và phản biện xã hội, tham gia xây dựng Đảng, xây dựng "
        "chính quyền trong sạch, vững mạnh, {committee} báo cáo kết quả tiếp nhận, xử lý góp "
        "ý của Nhân dân qua Hòm thư góp ý điện tử từ ngày {start} đến ngày {end} như sau:"
    ),
    "doc_report_section_receipt": "I. TÌNH HÌNH TIẾP NHẬN",
    "doc_report_received": (
        "Trong kỳ báo cáo, Hòm thư góp ý điện tử đã tiếp nhận {count} góp ý của Nhân dân."
    ),
    "doc_report_forwarded_count": (
        "Trong số đó, {count} góp ý thuộc thẩm quyền của cơ quan khác đã được chuyển đến cơ "
        "quan có thẩm quyền xem xét, giải quyết."
    ),
    "doc_report_received_none": (
        "Trong kỳ báo cáo, Hòm thư góp ý điện tử không tiếp nhận góp ý nào của Nhân dân."
    ),
    "doc_report_section_results": "II. KẾT QUẢ XỬ LÝ",
    "doc_report_results_lead": "Kết quả xử lý các góp ý tiếp nhận trong kỳ như sau:",
    "doc_report_resolved": "- Đã giải quyết: {count} góp ý;",
    "doc_report_rejected": (
        "- Không xử lý (không đủ điều kiện xem xét, giải quyết): {count} góp ý;"
    ),
    "doc_report_open": "- Đang xem xét, giải quyết: {count} góp ý.",
    "doc_report_results_none": "Trong kỳ báo cáo không có góp ý nào phải xem xét, giải quyết.",
    "doc_report_on_time": (
        "Tỷ lệ góp ý được giải quyết đúng hạn: {rate} (tính trên {basis} góp ý tiếp nhận trong "
        "kỳ mà đến hết ngày {end} đã được giải quyết hoặc đã quá hạn)."
    ),
    "doc_report_on_time_none": (
        "Tỷ lệ góp ý được giải quyết đúng hạn: {rate} (đến hết ngày {end}, chưa có góp ý nào "
        "tiếp nhận trong kỳ đã giải quyết hoặc đã quá hạn)."
    ),
    "doc_report_satisfaction": (
        "Tỷ lệ người góp ý hài lòng với kết quả giải quyết: {rate} (trên {ratings} lượt đánh giá)."
    ),
    "doc_report_satisfaction_none": "Tỷ lệ người góp ý hài lòng với kết quả giải quyết: {rate}.",
    "doc_report_section_breakdown": "III. KẾT QUẢ THEO LĨNH VỰC VÀ KHU VỰC",
    "doc_report_by_topic": "1. Theo lĩnh vực",
    "doc_report_by_area": "2. Theo khu vực",
    "doc_report_breakdown_none": (
        "Trong kỳ báo cáo không có số liệu để tổng hợp theo lĩnh vực và khu vực."
    ),
    "doc_report_section_forwarded": "IV. GÓP Ý ĐÃ CHUYỂN CƠ QUAN CÓ THẨM QUYỀN",
    "doc_report_forwarded_lead": (
        "Trong kỳ báo cáo, {count} góp ý đã được chuyển đến cơ quan có thẩm quyền xem xét, "
        "giải quyết, cụ thể:"
    ),
    "doc_report_forwarded_none": (
        "Trong kỳ báo cáo không có góp ý nào phải chuyển cơ quan có thẩm quyền."
    ),
    "doc_report_section_overdue": "V. GÓP Ý QUÁ HẠN GIẢI QUYẾT",
    "doc_report_overdue_lead": (
        "Đến hết ngày {end}, còn {count} góp ý chưa được giải quyết đã quá hạn (thời hạn tính "
        "theo ngày làm việc), cụ thể:"
    ),
    "doc_report_overdue_lead_split": (
        "Đến hết ngày {end}, còn {count} góp ý chưa được giải quyết đã quá hạn (thời hạn tính "
        "theo ngày làm việc), gồm {in_period} góp ý tiếp nhận trong kỳ (cột «Quá hạn» ở mục "
        "III) và {earlier} góp ý tiếp nhận từ các kỳ trước, cụ thể:"
    ),
    "doc_report_overdue_none": ("Đến hết ngày {end}, không có góp ý nào quá hạn giải quyết."),
    "doc_report_section_remarks": "VI. NHẬN XÉT, KIẾN NGHỊ",
    "doc_report_remarks": "1. Nhận xét",
    "doc_report_remarks_results": (
        "- Đến hết ngày {end}, đã giải quyết {resolved} trên {received} góp ý tiếp nhận trong "
        "kỳ ({share}); {rejected} góp ý không xử lý; {open} góp ý đang xem xét, giải quyết."
    ),
    "doc_report_remarks_none": (
        "- Trong kỳ báo cáo, Nhân dân chưa gửi góp ý nào qua Hòm thư góp ý điện tử."
    ),
    "doc_report_remarks_topic": "- Lĩnh vực được góp ý nhiều nhất: {name} ({count} góp ý).",
    "doc_report_remarks_area": "- Khu vực có nhiều góp ý nhất: {name} ({count} góp ý).",
    "doc_report_remarks_overdue": (
        "- Còn {count} góp ý quá hạn chưa được giải quyết (mục V); đề nghị các bộ phận, cơ "
        "quan có liên quan khẩn trương giải quyết dứt điểm."
    ),
    "doc_report_remarks_overdue_split": (
        "- Còn {count} góp ý quá hạn chưa được giải quyết (mục V), gồm {in_period} góp ý "
        "tiếp nhận trong kỳ và {earlier} góp ý tiếp nhận từ các kỳ trước; đề nghị các bộ "
        "phận, cơ quan có liên quan khẩn trương giải quyết dứt điểm."
    ),
    "doc_report_remarks_no_overdue": (
        "- Đến hết ngày {end}, không còn góp ý nào quá hạn chưa được giải quyết."
    ),
    "doc_report_remarks_unsatisfied": (
        "- Có {count} lượt đánh giá chưa hài lòng với kết quả giải quyết."
    ),
    "doc_report_remarks_own": "- Nhận xét khác của Ban Thường trực:",
    "doc_report_recommendations": "2. Kiến nghị",
    "doc_report_no_handler": "Chưa phân công",
    "doc_report_closing": (
        "Trên đây là báo cáo kết quả tiếp nhận, xử lý góp ý của Nhân dân qua Hòm thư góp ý "
        "điện tử {period} của {committee}./."
    ),
    # The forwarding slip (phieu-chuyen-<code>.pdf)
    "doc_slip_number": "Số: {number}/PC-MTTQ",
    "doc_slip_kind": "PHIẾU CHUYỂN GÓP Ý",
    "doc_slip_subject": "Về việc chuyển góp ý của Nhân dân, mã {code}",
    "doc_slip_to": "Kính gửi: {agency}",
    "doc_slip_intro": (
        "{committee} nhận được góp ý của Nhân dân qua Hòm thư góp ý điện tử, thông tin như sau:"
    ),
    "doc_slip_code": "- Mã góp ý: {code}",
    "doc_slip_area": "- Khu vực: {area}",
    "doc_slip_topic": "- Lĩnh vực: {topic}",
    "doc_slip_received": "- Thời điểm tiếp nhận: {time} ngày {date}",
    "doc_slip_due": "- Hạn giải quyết: ngày {date}",
    "doc_slip_photos": (
        "- Ảnh kèm theo: {count} ảnh, lưu tại Hòm thư góp ý điện tử, cung cấp khi có đề nghị"
    ),
    "doc_slip_photos_none": "- Ảnh kèm theo: không có",
    "doc_slip_location": "- Vị trí sự việc (vĩ độ, kinh độ): {latitude}, {longitude}",
    "doc_slip_text": "Nội dung góp ý:",
    "doc_slip_anonymous": (
        "Góp ý được gửi ẩn danh qua Hòm thư góp ý điện tử. Khi phản hồi, đề nghị ghi rõ mã "
        "góp ý {code}."
    ),
    "doc_slip_request": (
        "Đề nghị {agency} xem xét, giải quyết theo thẩm quyền và phản hồi kết quả về "
        "{committee} trước ngày {due}."
    ),
    "doc_slip_addressee": "Như trên",
    # The export (/export): sheet and columns
    "doc_export_sheet": "Góp ý",
    "doc_export_code": "Mã tra cứu",
    "doc_export_area": "Khu vực",
    "doc_export_topic": "Lĩnh vực",
    "doc_export_status": "Trạng thái",
    "doc_export_created": "Ngày gửi",
    "doc_export_changed": "Cập nhật trạng thái",
    "doc_export_due": "Hạn giải quyết",
    "doc_export_resolved": "Ngày giải quyết",
    "doc_export_overdue": "Quá hạn",
    "doc_export_handler": "Người xử lý",
    "doc_export_agency": "Cơ quan được chuyển",
    "doc_export_text": "Nội dung",
    "doc_export_answer_count": "Số câu trả lời",
    "doc_export_answers": "Trả lời công khai",
    "doc_export_notes": "Ghi chú nội bộ",
    "doc_export_additions": "Bổ sung của người góp ý",
    "doc_export_rating": "Đánh giá",
    "doc_export_latitude": "Vĩ độ",
    "doc_export_longitude": "Kinh độ",
    "doc_export_extension": "Lý do gia hạn",
    "doc_export_yes": "Có",
    "doc_export_no": "Không",
    # /report: the committee on the letterhead (plain text)
    "letterhead_board": "BAN THƯỜNG TRỰC",
    "letterhead_front": "ỦY BAN MTTQ VIỆT NAM",
    "letterhead_committee": "Ban Thường trực Ủy ban MTTQ Việt Nam {unit}",
    "report_doc_recipient_superior": "Ban Thường trực Ủy ban MTTQ Việt Nam cấp trên",
    "report_doc_recipient_local": "Đảng ủy, HĐND, UBND {unit}",
    "report_doc_agency_unknown": "(không ghi cơ quan)",
    # /export: answers, notes, additions and the rating (plain text)
    "export_answer": "{time}: {body}",
    "export_note": "{time} ({author}): {body}",
    "export_addition": "{time}: {body}",
    "export_photo": "[ảnh]",
    "export_satisfied": "Hài lòng",
    "export_dissatisfied": "Chưa hài lòng",
}
