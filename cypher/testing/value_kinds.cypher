// Values of every kind the port converts or passes through, plain and nested, for the port's own tests.
RETURN 'text' AS text, 7 AS whole, 0.5 AS ratio, true AS flag, null AS nothing,
       datetime('2026-11-29T10:15:30.123456789+01:00') AS at, date('2026-11-29') AS day,
       localdatetime('2026-11-29T10:15:30') AS local_at, time('10:15:30Z') AS clock,
       duration('P1DT2H') AS span,
       [date('2026-01-01'), 1, 'x', null] AS mixed,
       {when: datetime('2026-01-02T00:00:00Z'), n: 2, days: [date('2026-01-03')], inner: {d: date('2026-01-04')}} AS nested
