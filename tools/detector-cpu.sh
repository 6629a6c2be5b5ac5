#!/usr/bin/env bash
# Thread CPU time of the PHI detector of the working tree against the one at a git revision, on the dev set's text
# (as bench/phi.sh cuts it) in turns of 1 and 10 KB (tools/detector-diff/DetectorCpu.java). Both detectors run in one
# JVM, each in its own class loader, taking turns pass by pass so that the machine's load falls on both alike; ROUNDS
# JVMs per size, which of the two goes first alternating. Each prints its best and median pass and the median ratio
# new/old of the passes of one round: on a shared machine, the ratio is the figure to read.
#
#   tools/detector-cpu.sh [REV] [ROUNDS] [REPS]   # REV defaults to HEAD, ROUNDS to 2, REPS (passes each) to 100
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="${1:-HEAD}"
rounds="${2:-2}"
reps="${3:-100}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
dev_set="$root/bootstrap/src/test/resources/phi/phi-dev.jsonl"

git -C "$root" worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
for side in old new; do
    src="$root"; [ "$side" = old ] && src="$work/old"
    (cd "$src" && mvn -o -q -B -pl domain compile -Dcheckstyle.skip >/dev/null)
    cp -r "$src/domain/target/classes" "$work/$side-classes"
done
mkdir -p "$work/new-harness"
"$JAVA_HOME/bin/javac" -d "$work/new-harness" "$root/tools/detector-diff/DetectorCpu.java"
for round in $(seq "$rounds"); do
    for kb in 1 10; do
        if [ $((round % 2)) = 1 ]; then first=old; second=new; else first=new; second=old; fi
        "$JAVA_HOME/bin/java" -cp "$work/new-harness" DetectorCpu "$dev_set" "$kb" "$reps" \
            "$work/$first-classes" "$work/$second-classes" | sed "s|$work/||"
    done
done
