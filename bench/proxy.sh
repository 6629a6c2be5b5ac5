#!/usr/bin/env bash
# Benchmark (not a test) of the PHI proxy POST /proxy/{agent_id}/v1/chat/completions: the latency
# Masker adds to a ~2 KB turn with PHI over calling a fake OpenAI upstream directly — non-streaming round trip and
# streaming time to first token — one request at a time, against a real PostgreSQL. See bench/README.md.
#
#   bench/proxy.sh
#
# Settings (environment, all optional): BENCH_UPSTREAM (tls: the fake upstream speaks HTTPS with a self-signed
# certificate made by keytool for this run and trusted through a trust store given to Masker's and the client's JVMs;
# plain: HTTP), BENCH_WARMUP (2000), BENCH_REQUESTS (1000 per mode per round), BENCH_ROUNDS (3), BENCH_FIRST_TURNS
# (300 first turns of new calls per mode), BENCH_TURN_BYTES (2048), BENCH_TURNS_PER_CALL (50), BENCH_SEED (42),
# BENCH_PGHOST (127.0.0.1),
# BENCH_PGPORT (5432), BENCH_PGUSER (postgres), BENCH_PGDATABASE (test), BENCH_PGPASSWORD (empty),
# BENCH_KEEP_WORKDIR (unset: the temporary folder is removed). Any MASKER_* variable already set (e.g. MASKER_JAVA_OPTS
# for a JFR recording) is passed to the server as is, except the ones this script owns (database, schema, secrets,
# port, upstream URL, proxy rate limit).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

bench_require "apt-get install -y python3 openssl curl postgresql-client; and a JDK 21+" "$java" python3 openssl curl psql

fake_pid=""
bench_on_exit() { [ -z "$fake_pid" ] || bench_stop "$fake_pid" "the fake upstream"; }
bench_setup

# ---- 1. the fake upstream and the server ------------------------------------------------------------------------
upstream_mode="${BENCH_UPSTREAM:-tls}"
tls_opts=()
keystore=()
case "$upstream_mode" in
  tls)
    # A self-signed certificate for 127.0.0.1, made for this run; Masker and the client trust it through a trust store
    # holding only it (Masker has no upstream trust store setting: the JVM's javax.net.ssl.trustStore is what it reads).
    keytool="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"
    "$keytool" -genkeypair -alias fake -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=127.0.0.1" \
      -ext "SAN=ip:127.0.0.1,dns:localhost" -keystore "$work/fake.p12" -storetype PKCS12 -storepass changeit \
      -keypass changeit >/dev/null 2>&1
    "$keytool" -exportcert -alias fake -keystore "$work/fake.p12" -storepass changeit -file "$work/fake.cer" >/dev/null 2>&1
    "$keytool" -importcert -noprompt -alias fake -file "$work/fake.cer" -keystore "$work/trust.p12" -storetype PKCS12 \
      -storepass changeit >/dev/null 2>&1
    tls_opts=(-Djavax.net.ssl.trustStore="$work/trust.p12" -Djavax.net.ssl.trustStorePassword=changeit
      -Djavax.net.ssl.trustStoreType=PKCS12)
    keystore=("$work/fake.p12")
    ;;
  plain) ;;
  *) log "BENCH_UPSTREAM must be tls or plain, not $upstream_mode"; exit 1 ;;
esac
# The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise; a real upstream would not delay chunks.
log "starting the fake OpenAI upstream ($upstream_mode)"
setsid "$java" -Dsun.net.httpserver.nodelay=true "$here/ProxyBench.java" fake "$work/fake.port" "${keystore[@]}" \
  >"$work/fake.log" 2>&1 &
fake_pid=$!
for _ in $(seq 1 300); do
  [ -s "$work/fake.port" ] && break
  kill -0 "$fake_pid" 2>/dev/null || { cat "$work/fake.log" >&2; log "the fake upstream did not start"; exit 1; }
  sleep 0.1
done
read -r plain_port tls_port <"$work/fake.port"
if [ "$upstream_mode" = tls ]; then
  fake_port="$tls_port"; fake_url="https://127.0.0.1:$tls_port/v1"
  # MASKER_JAVA_OPTS replaces the launcher's -Xmx512m: keep it.
  export MASKER_JAVA_OPTS="${MASKER_JAVA_OPTS:--Xmx512m} ${tls_opts[*]}"
else
  fake_port="$plain_port"; fake_url="http://127.0.0.1:$plain_port/v1"
fi
log "fake upstream at $fake_url"

