#!/usr/bin/env bash
# Benchmark (not a test) of POST /vapi/webhook/{agent_id}: signed assistant-requests, each a NEW call that appends a
# durable call_started audit event, against a real PostgreSQL. See bench/README.md.
#
#   bench/webhook.sh
#
# Settings (environment, all optional): BENCH_AGENTS (200), BENCH_THREADS (2), BENCH_CONNECTIONS (64),
# BENCH_WARMUP_SECONDS (10), BENCH_SECONDS (30), BENCH_RATE (1000), BENCH_RATE_SECONDS (30),
# BENCH_RATE_CONNECTIONS (32), BENCH_PGHOST (127.0.0.1), BENCH_PGPORT (5432), BENCH_PGUSER (postgres),
# BENCH_PGDATABASE (test), BENCH_PGPASSWORD (empty), BENCH_KEEP_WORKDIR (unset: the temporary folder is removed).
# Any MASKER_* variable already set (e.g. MASKER_JAVA_OPTS, MASKER_DATABASE_POOL_SIZE) is passed to the server as is,
# except the ones this script owns (database, schema, secrets, port).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"

agents_n="${BENCH_AGENTS:-200}"
threads="${BENCH_THREADS:-2}"
conns="${BENCH_CONNECTIONS:-64}"
warmup_s="${BENCH_WARMUP_SECONDS:-10}"
max_s="${BENCH_SECONDS:-30}"
rate="${BENCH_RATE:-1000}"
rate_s="${BENCH_RATE_SECONDS:-30}"
rate_conns="${BENCH_RATE_CONNECTIONS:-32}"

bench_require "apt-get install -y wrk python3 openssl curl postgresql-client" wrk python3 openssl curl psql

# The real interpreter (a pyenv shim costs ~100 ms per start, which adds up over hundreds of agents).
py="$(python3 -c 'import sys; print(sys.executable)')"

top_pid=""
bench_on_exit() {
  if [ -n "$top_pid" ]; then kill "$top_pid" 2>/dev/null; wait "$top_pid" 2>/dev/null; fi
}
bench_setup

# ---- 1. the server ----------------------------------------------------------------------------------------------
# The admin API limit (30/s, burst 60 per principal) would answer some of the 200 creations below with 429.
bench_start_masker MASKER_API_RATE_LIMIT_PER_SECOND=1000 MASKER_API_RATE_LIMIT_BURST=1000

# ---- 2. agents --------------------------------------------------------------------------------------------------
# Many agents, so that the per-agent webhook rate limit (100/s sustained, burst 200) is not what is measured:
# 200 agents allow 20,000 req/s in total. The rate-limit settings are left at their defaults.
log "creating $agents_n agents"
: >"$work/agents.txt"
for n in $(seq 1 "$agents_n"); do
  bench_create_agent "{\"name\":\"bench-$run_id-$n\",\"upstream\":\"stub\",\"assistant\":{\"firstMessage\":\"Hello, this is the clinic.\",\"model\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You book appointments.\"}]},\"voice\":{\"provider\":\"11labs\",\"voiceId\":\"sarah\"}}}"
  echo "$agent_id" >>"$work/agents.txt"
done
log "created $(wc -l <"$work/agents.txt") agents"

# One request by hand: the whole benchmark is worthless if the answers are not 200.
export MASKER_VAPI_WEBHOOK_SECRET="$webhook_secret"
gen() { # gen PHASE PER_THREAD
  "$py" "$here/gen_requests.py" --agents "$work/agents.txt" --out "$work/$1" --threads "$threads" \
    --per-thread "$2" --run "$run_id" --phase "$1"
}
gen probe 1
IFS=$'\t' read -r probe_path probe_sig probe_body <"$work/probe.1"
probe_code="$(curl -sS -o "$work/probe.json" -w '%{http_code}' -X POST "$base$probe_path" \
  -H 'Content-Type: application/json' -H "X-Vapi-Signature: $probe_sig" --data-binary "$probe_body")"
if [ "$probe_code" != 200 ]; then log "a signed assistant-request answered $probe_code: $(cat "$work/probe.json")"; exit 1; fi
log "probe: 200, $(wc -c <"$work/probe.json") bytes of assistant configuration"

