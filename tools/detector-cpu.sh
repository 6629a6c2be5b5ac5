#!/usr/bin/env bash
# Thread CPU time of the PHI detector of the working tree against the one at a git revision, on the dev set's text
# (as bench/phi.sh cuts it) in turns of 1 and 10 KB. The two run alternately, each in its own JVM, ROUNDS times; each
# run prints its best and median pass (tools/detector-diff/DetectorCpu.java). CPU time is steadier than JMH's wall
# time on a shared machine; compare the best figures.
#
#   tools/detector-cpu.sh [REV] [ROUNDS] [REPS]   # REV defaults to HEAD, ROUNDS to 3, REPS (passes per run) to 100
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="${1:-HEAD}"
rounds="${2:-3}"
reps="${3:-100}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
dev_set="$root/bootstrap/src/test/resources/phi/phi-dev.jsonl"

git -C "$root" worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
for side in old new; do
    src="$root"; [ "$side" = old ] && src="$work/old"
    (cd "$src" && mvn -o -q -B -pl domain compile -Dcheckstyle.skip >/dev/null)
    mkdir -p "$work/$side-harness"
    cp -r "$src/domain/target/classes" "$work/$side-classes"
    "$JAVA_HOME/bin/javac" -cp "$work/$side-classes" -d "$work/$side-harness" "$root/tools/detector-diff/DetectorCpu.java"
done
for round in $(seq "$rounds"); do
    for kb in 1 10; do
        for side in old new; do
            printf '%-4s %s  ' "$side" "$round"
            "$JAVA_HOME/bin/java" -cp "$work/$side-classes:$work/$side-harness" DetectorCpu "$dev_set" "$kb" "$reps"
        done
    done
done
