"""English words of the files the bot makes: the periodic report, the forwarding slip, the
export's sheet and columns, the letterhead, and the digest's chart (the same keys as
``texts.vi.documents``).

Plain text, not HTML: ``documents/`` sets the ``doc_`` words on paper and in spreadsheets
as they are. Keys starting with ``letterhead_``, ``report_doc_``, ``export_`` and
``chart_`` are read through the catalogue's HTML escaping: the bot unescapes them before
use.
"""

TEXTS: dict[str, str] = {
    # Digest chart (plain text drawn in the image, which the staff group receives)
    "chart_title": "New feedback by topic\n{period}",
    "chart_period": "{since} – {until}",
    "chart_period_all": "until {until}",
    "chart_axis": "Feedback",
    # Shared by every document
    "doc_national_name": "SOCIALIST REPUBLIC OF VIET NAM",
    "doc_national_motto": "Independence - Freedom - Happiness",
    "doc_date_line": "{place}, {day}/{month}/{year}",
    "doc_thousands_mark": ",",
    "doc_decimal_mark": ".",
    "doc_percent": "{value}%",
    "doc_no_data": "no data yet",
    "doc_recipients": "To:",
    "doc_recipient_item": "- {name};",
    "doc_recipient_archive": "- File: Records.",
    "doc_signature_authority": "ON BEHALF OF THE STANDING BOARD",
    "doc_signature_title": "CHAIRPERSON",
    # Table columns
    "doc_col_number": "No.",
    "doc_col_topic": "Topic",
    "doc_col_area": "Area",
    "doc_col_received": "Received",
    "doc_col_resolved": "Resolved",
    "doc_col_subtotal": "Total",
    "doc_col_on_time": "On time",
    "doc_col_rejected": "Not handled",
    "doc_col_open": "In progress",
    "doc_col_overdue": "Overdue",
    "doc_col_total": "Total",
    "doc_col_code": "Code",
    "doc_col_agency": "Agency",
    "doc_col_forwarded_on": "Forwarded on",
    "doc_col_status": "Status",
    "doc_col_due": "Due",
    "doc_col_days_late": "Days overdue",
    "doc_col_handler": "Handled by",
    # The periodic report (/report)
    "doc_report_number": "No.: {number}/BC-MTTQ",
    "doc_report_kind": "REPORT",
    "doc_period_month": "month {month} of {year}",
    "doc_period_quarter": "quarter {quarter} of {year}",
    "doc_report_subject": (
        "Feedback from the people received and handled through the electronic suggestion "
        "box, {period}"
    ),
    "doc_report_intro": (
        "In its role of oversight and social criticism, and of helping to build a clean and "
        "strong Party and government, {committee} reports on the feedback from the people "
        "received and handled through the electronic suggestion box from {start} to {end}:"
    ),
    "doc_report_section_receipt": "I. FEEDBACK RECEIVED",
    "doc_report_received": (
        "In the period, the electronic suggestion box received {count} feedback(s) from the "
        "people."
    ),
    "doc_report_forwarded_count": (
        "Of these, {count} feedback(s) within another body's competence were forwarded to "
        "the competent agency to consider and resolve."
    ),
    "doc_report_received_none": (
        "In the period, the electronic suggestion box received no feedback from the people."
    ),
    "doc_report_section_results": "II. RESULTS",
    "doc_report_results_lead": "The feedback received in the period was handled as follows:",
    "doc_report_resolved": "- Resolved: {count};",
    "doc_report_rejected": "- Not handled (not eligible to be considered or resolved): {count};",
    "doc_report_open": "- Being considered and resolved: {count}.",
    "doc_report_results_none": "In the period, there was no feedback to consider or resolve.",
    "doc_report_on_time": (
        "Share of feedback resolved on time: {rate} (of the {basis} received in the period "
        "that were resolved or overdue by the end of {end})."
    ),
    "doc_report_on_time_none": (
        "Share of feedback resolved on time: {rate} (by the end of {end}, none received in "
        "the period was resolved or overdue)."
    ),
    "doc_report_satisfaction": (
        "Share of senders satisfied with the outcome: {rate} (of {ratings} rating(s))."
    ),
    "doc_report_satisfaction_none": "Share of senders satisfied with the outcome: {rate}.",
    "doc_report_section_breakdown": "III. RESULTS BY TOPIC AND AREA",
    "doc_report_by_topic": "1. By topic",
    "doc_report_by_area": "2. By area",
    "doc_report_breakdown_none": "In the period, there is nothing to break down by topic or area.",
    "doc_report_section_forwarded": "IV. FEEDBACK FORWARDED TO COMPETENT AGENCIES",
    "doc_report_forwarded_lead": (
        "In the period, {count} feedback(s) were forwarded to the competent agency to "
        "consider and resolve:"
    ),
    "doc_report_forwarded_none": "In the period, no feedback had to be forwarded to an agency.",
    "doc_report_section_overdue": "V. OVERDUE FEEDBACK",
    "doc_report_overdue_lead": (
        "At the end of {end}, {count} unresolved feedback(s) were past their due date "
        "(counted in working days):"
    ),
    "doc_report_overdue_lead_split": (
        "At the end of {end}, {count} unresolved feedback(s) were past their due date "
        "(counted in working days): {in_period} received in the period (the «Overdue» "
        "column of section III) and {earlier} received in earlier periods:"
    ),
    "doc_report_overdue_none": "At the end of {end}, no feedback was overdue.",
    "doc_report_section_remarks": "VI. REMARKS AND RECOMMENDATIONS",
    "doc_report_remarks": "1. Remarks",
    "doc_report_remarks_results": (
        "- By the end of {end}, {resolved} of the {received} feedback received in the "
        "period were resolved ({share}); {rejected} not handled; {open} being considered "
        "and resolved."
    ),
    "doc_report_remarks_none": (
        "- In the period, the people sent no feedback through the electronic suggestion box."
    ),
    "doc_report_remarks_topic": "- The topic with the most feedback: {name} ({count}).",
    "doc_report_remarks_area": "- The area with the most feedback: {name} ({count}).",
    "doc_report_remarks_overdue": (
        "- {count} feedback are overdue and unresolved (section V); the departments and "
        "agencies concerned are asked to resolve them without delay."
    ),
    "doc_report_remarks_overdue_split": (
        "- {count} feedback are overdue and unresolved (section V): {in_period} received in "
        "the period and {earlier} in earlier periods; the departments and agencies concerned "
        "are asked to resolve them without delay."
    ),
    "doc_report_remarks_no_overdue": (
        "- By the end of {end}, no feedback was overdue and unresolved."
    ),
    "doc_report_remarks_unsatisfied": (
        "- {count} rating(s) said «not satisfied» with the outcome."
    ),
    "doc_report_remarks_own": "- Other remarks of the Standing Board:",
    "doc_report_recommendations": "2. Recommendations",
    "doc_report_no_handler": "Not assigned",
    "doc_report_closing": (
        "This is the report of {committee} on the feedback from the people received and "
        "handled through the electronic suggestion box, {period}./."
    ),
    # The forwarding slip (phieu-chuyen-<code>.pdf)
    "doc_slip_number": "No.: {number}/PC-MTTQ",
    "doc_slip_kind": "FEEDBACK FORWARDING SLIP",
    "doc_slip_subject": "Forwarding feedback from the people, code {code}",
    "doc_slip_to": "To: {agency}",
    "doc_slip_intro": (
        "{committee} has received the following feedback from the people through the "
        "electronic suggestion box:"
    ),
    "doc_slip_code": "- Code: {code}",
    "doc_slip_area": "- Area: {area}",
    "doc_slip_topic": "- Topic: {topic}",
    "doc_slip_received": "- Received: {time} on {date}",
    "doc_slip_due": "- Due: {date}",
    "doc_slip_photos": (
        "- Photos: {count}, kept in the electronic suggestion box, available on request"
    ),
    "doc_slip_photos_none": "- Photos: none",
    "doc_slip_location": "- Location (latitude, longitude): {latitude}, {longitude}",
    "doc_slip_text": "The feedback:",
    "doc_slip_anonymous": (
        "The feedback was sent anonymously through the electronic suggestion box. Please "
        "quote the code {code} in your answer."
    ),
    "doc_slip_request": (
        "{agency} is kindly requested to consider and resolve it within its competence and "
        "to report the outcome to {committee} before {due}."
    ),
    "doc_slip_addressee": "As above",
    # The export (/export): sheet and columns
    "doc_export_sheet": "Feedback",
    "doc_export_code": "Reference code",
    "doc_export_area": "Area",
    "doc_export_topic": "Topic",
    "doc_export_status": "Status",
    "doc_export_created": "Sent",
    "doc_export_changed": "Status changed",
    "doc_export_due": "Due",
    "doc_export_resolved": "Resolved",
    "doc_export_overdue": "Overdue",
    "doc_export_handler": "Handled by",
    "doc_export_agency": "Forwarded to",
    "doc_export_text": "Text",
    "doc_export_answer_count": "Answers",
    "doc_export_answers": "Public answers",
    "doc_export_notes": "Internal notes",
    "doc_export_additions": "Additions from the sender",
    "doc_export_rating": "Rating",
    "doc_export_latitude": "Latitude",
    "doc_export_longitude": "Longitude",
    "doc_export_extension": "Why the deadline was extended",
    "doc_export_yes": "Yes",
    "doc_export_no": "No",
    # /report: the committee on the letterhead (plain text)
    "letterhead_board": "STANDING BOARD",
    "letterhead_front": "VIETNAM FATHERLAND FRONT COMMITTEE",
    "letterhead_committee": (
        "The Standing Board of the Vietnam Fatherland Front Committee of {unit}"
    ),
    "report_doc_recipient_superior": (
        "The Standing Board of the Fatherland Front Committee above"
    ),
    "report_doc_recipient_local": (
        "The Party Committee, People's Council and People's Committee of {unit}"
    ),
    "report_doc_agency_unknown": "(agency not recorded)",
    # /export: answers, notes, additions and the rating (plain text)
    "export_answer": "{time}: {body}",
    "export_note": "{time} ({author}): {body}",
    "export_addition": "{time}: {body}",
    "export_photo": "[photo]",
    "export_satisfied": "Satisfied",
    "export_dissatisfied": "Not satisfied",
}
