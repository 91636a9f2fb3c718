-- The series' start (DTSTART) on every task of a recurring series: the due instant its rule was
-- set from, carried to each next occurrence. A fixed schedule is computed from it rather than
-- from the previous due time, which a DST gap may have moved (02:30 → 03:30) for one day only.

ALTER TABLE tasks ADD COLUMN series_start_at timestamptz(3);

-- Existing series start from their current due time: the best anchor known (it is what the
-- next occurrence was computed from until now).
UPDATE tasks SET series_start_at = due_at WHERE rrule IS NOT NULL AND due_at IS NOT NULL;
