-- Issue 11 asks that a resident read everything in their own language. A «Không xử lý»
-- reason chosen from the preset buttons is one of the committee's standard phrases, which
-- both catalogues hold; it was stored only as text in the committee's language, so an
-- English-speaking resident read it in Vietnamese. Its number is now kept beside the text:
-- residents read the phrase in their language, staff, reports and exports keep the text.
-- An officer's own words have no number and reach residents as written.
ALTER TABLE status_changes ADD COLUMN reason_preset INTEGER;

-- Reasons given before this migration whose text is a preset's, in either language.
UPDATE status_changes SET reason_preset = CASE reason
    WHEN 'Không thuộc thẩm quyền giải quyết' THEN 1
    WHEN 'Trùng với góp ý đã nhận' THEN 2
    WHEN 'Thiếu thông tin để xác minh' THEN 3
    WHEN 'Nội dung không phù hợp' THEN 4
    WHEN 'Not within our competence' THEN 1
    WHEN 'The same as feedback already received' THEN 2
    WHEN 'Not enough information to verify' THEN 3
    WHEN 'Inappropriate content' THEN 4
END
WHERE status = 'rejected' AND reason IS NOT NULL;
