-- A counter that moves whenever activities change, so that cached public pages (the catalogue) can tell whether they
-- are still current with one cheap read. A sequence, not a row, so that concurrent changes (seat reservations) never
-- wait for each other; bumped by deferred triggers, at commit, so that a reader rarely sees the new number before the
-- new data (cached pages also expire after a short time).
create sequence activity_change_seq;

create function bump_activity_change() returns trigger language plpgsql as $$
begin
    perform nextval('activity_change_seq');
    return null;
end
$$;

create constraint trigger activity_changed after insert or update or delete on activity
    deferrable initially deferred for each row execute function bump_activity_change();
create constraint trigger activity_session_changed after insert or update or delete on activity_session
    deferrable initially deferred for each row execute function bump_activity_change();
create constraint trigger activity_target_group_changed after insert or update or delete on activity_target_group
    deferrable initially deferred for each row execute function bump_activity_change();
create constraint trigger activity_trainer_changed after insert or update or delete on activity_trainer
    deferrable initially deferred for each row execute function bump_activity_change();
