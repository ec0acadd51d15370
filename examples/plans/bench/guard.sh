#!/usr/bin/env bash
# Guard benchmark (a figure, not a test): writes a `pulumi stack export` of N resources, then, REPEAT
# times, runs `mlinfra check FILE --format json` in a fresh JVM (process wall, CPU and max RSS from
# /usr/bin/time), and once the in-JVM breakdown (GuardBenchmark run: read, check, report, tree ms).
# Usage: examples/plans/bench/guard.sh [N] [REPEAT] [JAVA_OPTS...]   (from the repository root)
# Needs no `install`: the library's own test classpath.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:-20000}; shift || true
REPEAT=${1:-3}; shift || true
JAVA_OPTS=("$@")
[ ${#JAVA_OPTS[@]} -eq 0 ] && JAVA_OPTS=(-Xmx2g)
./mvnw -B -q -o -pl library test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP="library/target/test-classes:library/target/classes:$(cat library/target/bench.cp)"
FILE=$(mktemp --suffix=.json)
TIMES=$(mktemp)
java -cp "$CP" io.github.mlinfra.guard.bench.GuardBenchmark write "$N" "$FILE"
echo "# $(date -u +%FT%TZ) N=$N file=$(stat -c %s "$FILE") bytes load=$(cut -d' ' -f1-3 /proc/loadavg) java=${JAVA_OPTS[*]}"
for i in $(seq "$REPEAT"); do
  set +e
  /usr/bin/time -o "$TIMES" -f "%e %U %S %M" java "${JAVA_OPTS[@]}" -cp "$CP" io.github.mlinfra.cli.Main check "$FILE" --format json >/dev/null
  code=$?
  set -e
  echo "cli exit=$code $(tail -1 "$TIMES" | awk '{printf "wall_s=%s user_s=%s sys_s=%s max_rss_mib=%d", $1, $2, $3, $4/1024}')"
done
java "${JAVA_OPTS[@]}" -cp "$CP" io.github.mlinfra.guard.bench.GuardBenchmark run "$FILE"
rm -f "$FILE" "$TIMES"
