-- What residents see of a topic (SPEC §3.1): a short label and an emoji, in the order
-- admins set; the full name stays what staff and reports use.
ALTER TABLE topics ADD COLUMN emoji TEXT NOT NULL DEFAULT '';
ALTER TABLE topics ADD COLUMN label_vi TEXT;
ALTER TABLE topics ADD COLUMN label_en TEXT;
ALTER TABLE topics ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE topics SET position = id;

-- Short labels for the committee's default topics, where admins have not renamed them:
-- at most 18 characters with the emoji, so that two share a row on a phone.
UPDATE topics SET emoji = '🏛️', label_vi = 'Chính quyền', label_en = 'Local council'
    WHERE id = 1 AND name_vi = 'Chính trị, xây dựng Đảng và chính quyền';
UPDATE topics SET emoji = '💼', label_vi = 'Đời sống', label_en = 'Daily life'
    WHERE id = 2 AND name_vi = 'Kinh tế, đời sống';
UPDATE topics SET emoji = '🏥', label_vi = 'Y tế, trường học', label_en = 'Health, schools'
    WHERE id = 3 AND name_vi = 'Văn hóa – xã hội, y tế, giáo dục';
UPDATE topics SET emoji = '🚓', label_vi = 'An ninh, trật tự', label_en = 'Safety, order'
    WHERE id = 4 AND name_vi = 'Quốc phòng, an ninh, trật tự';
UPDATE topics SET emoji = '📄', label_vi = 'Thủ tục, giấy tờ', label_en = 'Paperwork'
    WHERE id = 5 AND name_vi = 'Cải cách hành chính, dịch vụ công';
UPDATE topics SET emoji = '⚖️', label_vi = 'Tham nhũng', label_en = 'Corruption'
    WHERE id = 6 AND name_vi = 'Phòng chống tham nhũng, lãng phí';
UPDATE topics SET emoji = '🌳', label_vi = 'Môi trường, rác', label_en = 'Environment'
    WHERE id = 7 AND name_vi = 'Tài nguyên, môi trường';
UPDATE topics SET emoji = '🚧', label_vi = 'Đường, điện nước', label_en = 'Roads, utilities'
    WHERE id = 8 AND name_vi = 'Xây dựng đô thị văn minh, hạ tầng';
UPDATE topics SET emoji = '👤', label_vi = 'Về cán bộ', label_en = 'About officials'
    WHERE id = 9 AND name_vi = 'Góp ý cán bộ, đảng viên';
UPDATE topics SET emoji = '🌟', label_vi = 'Gương tốt', label_en = 'Good examples'
    WHERE id = 10 AND name_vi = 'Gương điển hình, mô hình tiêu biểu';
UPDATE topics SET emoji = '💬', label_vi = 'Khác', label_en = 'Other'
    WHERE id = 11 AND name_vi = 'Khác';
