-- Close log entries left 'running' by a process that died mid-import (kill -9, power loss): their data
-- transaction never committed, so nothing of them is in the tables. Call only while holding the write
-- lock with no import running in this process. Grain: every such row. No parameters.
UPDATE imports
SET status = 'interrupted', finished_at = current_localtimestamp()
WHERE status = 'running';
