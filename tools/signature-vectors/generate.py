#!/usr/bin/env python3
"""Writes the webhook credential vectors that Masker's tests replay over HTTP.

Each vector is a Vapi delivery (body and headers) signed the way one of Vapi's Server URL
credentials signs it (HmacAuthenticationPlan, BearerAuthenticationPlan in @vapi-ai/server-sdk),
computed here with Python's own hmac module, independently of Masker's Java code. A vector
names either the agent's own credential (as the agents API takes it) or the deployment's
MASKER_VAPI_* settings, and whether Masker must accept it.

    python3 tools/signature-vectors/generate.py > bootstrap/src/test/resources/vapi/credential-vectors.json
"""
import base64
import hashlib
import hmac
import json

NOW = 1_764_201_600  # the time the tests pin the server's clock to: 2025-11-27T00:00:00Z
SECRET = "whsec_clinic_a_4f9e2c7b"
OTHER = "whsec_someone_else_1b2c"
TOKEN = "tok_clinic_a_8d3e6f0a1b"
DEPLOYMENT_SECRET = "whsec_test_7d2f9c4b1a"
BODY = '{"message":{"type":"status-update","status":"in-progress","call":{"id":"call_vectors"}}}\n'
TAMPERED = BODY.replace("in-progress", "ended")
RAW_KEY = bytes(range(1, 33))
RAW_KEY_B64 = base64.b64encode(RAW_KEY).decode()
DIGESTS = {"sha256": hashlib.sha256, "sha512": hashlib.sha512, "sha1": hashlib.sha1}


def mac(key, algorithm, payload, encoding="hex"):
    raw = hmac.new(key, payload.encode(), DIGESTS[algorithm]).digest()
    return raw.hex() if encoding == "hex" else base64.b64encode(raw).decode()


def signed(key, algorithm="sha256", body=BODY, timestamp=None, encoding="hex", prefix=""):
    payload = body if timestamp is None else f"{timestamp}.{body}"
    return prefix + mac(key, algorithm, payload, encoding)


def vector(form, headers, accept, credential=None, deployment=None, body=BODY):
    entry = {"form": form, "accept": accept, "body": body, "headers": headers}
    if credential is not None:
        entry["credential"] = credential
    if deployment is not None:
        entry["deployment"] = deployment
    return entry


def hmac_vectors():
    key = SECRET.encode()
    ts = str(NOW)
    default = {"type": "hmac", "secret": SECRET}
    yield vector("agent hmac, Vapi's defaults: sha256 hex over '{timestamp}.{body}'",
                 {"X-Signature": signed(key, timestamp=ts), "X-Timestamp": ts}, True, default)
    ms = str(NOW * 1000 + 250)
    yield vector("agent hmac, timestamp in milliseconds",
                 {"X-Signature": signed(key, timestamp=ms), "X-Timestamp": ms}, True, default)
    yield vector("agent hmac, timestamp 300 s old", {"X-Signature": signed(key, timestamp=str(NOW - 300)),
                                                    "X-Timestamp": str(NOW - 300)}, True, default)
    yield vector("must fail: timestamp 301 s old", {"X-Signature": signed(key, timestamp=str(NOW - 301)),
                                                    "X-Timestamp": str(NOW - 301)}, False, default)
    yield vector("must fail: timestamp 301 s ahead", {"X-Signature": signed(key, timestamp=str(NOW + 301)),
                                                      "X-Timestamp": str(NOW + 301)}, False, default)
    yield vector("must fail: body changed after signing",
                 {"X-Signature": signed(key, timestamp=ts), "X-Timestamp": ts}, False, default, body=TAMPERED)
    yield vector("must fail: another secret", {"X-Signature": signed(OTHER.encode(), timestamp=ts),
                                               "X-Timestamp": ts}, False, default)
    yield vector("must fail: timestamp header missing", {"X-Signature": signed(key, timestamp=ts)}, False, default)
    yield vector("must fail: body-only MAC where the credential includes the timestamp",
                 {"X-Signature": signed(key), "X-Timestamp": ts}, False, default)
    yield vector("must fail: the deployment's secret, while the agent has its own",
                 {"X-Vapi-Signature": signed(DEPLOYMENT_SECRET.encode())}, False, default)

    no_ts = {"type": "hmac", "secret": SECRET, "include_timestamp": False, "signature_prefix": "sha256="}
    yield vector("agent hmac, includeTimestamp false, GitHub-style prefix",
                 {"X-Signature": signed(key, prefix="sha256=")}, True, no_ts)
    yield vector("must fail: includeTimestamp false, MAC over '{timestamp}.{body}'",
                 {"X-Signature": signed(key, timestamp=ts, prefix="sha256="), "X-Timestamp": ts}, False, no_ts)

    sha512 = {"type": "hmac", "secret": SECRET, "algorithm": "sha512"}
    yield vector("agent hmac sha512, base64", {"X-Signature": signed(key, "sha512", timestamp=ts, encoding="base64"),
                                               "X-Timestamp": ts}, True, sha512)
    yield vector("agent hmac sha512, hex", {"X-Signature": signed(key, "sha512", timestamp=ts),
                                            "X-Timestamp": ts}, True, sha512)
    yield vector("must fail: sha256 MAC where sha512 is configured",
                 {"X-Signature": signed(key, timestamp=ts), "X-Timestamp": ts}, False, sha512)

    sha1 = {"type": "hmac", "secret": SECRET, "algorithm": "sha1", "signature_prefix": "v1=",
            "signature_header": "X-Clinic-Signature", "timestamp_header": "X-Clinic-Time"}
    yield vector("agent hmac sha1, own headers and prefix",
                 {"X-Clinic-Signature": signed(key, "sha1", timestamp=ts, prefix="v1="), "X-Clinic-Time": ts}, True, sha1)
    yield vector("must fail: sha1 in the default header instead of the configured one",
                 {"X-Signature": signed(key, "sha1", timestamp=ts, prefix="v1="), "X-Timestamp": ts}, False, sha1)

    b64 = {"type": "hmac", "secret": RAW_KEY_B64, "secret_is_base64": True}
    yield vector("agent hmac, secret given as base64 of the key",
                 {"X-Signature": signed(RAW_KEY, timestamp=ts), "X-Timestamp": ts}, True, b64)
    yield vector("must fail: keyed with the base64 text instead of its bytes",
                 {"X-Signature": signed(RAW_KEY_B64.encode(), timestamp=ts), "X-Timestamp": ts}, False, b64)


