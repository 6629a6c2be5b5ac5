#!/usr/bin/env python3
"""Pre-generates signed Vapi assistant-request deliveries for bench/webhook.lua (stdlib only).

wrk's Lua cannot compute an HMAC, so every request is built here beforehand. Output: one file per wrk thread,
<out>.<thread>, each line `<path>\t<hex HMAC-SHA256(secret, body)>\t<body>`. Every body carries a call id that is
unique across the whole run (run id + phase + thread + counter), so each request is a NEW call that appends a durable
call_started audit event; bodies are spread round-robin over the agents.
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import time


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--secret-env", default="MASKER_VAPI_WEBHOOK_SECRET",
                   help="environment variable holding the webhook secret (kept off the command line)")
    p.add_argument("--agents", required=True, help="file with one agent id per line")
    p.add_argument("--out", required=True, help="output prefix; files are <out>.1 .. <out>.<threads>")
    p.add_argument("--threads", type=int, required=True, help="number of wrk threads (one disjoint slice each)")
    p.add_argument("--per-thread", type=int, required=True, help="requests per thread")
    p.add_argument("--run", required=True, help="run id, part of every call id")
    p.add_argument("--phase", required=True, help="phase name, part of every call id (warmup, max, rate, ...)")
    a = p.parse_args()

    secret = os.environ.get(a.secret_env, "").encode()
    if not secret:
        print(f"gen_requests: ${a.secret_env} is not set", file=sys.stderr)
        return 2
    with open(a.agents) as f:
        agents = [line.strip() for line in f if line.strip()]
    if not agents:
        print("gen_requests: no agents", file=sys.stderr)
        return 2

    digest = hashlib.sha256
    now_ms = int(time.time() * 1000)
    n_agents = len(agents)
    for t in range(1, a.threads + 1):
        lines = []
        for i in range(a.per_thread):
            # Global index, so consecutive requests of one thread still rotate over all agents.
            g = i * a.threads + (t - 1)
            agent = agents[g % n_agents]
            call_id = f"call-{a.run}-{a.phase}-{t}-{i}"
            body = ('{"type":"assistant-request","call":{"id":"%s","customer":{"number":"+1415555%04d"},'
                    '"assistantId":"asst_bench"},"timestamp":%d}' % (call_id, g % 10000, now_ms + g))
            raw = body.encode()
            sig = hmac.new(secret, raw, digest).hexdigest()
            lines.append(f"/vapi/webhook/{agent}\t{sig}\t{body}\n")
        with open(f"{a.out}.{t}", "w") as f:
            f.writelines(lines)
    # Sanity: the body is the documented envelope and valid JSON.
    json.loads(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
