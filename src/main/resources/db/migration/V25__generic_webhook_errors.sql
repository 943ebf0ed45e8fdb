-- A partner is shown the kind of a failed delivery attempt, never an exception's own text (which can
-- name internal hosts, addresses, proxies or timings). Errors stored before this release were the
-- exception's class and message: they become the generic kind. "target refused: ..." (the
-- service's own wording about the partner's URL) and "HTTP <status>" (the receiver's own answer)
-- stay.
UPDATE webhook_delivery SET last_error = 'connection failed'
 WHERE last_error IS NOT NULL AND last_error NOT LIKE 'target refused: %'
   AND last_error NOT LIKE 'HTTP %'
   AND last_error NOT IN ('connection timed out', 'no response in time', 'TLS handshake failed',
                          'connection refused', 'connection failed');
UPDATE webhook_attempt SET error = 'connection failed'
 WHERE error IS NOT NULL AND error NOT LIKE 'target refused: %'
   AND error NOT LIKE 'HTTP %'
   AND error NOT IN ('connection timed out', 'no response in time', 'TLS handshake failed',
                     'connection refused', 'connection failed');
