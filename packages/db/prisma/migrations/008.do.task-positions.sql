-- Positions for new tasks without a lock (issue #14). A new task goes to the bottom of its project;
-- reading MAX(position) + 1 made two creates in one project at once (a person's quick adds from
-- several tabs, a next occurrence arriving) take turns on a per-project lock, which serialised all
-- of one person's Inbox writes. A sequence hands out increasing numbers to concurrent transactions
-- without waiting; one sequence for all projects, because positions only order tasks inside a
-- project and a gap between two of them means nothing. It starts above every position in use.
CREATE SEQUENCE task_positions AS bigint;
SELECT setval('task_positions', GREATEST(1, COALESCE((SELECT CEIL(MAX(position))::bigint FROM tasks), 0) + 1), false);
