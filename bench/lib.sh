# The part shared by the benchmarks that run Masker against a real PostgreSQL (webhook.sh, proxy.sh); sourced, not run.
#
# Sourcing it reads BENCH_PG* and defaults JAVA_HOME. Then:
#   bench_require HINT TOOL...
#                        exits 2 naming the missing tools (and how to get them, on Debian) unless all are on the PATH
#   bench_setup          checks PostgreSQL; picks the run id, schema, work folder, free port and fresh secrets (run_id,
#                        schema, work, port, base, admin_token, webhook_secret, cursor_key, token_key, load_before)
#                        and installs the exit trap
#   bench_start_masker [NAME=VALUE...]
#                        builds the jar if missing, starts `./masker serve` in its own process group (server_pid) with
#                        the run's database, schema, secrets and port, plus the given variables, and waits until ready
#   bench_create_agent JSON
#                        POST /api/v1/agents with the admin token; exits unless 201; sets agent_id, the answer is
#                        left in $work/agent.json
#   bench_stop PID NAME  SIGTERM to the process group, SIGKILL after 20 s
# On exit — normal, error or Ctrl-C — it calls bench_on_exit if the script defines one, stops the server, drops the
# schema and removes the work folder (kept after a failure or with BENCH_KEEP_WORKDIR).

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pghost="${BENCH_PGHOST:-127.0.0.1}"
pgport="${BENCH_PGPORT:-5432}"
pguser="${BENCH_PGUSER:-postgres}"
pgdb="${BENCH_PGDATABASE:-test}"
export PGPASSWORD="${BENCH_PGPASSWORD:-}"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
server_pid=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
psql_q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U "$pguser" -d "$pgdb" -c "$1"; }

bench_require() {
  local hint=$1 missing="" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  if [ -n "$missing" ]; then
    echo "$(basename "$0"): missing:$missing (Debian: $hint)" >&2
    exit 2
  fi
}

bench_setup() {
  psql_q 'SELECT 1' >/dev/null \
    || { echo "PostgreSQL at $pghost:$pgport (db $pgdb, user $pguser) is not reachable" >&2; exit 2; }
  load_before="$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average, $(nproc) cores)"
  run_id="$(openssl rand -hex 5)"
  schema="bench_$run_id"
  work="$(mktemp -d "${TMPDIR:-/tmp}/masker-bench.XXXXXX")"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  base="http://127.0.0.1:$port"
  admin_token="$(openssl rand -hex 32)"
  webhook_secret="$(openssl rand -hex 32)"
  cursor_key="$(openssl rand -base64 32)"
  token_key="$(openssl rand -base64 32)"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_stop() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $2 (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$2 still running after 20 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
}

bench_cleanup() {
  local status=$?
  set +e
  if declare -F bench_on_exit >/dev/null; then bench_on_exit; fi
  # The server runs in its own process group (setsid), so a build started by the launcher stops with it.
  [ -n "$server_pid" ] && bench_stop "$server_pid" "the server"
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "---- last lines of the server log ($work/server.log) ----" >&2
    tail -n 40 "$work/server.log" >&2
  fi
  # The audit table refuses TRUNCATE and DELETE by design; dropping the whole schema is the way to clean up.
  psql_q "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 \
    && log "dropped schema $schema" || log "could not drop schema $schema; drop it by hand"
  if [ -n "${BENCH_KEEP_WORKDIR:-}" ] || [ "$status" -ne 0 ]; then
    log "work folder kept: $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}

bench_start_masker() {
  if [ ! -f "$bench_root/bootstrap/target/masker.jar" ]; then
    log "building the jar (bootstrap/target/masker.jar is missing)"
    (cd "$bench_root" && mvn -q -B -o -Dmaven.test.skip=true package)
  fi
  log "run $run_id: starting ./masker serve on port $port, schema $schema"
  (
    cd "$bench_root"
    export MASKER_HOST=127.0.0.1 MASKER_PORT="$port" MASKER_PUBLIC_URL="$base" \
      MASKER_DATABASE_URL="jdbc:postgresql://$pghost:$pgport/$pgdb" MASKER_DATABASE_USER="$pguser" \
      MASKER_DATABASE_PASSWORD="$PGPASSWORD" MASKER_DATABASE_SCHEMA="$schema" \
      MASKER_CURSOR_KEY="$cursor_key" MASKER_KEY_K_HEALTHCARE="$token_key" MASKER_ADMIN_TOKEN="$admin_token" \
      MASKER_VAPI_WEBHOOK_SECRET="$webhook_secret" MASKER_DATA_DIR="$work/data" \
      MASKER_SHUTDOWN_GRACE_SECONDS="${MASKER_SHUTDOWN_GRACE_SECONDS:-5}"
    [ "$#" -eq 0 ] || export "$@"
    # BENCH_SERVE_PREFIX runs the server under another command, e.g. `prlimit --nofile=1024:1024`.
    exec setsid ${BENCH_SERVE_PREFIX:-} ./masker serve
  ) >"$work/server.log" 2>&1 &
  server_pid=$!
  # The launcher may build first (when the sources are newer than the jar), hence the generous limit.
  local deadline=$((SECONDS + 300))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = 200 ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then log "the server exited before it was ready"; exit 1; fi
    if [ "$SECONDS" -gt "$deadline" ]; then log "the server was not ready within 300 s"; exit 1; fi
    sleep 0.2
  done
  log "server ready"
}

bench_create_agent() {
  local code
  code="$(curl -sS -o "$work/agent.json" -w '%{http_code}' -X POST "$base/api/v1/agents" \
    -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' --data "$1")"
  if [ "$code" != 201 ]; then log "creating an agent answered $code: $(cat "$work/agent.json")"; exit 1; fi
  agent_id="$(grep -o '"id" *: *"agt_[0-9A-Z]\{26\}"' "$work/agent.json" | head -n 1 | grep -o 'agt_[0-9A-Z]*')" \
    || { log "no agent id in $(cat "$work/agent.json")"; exit 1; }
}