unset MASKER_UPSTREAM_OPENAI_API_KEY
# One agent takes every turn, faster than a real call would: its proxy rate limit (100/s, burst 200) must not be what
# is measured.
bench_start_masker MASKER_UPSTREAM_OPENAI_BASE_URL="$fake_url" \
  MASKER_PROXY_RATE_LIMIT_PER_SECOND=1000000 MASKER_PROXY_RATE_LIMIT_BURST=1000000

# ---- 2. the agent -----------------------------------------------------------------------------------------------
bench_create_agent "{\"name\":\"bench-proxy-$run_id\",\"upstream\":\"openai:gpt-4o-mini\"}"
proxy_key="$(grep -o '"proxy_key" *: *"mpk_[0-9a-f]*"' "$work/agent.json" | grep -o 'mpk_[0-9a-f]*')" \
  || { log "no proxy_key in the agent"; exit 1; }
log "agent $agent_id (upstream openai:gpt-4o-mini)"

# One turn by hand: the whole benchmark is worthless if the proxy does not answer 200 with the PHI restored.
probe_code="$(curl -sS -o "$work/probe.json" -w '%{http_code}' -X POST "$base/proxy/$agent_id/v1/chat/completions" \
  -H "Authorization: Bearer $proxy_key" -H 'Content-Type: application/json' \
  --data '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi, this is Maria Lopez, my date of birth is March 5, 1980."}],"call":{"id":"call-probe"}}')"
if [ "$probe_code" != 200 ] || ! grep -q 'Maria Lopez' "$work/probe.json"; then
  log "a proxied turn answered $probe_code: $(head -c 400 "$work/probe.json")"; exit 1
fi
log "probe: 200, the answer names the caller again (rehydrated)"

# ---- 3. the measurement -----------------------------------------------------------------------------------------
echo "=== proxy latency, run $run_id: $(nproc) cores shared by the client, the fake upstream, Masker and PostgreSQL ==="
echo "upstream: $fake_url ($upstream_mode); machine load before the run: $load_before"
"$java" "${tls_opts[@]}" -Dbench.tls="$([ "$upstream_mode" = tls ] && echo true || echo false)" "$here/ProxyBench.java" \
  client "$fake_port" "$port" "$agent_id" "$proxy_key" "$root/bootstrap/src/test/resources/phi/phi-dev.jsonl" "$run_id" \
  "$plain_port" | tee "$work/client.out"

# ---- 4. the audit -----------------------------------------------------------------------------------------------
requests="$(sed -n 's/^BENCH masker_requests=\([0-9]*\).*/\1/p' "$work/client.out")"
expected=$((requests + 1)) # the probe
# turn_proxied events are appended without making the answer wait; give the last ones a moment.
for _ in $(seq 1 20); do
  turns="$(psql_q "SELECT count(*) FROM $schema.audit_event WHERE type = 'turn_proxied'")"
  [ "$turns" -ge "$expected" ] && break
  sleep 0.5
done
# Masker's own account of each turn (microseconds): masking, and the rest of the turn outside the upstream call.
breakdown="$(psql_q "WITH t AS (SELECT (body::jsonb)->'data' d FROM $schema.audit_event WHERE type = 'turn_proxied')
  SELECT string_agg(line, E'\n') FROM (
    SELECT format('  %-44s p50 %7s  p90 %7s  p99 %7s', name,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY v))::numeric / 1000, 3),
             round((percentile_cont(0.9) WITHIN GROUP (ORDER BY v))::numeric / 1000, 3),
             round((percentile_cont(0.99) WITHIN GROUP (ORDER BY v))::numeric / 1000, 3)) line, ord
    FROM (
      SELECT 1 ord, 'mask (detect + tokenize + vault), ms' name, (d->>'mask_us')::bigint v FROM t
      UNION ALL SELECT 2, 'upstream first byte (after masking), ms', (d->>'upstream_first_byte_us')::bigint FROM t
      UNION ALL SELECT 3, 'turn total - upstream (Masker''s part), ms',
                       (d->>'total_us')::bigint - (d->>'upstream_us')::bigint FROM t
      UNION ALL SELECT 4, 'PHI values masked per turn (count)', (d->>'masked_total')::bigint * 1000 FROM t
    ) x GROUP BY name, ord ORDER BY ord) y" 2>"$work/breakdown.err" || true)"
echo
echo "=== audit ==="
echo "turn_proxied events: $turns; turns sent through Masker: $expected ($requests + 1 probe) -> $(
  [ "$turns" -eq "$expected" ] && echo match || echo MISMATCH)"
echo "Masker's own timings from those events (all turns, warm-up included; the service's view, HTTP excluded):"
if [ -n "$breakdown" ]; then echo "$breakdown"; else echo "  (unavailable: $(head -c 300 "$work/breakdown.err"))"; fi
echo "machine load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
