#!/usr/bin/env bash
# Fault script: a flood of idle connections against Masker at a low file-descriptor limit.
#
# Starts `./masker serve` under `prlimit --nofile=$FLOOD_NOFILE` (default 1024) on a fresh schema of the PostgreSQL
# that bench/lib.sh names, creates a stub agent, opens $FLOOD_CONNECTIONS (default 1100) idle connections and, while
# they are held, sends $FLOOD_REQUESTS (default 100) signed assistant-requests, each on a new connection. Then it
# releases the flood and prints what was lost: requests that got no answer, answers 200 without their call_started
# audit event, and whether the listener still answers. Before the connection cap the listener died on "Too many open files" and
# the port stayed closed while the process lived on.
#
# Needs: python3, curl, psql, prlimit, openssl. Exit 0 when nothing was lost and the listener answers, else 1.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_require "apt-get install python3 curl postgresql-client util-linux openssl" python3 curl psql prlimit openssl

nofile="${FLOOD_NOFILE:-1024}"
connections="${FLOOD_CONNECTIONS:-1100}"
requests="${FLOOD_REQUESTS:-100}"
bench_setup
BENCH_SERVE_PREFIX="prlimit --nofile=$nofile:$nofile" bench_start_masker MASKER_IDLE_TIMEOUT_SECONDS="${FLOOD_IDLE_SECONDS:-5}"
bench_create_agent '{"name": "flood '"$run_id"'", "upstream": "stub"}'
log "flooding port $port with $connections idle connections, $requests webhook calls meanwhile (descriptor limit $nofile)"

python3 - "$port" "$connections" "$requests" "$agent_id" "$webhook_secret" "$run_id" >"$work/flood.txt" <<'PY'
import concurrent.futures, hashlib, hmac, json, resource, socket, sys, time
port, connections, requests, agent, secret, run = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:]
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, connections + requests + 200), hard))

def call(i, prefix="flood"):
    body = json.dumps({"message": {"type": "assistant-request", "call": {"id": "%s-%s-%d" % (prefix, run, i)}}}).encode()
    mac = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    request = ("POST /vapi/webhook/%s HTTP/1.1\r\nHost: masker\r\nContent-Type: application/json\r\n"
               "X-Vapi-Signature: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (agent, mac, len(body))).encode() + body
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.settimeout(60)
        s.sendall(request)
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        s.close()
        return answer.split(b" ", 2)[1].decode() if answer else "none"
    except OSError as e:
        return "error:" + type(e).__name__

flood, refused = [], 0
for _ in range(connections):
    try:
        flood.append(socket.create_connection(("127.0.0.1", port), timeout=5))
    except OSError:
        refused += 1
with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
    outcomes = list(pool.map(call, range(requests)))
for s in flood:
    s.close()
time.sleep(1)
alive = call(0, "after")
print("flood_opened=%d flood_refused=%d" % (len(flood), refused))
print("answers=" + ",".join("%s:%d" % (k, outcomes.count(k)) for k in sorted(set(outcomes))))
print("ok_calls=" + " ".join("flood-%s-%d" % (run, i) for i, o in enumerate(outcomes) if o == "200"))
print("after_flood=" + alive)
print("unanswered=%d" % sum(1 for o in outcomes if o == "none" or o.startswith("error:")))
PY

cat "$work/flood.txt" | grep -v '^ok_calls=' >&2
ok_calls="$(sed -n 's/^ok_calls=//p' "$work/flood.txt" | wc -w)"
recorded="$(psql_q "SELECT count(*) FROM $schema.audit_event WHERE type = 'call_started' AND body LIKE '%flood-$run_id-%'")"
unanswered="$(sed -n 's/^unanswered=//p' "$work/flood.txt")"
after="$(sed -n 's/^after_flood=//p' "$work/flood.txt")"
terminated="$(grep -c 'server socket is terminating' "$work/server.log" || true)"
echo "lost: $unanswered of $requests calls without an answer; $((ok_calls - recorded)) of $ok_calls answered calls without call_started;"\
     "listener after the flood: $after; 'server socket is terminating' logged $terminated times"
[ "$after" = 200 ] && [ "$unanswered" = 0 ] && [ "$recorded" -ge "$ok_calls" ] && [ "$terminated" = 0 ]
