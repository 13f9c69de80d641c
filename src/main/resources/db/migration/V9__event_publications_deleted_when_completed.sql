-- Event publications are now deleted when their listener completes (spring.modulith.events.completion-mode=delete);
-- remove the completed ones kept so far, so the table holds only work that is still to do.
delete from event_publication where completion_date is not null;
