#!/usr/bin/env bash
# Fault script: faults under load, and what they cost. Two scenarios, each on a fresh schema:
#
#   pg-restart  signed assistant-requests for FAULT_SECONDS (default 12) from FAULT_WORKERS (default 16) clients;
#               PostgreSQL is restarted after a third of that time with FAULT_PG_RESTART (default: pg_ctlcluster for
#               the one local cluster, else `service postgresql restart`).
#   sigterm     the same load; Masker gets SIGTERM after a third of the time and must drain and exit 0.
#
# Each prints what the clients got (status counts, connection errors) and what was lost: an answer 200 whose
# call_started audit event is not in the database. 503s during the fault are expected (Masker refuses what it cannot
# audit); a 200 without its event is a loss. Usage: bench/faults.sh [pg-restart|sigterm|all] (default all).
# Needs: python3, curl, psql, openssl; for pg-restart, the right to restart PostgreSQL (root on the CI machines).
# The webhook rate limit is lifted so that the load reaches the database.
# Exit 0 when nothing was lost (and, for sigterm, Masker exited 0), else 1.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require "apt-get install python3 curl postgresql-client openssl" python3 curl psql openssl

scenario="${1:-all}"
seconds="${FAULT_SECONDS:-12}"
workers="${FAULT_WORKERS:-16}"

pg_restart() {
  if [ -n "${FAULT_PG_RESTART:-}" ]; then
    sh -c "$FAULT_PG_RESTART"
  elif command -v pg_lsclusters >/dev/null 2>&1 && [ "$(pg_lsclusters -h | wc -l)" = 1 ]; then
    read -r version cluster _ < <(pg_lsclusters -h)
    pg_ctlcluster "$version" "$cluster" restart
  else
    service postgresql restart
  fi
}

# Sends signed assistant-requests (stamped now, each call id its own) until the time is up; prints one line per call:
# "<call id> <status or error>".
load() {
  python3 - "$port" "$agent_id" "$webhook_secret" "$run_id" "$seconds" "$workers" "$1" <<'PY'
import hashlib, hmac, http.client, json, sys, threading, time
port, agent, secret, run, seconds, workers, tag = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], \
    float(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
deadline = time.time() + seconds
lock, results, counter = threading.Lock(), [], [0]

def worker():
    conn = None
    while time.time() < deadline:
        with lock:
            counter[0] += 1
            call_id = "%s-%s-%d" % (tag, run, counter[0])
        body = json.dumps({"message": {"type": "assistant-request", "timestamp": int(time.time() * 1000),
                                       "call": {"id": call_id, "assistantId": "asst_fault"}}}).encode()
        mac = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("POST", "/vapi/webhook/" + agent, body,
                         {"Content-Type": "application/json", "X-Vapi-Signature": mac})
            response = conn.getresponse()
            response.read()
            outcome = str(response.status)
            if response.getheader("Connection", "").lower() == "close":
                conn.close(); conn = None
        except Exception as e:
            outcome = "error:" + type(e).__name__
            if conn is not None:
                conn.close()
            conn = None
            time.sleep(0.05)
        with lock:
            results.append((call_id, outcome))

threads = [threading.Thread(target=worker) for _ in range(workers)]
for t in threads: t.start()
for t in threads: t.join()
for call_id, outcome in results:
    print(call_id, outcome)
PY
}

# Prints the outcome counts and the losses of one scenario's load; returns 1 when a 200 has no call_started event.
report() {
  local name=$1 file=$2 ok recorded lost
  sleep 3 # the audit's group commit
  ok="$(awk '$2 == "200"' "$file" | wc -l)"
  recorded="$(psql_q "SELECT count(*) FROM $schema.audit_event WHERE type = 'call_started'
                      AND body LIKE '%\"$name-$run_id-%'")"
  lost=$((ok > recorded ? ok - recorded : 0))
  echo "$name: $(awk '{print $2}' "$file" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
  echo "$name: lost $lost of $ok answered calls (call_started recorded: $recorded)"
  [ "$lost" = 0 ]
}

# Starts Masker and an agent, then the load (loader = its pid) tagged $1, and waits a third of the run.
start_under_load() {
  bench_start_masker MASKER_VAPI_RATE_LIMIT_PER_SECOND=1000000 MASKER_VAPI_RATE_LIMIT_BURST=1000000
  bench_create_agent '{"name": "faults '"$1 $run_id"'", "upstream": "stub"}'
  log "$1: $workers clients for $seconds s; the fault after $((seconds / 3)) s"
  load "$1" >"$work/$1.txt" &
  loader=$!
  sleep "$((seconds / 3))"
}

status=0
bench_setup
if [ "$scenario" = all ] || [ "$scenario" = pg-restart ]; then
  start_under_load pgrestart
  pg_restart
  log "PostgreSQL restarted"
  wait "$loader"
  until psql_q 'SELECT 1' >/dev/null 2>&1; do sleep 0.5; done
  report pgrestart "$work/pgrestart.txt" || status=1
  bench_stop "$server_pid" "the server"
  server_pid=""
fi
if [ "$scenario" = all ] || [ "$scenario" = sigterm ]; then
  start_under_load sigterm
  kill -TERM -- "-$server_pid"
  exit_code=0
  wait "$server_pid" || exit_code=$?
  server_pid=""
  log "Masker exited with $exit_code"
  wait "$loader"
  report sigterm "$work/sigterm.txt" || status=1
  echo "sigterm: Masker exited with $exit_code"
  [ "$exit_code" = 0 ] || status=1
fi
exit "$status"
