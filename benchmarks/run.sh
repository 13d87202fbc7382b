#!/usr/bin/env bash
# The benchmark run of docs/benchmarks.md: builds what it needs, then runs the load scenarios (wrk), the start-up
# scenarios and the JMH benchmarks in rounds, and writes the results' Markdown to benchmarks/target/results.md.
# Needs a JDK 17+, Maven and wrk (Debian/Ubuntu: apt-get install wrk). About 12 minutes on 2 cores.
#
#   benchmarks/run.sh                                  # the documented run
#   benchmarks/run.sh --rounds 1 --seconds 2 --warmup 1 --only load    # a quick look at one part
#
# Options are LoadHarness's (see its javadoc). Run it on a quiet machine: every figure is a ratio taken within a
# round, but a busy machine still widens the ranges.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "benchmarks/run.sh: wrk is not on the PATH; install it (Debian/Ubuntu: apt-get install wrk)" >&2
  exit 2
fi

mvn -B -q -pl benchmarks,standalone -am package -DskipTests -Dbenchmarks.skipJars=false

standalone_jar=$(ls standalone/target/codepipeline-testkit-standalone-*.jar 2>/dev/null | head -1 || true)
wiremock_jar=$(ls benchmarks/target/jars/wiremock-standalone-*.jar 2>/dev/null | head -1 || true)

exec java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/run-classpath.txt)" \
  io.github.cptestkit.benchmarks.LoadHarness \
  --standalone-jar "${standalone_jar}" --wiremock-jar "${wiremock_jar}" "$@"