# ---- 3./4. the runs ---------------------------------------------------------------------------------------------
# CPU accounting, in clock ticks, from /proc: the server JVM, all PostgreSQL processes, and the whole machine.
tck="$(getconf CLK_TCK)"
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local total=0 p
  for p in $(pgrep -u postgres 2>/dev/null || true); do total=$((total + $(proc_ticks "$p"))); done
  echo "$total"
}
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }
cpu_snapshot() { echo "$(proc_ticks "$server_pid") $(pg_ticks) $(machine_ticks)"; }

# wrk PHASE THREADS CONNECTIONS SECONDS RATE: runs wrk with webhook.lua on the data of PHASE and keeps its output,
# and the CPU each part used meanwhile (in $work/PHASE.cpu: masker postgres wrk busy total, in ticks).
run_wrk() {
  local phase=$1 t=$2 c=$3 d=$4 r=$5 before after wrk_cpu
  before="$(cpu_snapshot)"
  local TIMEFORMAT='%U %S'
  { time wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s --latency -s "$here/webhook.lua" "$base" \
      -- "$work/$phase" "$r" "$t" >"$work/$phase.out" 2>"$work/$phase.err"; } 2>"$work/$phase.time"
  cat "$work/$phase.err" >&2
  cat "$work/$phase.out"
  after="$(cpu_snapshot)"
  wrk_cpu="$(awk -v t="$tck" '{ printf "%d", ($1 + $2) * t }' "$work/$phase.time")"
  echo "$before $after $wrk_cpu" | awk '{ print $5 - $1, $6 - $2, $9, $7 - $3, $8 - $4 }' >"$work/$phase.cpu"
}
# cpu_report PHASE: where the CPU went during a run, and what that means per request.
cpu_report() {
  local phase=$1
  read -r m p w busy total <"$work/$phase.cpu"
  awk -v m="$m" -v p="$p" -v w="$w" -v busy="$busy" -v total="$total" -v t="$tck" \
      -v n="$(field "$phase" responses)" -v cores="$(nproc)" 'BEGIN {
    other = busy - m - p - w; if (other < 0) other = 0
    printf "  machine: %.0f%% busy of %d cores; Masker %.2f cores, PostgreSQL %.2f, wrk %.2f, everything else %.2f\n",
      100 * busy / total, cores, cores * m / total, cores * p / total, cores * w / total, cores * other / total
    ms = 1000 / t / n
    per = (m + p + w) * ms
    printf "  CPU per request: Masker %.3f ms, PostgreSQL %.3f ms, wrk %.3f ms = %.3f ms; ", m * ms, p * ms, w * ms, per
    printf "%d cores with nothing else running fit at most ~%.0f req/s\n", cores, cores * 1000 / per
  }'
}
field() { # field PHASE NAME: a value from the BENCH line of a run
  sed -n 's/^BENCH .*\b'"$2"'=\([^ ]*\).*/\1/p' "$work/$1.out"
}

# Every request is a distinct call id, so each run needs its own data, generously sized for its length.
warm_per_thread=$(( (15000 * warmup_s + threads - 1) / threads ))
rate_per_thread=$(( (rate * rate_s * 12 / 10 + 2000 + threads - 1) / threads ))
log "pre-signing $((warm_per_thread * threads)) warm-up and $((rate_per_thread * threads)) fixed-rate requests"
gen warmup "$warm_per_thread"
gen rate "$rate_per_thread"

echo
echo "=== (a) warm-up: ${warmup_s} s, $threads threads, $conns connections ==="
run_wrk warmup "$threads" "$conns" "$warmup_s" 0

warm_rps="$(field warmup rps)"
# JIT warm-up makes the warm-up rate an underestimate, hence the wide margin (a thread that runs dry stops and says so).
max_total=$("$py" -c "import sys; r=float(sys.argv[1]); print(max(300000, int(r * $max_s * 3)))" "$warm_rps")
max_per_thread=$(( (max_total + threads - 1) / threads ))
log "pre-signing $((max_per_thread * threads)) requests for the max-throughput run (warm-up ran at ${warm_rps%.*} req/s)"
gen max "$max_per_thread"

echo
echo "=== (b) max throughput: ${max_s} s, $threads threads, $conns connections ==="
# A snapshot of who uses the CPU, taken mid-run (second frame of top: the first one averages since boot).
( sleep $((max_s / 2)); top -b -n 2 -d 3 -w 160 | awk '/^top -/{frame++} frame==2' | head -n 22 >"$work/top.txt" ) &
top_pid=$!
run_wrk max "$threads" "$conns" "$max_s" 0
wait "$top_pid" 2>/dev/null || true
top_pid=""