def bearer_vectors():
    default = {"type": "bearer", "token": TOKEN}
    yield vector("agent bearer token with 'Bearer '", {"Authorization": "Bearer " + TOKEN}, True, default)
    yield vector("agent bearer token without the prefix", {"Authorization": TOKEN}, True, default)
    yield vector("must fail: another token", {"Authorization": "Bearer " + TOKEN + "x"}, False, default)
    yield vector("must fail: an HMAC where a bearer token is configured",
                 {"X-Signature": signed(TOKEN.encode(), timestamp=str(NOW)), "X-Timestamp": str(NOW)}, False, default)
    custom = {"type": "bearer", "token": TOKEN, "header": "X-Vapi-Secret"}
    yield vector("agent bearer token in a configured header", {"X-Vapi-Secret": TOKEN}, True, custom)
    yield vector("must fail: the token in Authorization when another header is configured",
                 {"Authorization": "Bearer " + TOKEN}, False, custom)


def deployment_vectors():
    key = DEPLOYMENT_SECRET.encode()
    ts = str(NOW)
    yield vector("deployment: Vapi's HMAC credential with includeTimestamp false",
                 {"X-Signature": signed(key)}, True, deployment={})
    yield vector("deployment: sha512 configured, timestamped",
                 {"X-Signature": signed(key, "sha512", timestamp=ts), "X-Timestamp": ts}, True,
                 deployment={"MASKER_VAPI_HMAC_ALGORITHM": "sha512"})
    yield vector("must fail: deployment sha512 configured, sha256 sent",
                 {"X-Signature": signed(key, timestamp=ts), "X-Timestamp": ts}, False,
                 deployment={"MASKER_VAPI_HMAC_ALGORITHM": "sha512"})
    plain = {"MASKER_VAPI_ACCEPT_PLAIN_SECRET": "true", "MASKER_VAPI_TOKEN_HEADER": "X-Api-Key"}
    yield vector("deployment: bearer token in a configured header", {"X-Api-Key": DEPLOYMENT_SECRET}, True,
                 deployment=plain)
    yield vector("deployment: bearer token in Authorization", {"Authorization": "Bearer " + DEPLOYMENT_SECRET}, True,
                 deployment=plain)
    yield vector("must fail: bearer token while plain secrets are off", {"Authorization": "Bearer " + DEPLOYMENT_SECRET},
                 False, deployment={})


def main():
    vectors = [*hmac_vectors(), *bearer_vectors(), *deployment_vectors()]
    print(json.dumps({
        "note": "Generated by tools/signature-vectors/generate.py with Python's hmac module; replayed by "
                "CredentialVectorsIT with the server's clock pinned to `now`. The deployment's secret is `deployment_secret`.",
        "now": NOW,
        "deployment_secret": DEPLOYMENT_SECRET,
        "vectors": vectors,
    }, indent=1))


if __name__ == "__main__":
    main()
