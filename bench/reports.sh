#!/usr/bin/env bash
# Benchmark (not a test) of the compliance reports: how long GET /api/v1/reports,
# /api/v1/agents/{id}/report and /api/v1/sessions/{id}/report take over an audit log of BENCH_EVENTS (100,000)
# synthetic turn_proxied events with a valid hash chain, JSON and PDF, against a real PostgreSQL. See bench/README.md.
#
#   bench/reports.sh
#
# Settings (environment, all optional): BENCH_EVENTS (100000), BENCH_TURNS_PER_SESSION (10), BENCH_RUNS (5 timed runs
# per request after one warm-up), BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres),
# BENCH_PGDATABASE (test), BENCH_PGPASSWORD (empty), BENCH_KEEP_WORKDIR (unset: the temporary folder is removed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
events="${BENCH_EVENTS:-100000}"
per_session="${BENCH_TURNS_PER_SESSION:-10}"
runs="${BENCH_RUNS:-5}"

bench_require "apt-get install -y curl postgresql-client; and a JDK 21+" curl psql
bench_setup
bench_start_masker MASKER_API_RATE_LIMIT_PER_SECOND=1000 MASKER_API_RATE_LIMIT_BURST=1000
bench_create_agent "{\"name\":\"bench-reports-$run_id\",\"upstream\":\"stub\"}"
log "agent $agent_id; inserting $events turn_proxied events ($per_session turns a session) over the last 23 hours"

# The events are written as the audit adapter writes them: canonical JSON (keys sorted, no white space), each hash
# SHA-256(prev_hash || body) chained on from the head, and the head moved on; so the chain check a report makes passes.
started=$SECONDS
psql_q "SET search_path TO $schema;
DO \$\$
DECLARE
  head_seq bigint; prev text; body text; h text; at timestamptz; kinds text[] := ARRAY['NAME:1', 'NAME:1,PHONE:1',
  'DOB:1,NAME:2', 'EMAIL:1', 'ADDRESS:1,CITY:1,ZIP:1', 'MRN:1,NAME:1']; masked text; total int; i bigint;
BEGIN
  SELECT seq, hash INTO head_seq, prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  FOR i IN 1..$events LOOP
    at := date_trunc('milliseconds', now() - interval '23 hours' + (interval '23 hours' * i / $events));
    masked := kinds[1 + i % 6];
    total := (SELECT sum(CAST(split_part(e, ':', 2) AS int)) FROM unnest(string_to_array(masked, ',')) AS e);
    body := '{\"agent_id\":\"$agent_id\",\"data\":{\"leak_findings\":\"' || (CASE WHEN i % 5000 = 0 THEN 1 ELSE 0 END)
      || '\",\"mask_us\":\"' || (300 + i % 700) || '\",\"masked\":\"' || masked || '\",\"masked_total\":\"' || total
      || '\",\"model\":\"stub\",\"outcome\":\"ok\",\"request_id\":\"req_0' || upper(substr(md5('r' || i), 1, 25))
      || '\",\"restored\":\"' || total || '\",\"session_id\":\"sess_0' || upper(substr(md5('s' || (i / $per_session)), 1, 25))
      || '\",\"stream\":\"false\",\"total_us\":\"' || (5000 + i % 3000) || '\",\"upstream\":\"stub\",\"upstream_first_byte_us\":\"'
      || (2000 + i % 1000) || '\",\"upstream_us\":\"' || (4000 + i % 2000) || '\",\"vault_us\":\"' || (200 + i % 300)
      || '\",\"vault_wait_us\":\"' || (i % 50) || '\"},\"event_id\":\"evt_0' || upper(substr(md5('e' || i), 1, 25))
      || '\",\"occurred_at\":\"' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
      || '\",\"seq\":' || (head_seq + i) || ',\"type\":\"turn_proxied\"}';
    h := encode(sha256(convert_to(prev || body, 'UTF8')), 'hex');
    INSERT INTO audit_event (seq, event_id, type, agent_id, occurred_at, body, prev_hash, hash)
      VALUES (head_seq + i, 'evt_0' || upper(substr(md5('e' || i), 1, 25)), 'turn_proxied', '$agent_id', at, body, prev, h);
    prev := h;
  END LOOP;
  UPDATE audit_chain_head SET seq = head_seq + $events, hash = prev WHERE id = 1;
END
\$\$;
ANALYZE audit_event;" >/dev/null
log "inserted in $((SECONDS - started)) s; the log holds $(psql_q "SELECT count(*) FROM $schema.audit_event") events"
# A real log is written over weeks, and autovacuum has long set its hint bits and statistics; a log bulk-inserted a
# second ago would make the first timed requests race autovacuum over the fresh rows. Settle it first.
psql_q "VACUUM ANALYZE $schema.audit_event" >/dev/null
log "vacuumed and analysed the audit log"
session="sess_0$(psql_q "SELECT upper(substr(md5('s' || 4242), 1, 25))")"

# One warm-up, then BENCH_RUNS timed requests; prints min / median / max seconds and checks the answer.
measure() {
  local label=$1 path=$2 times=() i code
  curl -sS -o "$work/out" -H "Authorization: Bearer $admin_token" "$base$path"
  for i in $(seq "$runs"); do
    read -r code t < <(curl -sS -o "$work/out" -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $admin_token" "$base$path")
    [ "$code" = 200 ] || { log "$path answered $code: $(head -c 300 "$work/out")"; exit 1; }
    times+=("$t")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '%-28s min %6.3f s  median %6.3f s  max %6.3f s  (%s bytes)\n' "$label" "${sorted[0]}" \
    "${sorted[$((runs / 2))]}" "${sorted[$((runs - 1))]}" "$(wc -c < "$work/out")"
  if [[ "$path" != *pdf* ]]; then
    grep -o '"turns":[0-9]*' "$work/out" | head -n 1 | sed "s/^/  $label: /" >&2
    grep -o '"verdict":"[a-z_]*"' "$work/out" | sed "s/^/  $label: /" >&2
  fi
}

echo "== reports over $events events ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
measure "deployment json (24h)" "/api/v1/reports?since=24h"
measure "deployment pdf (24h)" "/api/v1/reports?since=24h&format=pdf"
measure "deployment json (7d)" "/api/v1/reports?since=7d"
measure "agent json (24h)" "/api/v1/agents/$agent_id/report"
measure "agent pdf (24h)" "/api/v1/agents/$agent_id/report?format=pdf"
measure "session json" "/api/v1/sessions/$session/report"
measure "session pdf" "/api/v1/sessions/$session/report?format=pdf"
