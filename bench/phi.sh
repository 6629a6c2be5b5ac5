#!/usr/bin/env bash
# JMH benchmark of PHI detection + MSKV1 tokenization: µs per call for 1, 10 and 100 KB of turn text.
# Usage: bench/phi.sh [extra JMH options, e.g. -p kb=10 -prof stack]
# JMH_OPTS replaces the defaults: 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, 1 thread (about 2.5 minutes in all).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# The version domain/pom.xml compiles the benchmark with (version.lib.jmh in pom.xml).
JMH_VERSION="${JMH_VERSION:-1.37}"
M2="${M2_REPO:-$HOME/.m2/repository}"
jar() { echo "$M2/$1"; }
JMH_CORE=$(jar "org/openjdk/jmh/jmh-core/$JMH_VERSION/jmh-core-$JMH_VERSION.jar")
JMH_APT=$(jar "org/openjdk/jmh/jmh-generator-annprocess/$JMH_VERSION/jmh-generator-annprocess-$JMH_VERSION.jar")
JOPT=$(jar "net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar")
MATH=$(jar "org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar")
for f in "$JMH_CORE" "$JMH_APT" "$JOPT" "$MATH"; do
    if [ ! -f "$f" ]; then
        mvn -q -B dependency:get -Dartifact="org.openjdk.jmh:jmh-generator-annprocess:$JMH_VERSION" >/dev/null
        mvn -q -B dependency:get -Dartifact="org.openjdk.jmh:jmh-core:$JMH_VERSION" >/dev/null
        break
    fi
done
# The domain's classes only (no tests, no install); `mvn verify` compiles the benchmark in domain/src/jmh with the
# tests, and this script compiles it again on its own class path to run it.
mvn -q -B -o -pl domain compile -Dcheckstyle.skip
OUT=domain/target/jmh
rm -rf "$OUT" && mkdir -p "$OUT/classes"
CP="domain/target/classes:$JMH_CORE:$JOPT:$MATH"
"$JAVA_HOME/bin/javac" -proc:full -processorpath "$JMH_APT:$JMH_CORE:$JOPT:$MATH" -cp "$CP" -d "$OUT/classes" \
    $(find domain/src/jmh/java -name '*.java')
DEV_SET="$PWD/bootstrap/src/test/resources/phi/phi-dev.jsonl"
"$JAVA_HOME/bin/java" -cp "$OUT/classes:$CP" org.openjdk.jmh.Main PhiMaskingBenchmark \
    ${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s -t 1} -jvmArgs "-Dmasker.devset=$DEV_SET" "$@"
