#!/usr/bin/env bash
# Benchmarks (figures, not tests): each scenario in a fresh JVM, REPEAT times; prints one line per
# run: scenario n resources wall_ms ms_per_resource peak_heap_mib max_rss_mib process_wall_s.
# Usage: examples/plans/bench/run.sh [REPEAT] [JAVA_OPTS...]   (from the repository root)
# PEER_DIR=<dir with node_modules of shared/peers/pulumi-node> also runs the Node peer.
set -euo pipefail
cd "$(dirname "$0")/../../.."
REPEAT=${1:-5}; shift || true
JAVA_OPTS=("$@")
./mvnw -B -q -o install -DskipTests >/dev/null
./mvnw -B -q -o -pl examples/plans test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP="examples/plans/target/test-classes:$(cat examples/plans/target/bench.cp)"
EXAMPLES=$(sed -n '/<plan.examples>/,/<\/plan.examples>/p' examples/plans/pom.xml | grep '=' | tr -d ' \n')
TIMES=$(mktemp)
run_java() {
  local result
  result=$(/usr/bin/time -o "$TIMES" -f "%M %e" java "${JAVA_OPTS[@]}" -Dplan.examples="$EXAMPLES" -cp "$CP" \
      io.github.mlinfra.examples.plans.bench.PlanBenchmark "$@" 2>/dev/null | grep -E '^(examples|lib|lean|raw) ' || true)
  echo "java $result $(awk '{printf "%d %s", $1/1024, $2}' "$TIMES")"
}
run_peer() {
  local count
  count=$(/usr/bin/time -o "$TIMES" -f "%M %e" env SCENARIO="$1" N="$2" node "$PEER_DIR/peer.js" 2>/dev/null \
      | grep -oE 'resources registered: [0-9]+' | grep -oE '[0-9]+$' || true)
  echo "node $1 $2 $count - - - $(awk '{printf "%d %s", $1/1024, $2}' "$TIMES")"
}
for i in $(seq "$REPEAT"); do
  run_java examples 1
  for n in 1 10 100 1000; do run_java lib "$n"; done
  for n in 100 1000; do run_java lean "$n"; run_java raw "$n"; done
  if [ -n "${PEER_DIR:-}" ]; then
    run_peer all 1
    for n in 1 10 100 1000; do run_peer checkpoint "$n"; done
  fi
done
