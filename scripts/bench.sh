#!/usr/bin/env bash
# Benchmarks (never part of the test suite). quick: short JMH runs and a 30 s load run; full: longer runs.
#   scripts/bench.sh [quick|full]
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-quick}"
mvn -B -q install -DskipTests
CP="$(mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g"):benchmarks/target/classes"
if [ "$MODE" = full ]; then JMH="-f 2 -wi 3 -w 5s -i 5 -r 10s"; LOAD="60 16 500"; else JMH="-f 1 -wi 2 -w 3s -i 3 -r 5s"; LOAD="30 16 200"; fi
java -cp "$CP" org.openjdk.jmh.Main $JMH -rf text -rff benchmarks/target/jmh-results.txt "${@:2}"
java -Xmx1g -cp "$CP" jp.jpki.lifecycle.bench.LoadDriver $LOAD | tee benchmarks/target/load-results.txt
