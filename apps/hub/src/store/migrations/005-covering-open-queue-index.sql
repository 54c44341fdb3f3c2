-- The queue head, "people ahead" and waiting counts filter open tickets on status,
-- priority and deadline: carrying them in the index keeps those reads inside the
-- index instead of fetching every open ticket's row (measured in BENCHMARKS.md).
DROP INDEX tickets_open_queue;
CREATE INDEX tickets_open_queue ON tickets (service_id, queue_key, id, status, priority, deadline)
  WHERE status IN ('booked', 'waiting');

-- The rolling average of service times reads called_at too.
DROP INDEX tickets_done_by_service;
CREATE INDEX tickets_done_by_service ON tickets (service_id, day, finished_at, called_at) WHERE status = 'done';
