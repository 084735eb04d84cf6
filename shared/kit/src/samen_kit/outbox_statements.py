"""The outbox's hot statements: reserve sequence numbers, write the rows and wake the
relay, all in one round trip.

The sequence upsert takes the row lock of each pupil's counter until the transaction
ends (see `samen_kit.sequence`), so two transactions about the same pupil still
serialise and the later one gets the higher number *and* commits later. The encoded
headers carry a draft `ce_sequence`; `jsonb_set` puts the reserved number in its place.
NOTIFY is delivered at commit and dropped at rollback, and PostgreSQL folds repeats
within a transaction, so sending it with every write costs nothing extra.
"""

from __future__ import annotations

# $1 event id, $2 tenant, $3 subject, $4 topic, $5 key, $6 value, $7 headers (JSON),
# $8 index of the ce_sequence header, $9 the relay's channel. No row: the id was
# written before, and no sequence number is spent on it.
EMIT_ONE = """
WITH fresh AS (
    SELECT WHERE NOT EXISTS (SELECT FROM outbox WHERE event_id = $1::uuid)
), reserved AS (
    INSERT INTO pupil_sequence AS s (tenant, subject, last)
    SELECT $2::text, $3::text, 1 FROM fresh
    ON CONFLICT (tenant, subject) DO UPDATE SET last = s.last + 1
    RETURNING last
), written AS (
    INSERT INTO outbox (event_id, topic, key, value, headers)
    SELECT $1::uuid, $4::text, $5::bytea, $6::bytea,
           jsonb_set($7::jsonb, ARRAY[$8::int::text, '1'], to_jsonb(reserved.last::text))
    FROM reserved
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id
)
SELECT reserved.last AS sequence
FROM written, reserved, LATERAL (SELECT pg_notify($9::text, '')) AS woken
"""

# The same for many events, as arrays in emission order. A subject named n times gets
# n consecutive numbers in that order; counters are locked in (tenant, subject) order,
# so two batches touching the same pupils do not deadlock. Rows enter the outbox in
# emission order. Returns every emission's place, number and whether it was written
# (an id already in the outbox is left out, as before).
EMIT_MANY = """
WITH wanted AS (
    SELECT * FROM unnest(
        $1::uuid[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::bytea[],
        $7::jsonb[], $8::int[]
    ) WITH ORDINALITY AS w(event_id, tenant, subject, topic, key, value, headers, at, ord)
), counts AS (
    SELECT tenant, subject, count(*) AS n FROM wanted GROUP BY tenant, subject
), reserved AS (
    INSERT INTO pupil_sequence AS s (tenant, subject, last)
    SELECT tenant, subject, n FROM counts ORDER BY tenant, subject
    ON CONFLICT (tenant, subject) DO UPDATE SET last = s.last + excluded.last
    RETURNING tenant, subject, last
), numbered AS (
    SELECT wanted.*, reserved.last - counts.n
           + row_number() OVER (PARTITION BY wanted.tenant, wanted.subject ORDER BY wanted.ord)
           AS sequence
    FROM wanted
    JOIN counts USING (tenant, subject)
    JOIN reserved USING (tenant, subject)
), written AS (
    INSERT INTO outbox (event_id, topic, key, value, headers)
    SELECT event_id, topic, key, value,
           jsonb_set(headers, ARRAY[at::text, '1'], to_jsonb(sequence::text))
    FROM numbered ORDER BY ord
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id
), woken AS (
    SELECT pg_notify($9::text, '') FROM (SELECT FROM written LIMIT 1) AS any_written
)
SELECT numbered.ord, numbered.sequence, written.event_id IS NOT NULL AS written
FROM numbered
LEFT JOIN written USING (event_id)
CROSS JOIN (SELECT count(*) FROM woken) AS notified
ORDER BY numbered.ord
"""
