#!/usr/bin/env bash
# Compares the PHI detector of the working tree with the one at a git revision, span for span, on the dev set and nine
# corpora derived from it (case changes, punctuation stripped, concatenations up to 100 KB, random slices, random
# edits, accents and odd blanks). For refactoring and speed work on domain/.../phi/detect, whose rule is: outputs stay
# byte-identical. Exits 0 when every corpus gives the same spans, 1 otherwise (naming the corpora that differ).
#
#   tools/detector-diff.sh [REV]      # REV defaults to HEAD; needs python3 and a JDK 21+ (JAVA_HOME)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="${1:-HEAD}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

python3 "$root/tools/detector-diff/corpora.py" "$root/bootstrap/src/test/resources/phi/phi-dev.jsonl" "$work"
git -C "$root" worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
for side in old new; do
    src="$root"; [ "$side" = old ] && src="$work/old"
    (cd "$src" && mvn -o -q -B -pl domain compile -Dcheckstyle.skip >/dev/null)
    mkdir -p "$work/$side-harness" "$work/$side-out"
    "$JAVA_HOME/bin/javac" -cp "$src/domain/target/classes" -d "$work/$side-harness" \
        "$root/tools/detector-diff/DetectorDiff.java"
    "$JAVA_HOME/bin/java" -cp "$src/domain/target/classes:$work/$side-harness" DetectorDiff "$work/$side-out" \
        "$work"/*.txt
done
status=0
for out in "$work"/old-out/*.out; do
    name="$(basename "$out" .out)"
    if cmp -s "$out" "$work/new-out/$name.out"; then
        echo "same      $name"
    else
        echo "DIFFERENT $name"
        status=1
    fi
done
exit $status
