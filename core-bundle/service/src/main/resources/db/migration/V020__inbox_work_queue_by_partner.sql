-- The processor takes each partner's oldest pending messages in turn. Without this index
-- Derby sorted every pending row of the partner for each turn, which made a backlog (after
-- an adapter was away, or under load) slower to work off the longer it grew.
CREATE INDEX inbox_pending_partner ON inbox_pending (partner_id, seq);
