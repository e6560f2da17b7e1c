-- The live feed resumes after the last check-in a client saw (Last-Event-ID = its seq). A check-in can
-- take a lower seq than another yet commit after it; a client that saw the later one and then lost its
-- connection would never get the earlier one from "seq > last". So each check-in records the transaction
-- that wrote it and the snapshot it was written under: on resume, rows below the last seen one whose
-- transaction was still running, invisible to that snapshot, are sent as well.
alter table check_in add column writer_xid xid8, add column written_under pg_snapshot;
alter table check_in alter column writer_xid set default pg_current_xact_id(),
                     alter column written_under set default pg_current_snapshot();
create index check_in_writer_xid on check_in (writer_xid) where writer_xid is not null;
