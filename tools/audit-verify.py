#!/usr/bin/env python3
"""Verify Masker's audit hash chain offline, from a CSV export (see docs/AUDIT.md).

usage: audit-verify.py audit.csv [head.csv]
audit.csv: seq,prev_hash,hash,body ordered by seq; head.csv: seq,hash of audit_chain_head.
"""
import csv
import hashlib
import json
import sys


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    csv.field_size_limit(10 * 1024 * 1024)
    expected, previous = 1, "0" * 64
    with open(argv[1], newline="", encoding="utf-8") as rows:
        for seq, prev_hash, stored_hash, body in csv.reader(rows):
            seq = int(seq)
            if seq != expected:
                return broken(expected, "event %d is missing" % expected)
            if prev_hash != previous:
                return broken(seq, "prev_hash is not the previous event's hash")
            computed = hashlib.sha256((previous + body).encode("utf-8")).hexdigest()
            if computed != stored_hash:
                return broken(seq, "the body does not hash to the stored hash")
            if json.loads(body).get("seq") != seq:
                return broken(seq, "the body names another sequence number")
            previous, expected = computed, expected + 1
    if len(argv) == 3:
        with open(argv[2], encoding="utf-8") as head:
            head_seq, head_hash = head.read().strip().split(",")
        if int(head_seq) != expected - 1 or head_hash != previous:
            return broken(expected - 1, "the chain head names event %s" % head_seq)
    print("intact: %d events, head %s" % (expected - 1, previous))
    return 0


def broken(seq, why):
    print("broken at event %d: %s" % (seq, why))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