echo
echo "=== (c) fixed rate: $rate req/s for ${rate_s} s, $threads threads, $rate_conns connections ==="
run_wrk rate "$threads" "$rate_conns" "$rate_s" "$rate"

# ---- 5. summary -------------------------------------------------------------------------------------------------
sleep 1 # let the last in-flight audit appends settle before counting
ok_total=0
sent_total=1 # the probe
for phase in warmup max rate; do
  responses="$(field "$phase" responses)"
  non200="$(field "$phase" non200)"
  ok_total=$((ok_total + responses - non200))
  sent_total=$((sent_total + $(field "$phase" sent)))
done
ok_total=$((ok_total + 1)) # the probe answered 200
audit_started="$(psql_q "SELECT count(*) FROM $schema.audit_event WHERE type = 'call_started'")"
audit_all="$(psql_q "SELECT count(*) FROM $schema.audit_event")"
# Rows of one group commit share a transaction id, so this is the number of audit transactions.
audit_tx="$(psql_q "SELECT count(DISTINCT xmin::text) FROM $schema.audit_event WHERE type = 'call_started'")"
audit_types="$(psql_q "SELECT string_agg(type || ' ' || n, ', ' ORDER BY type) FROM (SELECT type, count(*) n FROM $schema.audit_event GROUP BY type) t")"
non200_total=$(( $(field warmup non200) + $(field max non200) + $(field rate non200) ))
sockerr_total=$(( $(field warmup sock_err) + $(field max sock_err) + $(field rate sock_err) ))
pg_sync="$(psql_q 'SHOW synchronous_commit'), fsync $(psql_q 'SHOW fsync')"

echo
echo "=== CPU mid-way through the max-throughput run (top) ==="
cat "$work/top.txt" 2>/dev/null || echo "(no snapshot)"
echo
echo "=== CPU accounting (from /proc; PostgreSQL = all its processes) ==="
echo "max throughput:"; cpu_report max
echo "fixed rate:"; cpu_report rate

# Each 200 is a committed call_started row (the event is durable before the answer). When wrk stops it leaves the
# requests in flight unread: the server still answers them and commits their events, so the rows can exceed the 200s
# counted by at most the requests in flight at the end of each run, and never exceed the distinct requests sent.
audit_check() {
  local in_flight=$((audit_started - ok_total))
  if [ "$audit_started" -eq "$ok_total" ]; then
    echo "match"
  elif [ "$audit_started" -gt "$ok_total" ] && [ "$audit_started" -le "$sent_total" ] \
       && [ "$in_flight" -le $((2 * conns + rate_conns)) ]; then
    echo "consistent: every 200 has its row; $in_flight more rows are the requests still in flight when wrk stopped"
  else
    echo "MISMATCH"
  fi
}
verdict() { "$py" -c "import sys; print('met' if float(sys.argv[1]) $2 float(sys.argv[3]) else 'MISSED')" "$1" "$2" "$3"; }
max_rps="$(field max rps)"
rate_rps="$(field rate rps)"
cat <<EOF

=== summary (run $run_id, $(nproc) cores shared by wrk, Masker and PostgreSQL; $agents_n agents, default rate limits) ===
max throughput  ($threads threads, $conns conns, ${max_s} s): ${max_rps%.*} req/s sustained   [target >= 10000: $(verdict "$max_rps" '>=' 10000)]
  latency at max load:  p50 $(field max p50_ms) ms   p90 $(field max p90_ms) ms   p99 $(field max p99_ms) ms
fixed rate      ($rate req/s asked, ${rate_s} s): ${rate_rps%.*} req/s achieved, $(field rate late_1ms) requests sent > 1 ms late
  latency at $rate req/s: p50 $(field rate p50_ms) ms   p90 $(field rate p90_ms) ms   p99 $(field rate p99_ms) ms   [target p99 <= 20 ms: $(verdict "$(field rate p99_ms)" '<=' 20)]
non-200 answers: $non200_total; socket errors/timeouts: $sockerr_total
requests sent: $sent_total (warm-up + max + fixed rate + 1 probe); answered 200: $ok_total
audit rows in $schema.audit_event: $audit_all ($audit_types)
call_started rows: $audit_started; 200 answers: $ok_total; distinct requests sent: $sent_total -> $(audit_check)
audit group commits: $audit_tx transactions, $(( audit_started / (audit_tx > 0 ? audit_tx : 1) )) events per commit on average
machine load before the run: $load_before
PostgreSQL: synchronous_commit $pg_sync
EOF
