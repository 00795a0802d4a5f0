#!/usr/bin/env bash
# Benchmarks (never part of the test suite). quick: short JMH runs and a 30 s load run; full: longer runs;
# data: a generated national-shaped history of N pairs, then rebuild (T4), lookups and statistics (T5, T6) and
# commands through the command gateway (T1, T3) on it.
#   scripts/bench.sh [quick|full] [JMH arguments...]
#   scripts/bench.sh data [pairs=11000, about 100,000 events] [dataDir=benchmarks/target/history-<pairs>]
# JMH_THREADS=2 runs every JMH benchmark on 2 threads (the targets are for the whole 2-core machine); the JMH rows
# also report cpu.us/op (process CPU time per operation), which a busy machine distorts far less than ops/s.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-quick}"
THREADS="${JMH_THREADS:-1}"
mvn -B -q install -DskipTests
# The project's own modules from this checkout's target/classes, not ~/.m2, which other checkouts also install into.
CP="$(mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed "s/\x1b\[[0-9;]*m//g" \
  | sed -E "s#[^:]*/jp/jpki/lifecycle/([a-z-]+)/[^/]+/[a-z-]+-[^/:]+\.jar#$PWD/\1/target/classes#g"):benchmarks/target/classes"
if [ "$MODE" = data ]; then
  PAIRS="${2:-11000}"
  DATA="${3:-benchmarks/target/history-$PAIRS}"
  OUT=benchmarks/target/data-results.txt
  rm -rf "$DATA"
  java -Xmx2g -cp "$CP" jp.jpki.lifecycle.bench.history.HistoryGenerator "$DATA" "$PAIRS" | tee "$OUT"
  java -Xmx2g -cp "$CP" jp.jpki.lifecycle.bench.ProjectionRebuildDriver "$DATA" both | grep -v "^20[0-9][0-9]-" | tee -a "$OUT"
  java -Xmx2g -cp "$CP" jp.jpki.lifecycle.bench.QueryLatencyDriver "$DATA" | grep -v "^20[0-9][0-9]-" | tee -a "$OUT"
  java -Xmx2g -cp "$CP" jp.jpki.lifecycle.bench.GatewayLoadDriver "$DATA" 60 16 | grep -v "^20[0-9][0-9]-" | tee -a "$OUT"
  exit 0
fi
if [ "$MODE" = full ]; then JMH="-f 2 -wi 3 -w 5s -i 5 -r 10s"; LOAD="60 16 500"; else JMH="-f 1 -wi 2 -w 3s -i 3 -r 5s"; LOAD="30 16 200"; fi
java -cp "$CP" org.openjdk.jmh.Main $JMH -t "$THREADS" -prof jp.jpki.lifecycle.bench.CpuTimeProfiler \
    -rf text -rff benchmarks/target/jmh-results.txt "${@:2}"
java -Xmx1g -cp "$CP" jp.jpki.lifecycle.bench.LoadDriver $LOAD | tee benchmarks/target/load-results.txt
