#!/usr/bin/env bash
# Builds the function jar, the baseline and the benchmark, then runs the benchmark and writes BENCHMARKS.md
# (and bench/cold-start.png). About 10 minutes on 2 cores. Pass --quick for a smoke run (bench/target/BENCHMARKS-quick.md),
# --trigger-only for the token trigger's cold start alone (bench/target/BENCHMARKS-trigger.md), --authorizer-only for
# the Lambda authorizer's cold start and warm path alone (bench/target/BENCHMARKS-authorizer.md), --neighbours-only for
# a tenant's latency with and without another tenant's flood through the local runner's edge
# (bench/target/BENCHMARKS-neighbours.md; with --quick, one short round: BENCHMARKS-neighbours-quick.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench/harness -am package
exec java -cp "bench/harness/target/classes:$(cat bench/harness/target/classpath.txt)" invoicegroups.bench.Benchmark "$@"
