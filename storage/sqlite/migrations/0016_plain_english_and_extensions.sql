-- Issue 19, item 20: the English full names of the default topics were the committee's
-- administrative categories word for word («Civilised urban living, infrastructure» behind
-- the «Roads, utilities» button). They become words a resident reads at a glance; a name
-- an admin has given (/topicname_en) is left as it is.
UPDATE topics SET name_en = 'Local government and the Party'
    WHERE id = 1 AND name_en = 'Politics, Party and government building';
UPDATE topics SET name_en = 'Jobs, incomes and daily life'
    WHERE id = 2 AND name_en = 'Economy and livelihoods';
UPDATE topics SET name_en = 'Health, schools, culture and community'
    WHERE id = 3 AND name_en = 'Culture and society, health, education';
UPDATE topics SET name_en = 'Safety, security and public order'
    WHERE id = 4 AND name_en = 'Defence, security and public order';
UPDATE topics SET name_en = 'Paperwork and public services'
    WHERE id = 5 AND name_en = 'Administrative reform, public services';
UPDATE topics SET name_en = 'Corruption and waste of public money'
    WHERE id = 6 AND name_en = 'Fighting corruption and waste';
UPDATE topics SET name_en = 'Environment, rubbish, land and water'
    WHERE id = 7 AND name_en = 'Natural resources, environment';
UPDATE topics SET name_en = 'Roads, electricity, water and public spaces'
    WHERE id = 8 AND name_en = 'Civilised urban living, infrastructure';
UPDATE topics SET name_en = 'About officials and Party members'
    WHERE id = 9 AND name_en = 'Feedback on officials and Party members';
UPDATE topics SET name_en = 'Good deeds and good examples'
    WHERE id = 10 AND name_en = 'Role models and good practices';

-- Issue 19, item 22: staff extend one feedback's deadline («gia hạn») by working days, with
-- a reason the resident reads on /status; who did it and when is kept for staff. The
-- feedback's due_at moves to the new date (reports count on time against it).
CREATE TABLE deadline_extensions (
    id              INTEGER PRIMARY KEY,
    feedback_id     INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    days            INTEGER NOT NULL CHECK (days BETWEEN 1 AND 365),
    reason          TEXT    NOT NULL,
    extended_by     TEXT    NOT NULL,
    extended_at     TEXT    NOT NULL,
    previous_due_at TEXT,
    due_at          TEXT    NOT NULL
);
CREATE INDEX deadline_extensions_feedback ON deadline_extensions (feedback_id, id);
