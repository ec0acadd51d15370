#!/usr/bin/env bash
# Benchmark (figures, not a test): the README main job against the Node peer, paired and alternating
# in one run. Prints one line per run: what, wall seconds, max RSS MiB; then the medians.
# Usage: PEER_DIR=<copy of shared/peers/pulumi-node with node_modules> examples/plans/bench/main-job.sh [REPEAT]
# Run it from the repository root, on an otherwise idle machine, after one warm-up ./plan-examples.
set -euo pipefail
cd "$(dirname "$0")/../../.."
REPEAT=${1:-5}
: "${PEER_DIR:?set PEER_DIR to a copy of shared/peers/pulumi-node with node_modules}"
TIMES=$(mktemp)
declare -a mainjob peer
for i in $(seq "$REPEAT"); do
  /usr/bin/time -o "$TIMES" -f "%e %M" ./plan-examples >/dev/null 2>&1
  read -r wall rss < "$TIMES"; mainjob+=("$wall"); echo "main-job $wall s $((rss / 1024)) MiB"
  /usr/bin/time -o "$TIMES" -f "%e %M" env SCENARIO=all N=1 node "$PEER_DIR/peer.js" >/dev/null 2>&1
  read -r wall rss < "$TIMES"; peer+=("$wall"); echo "peer $wall s $((rss / 1024)) MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m=$(median "${mainjob[@]}"); p=$(median "${peer[@]}")
echo "median main-job ${m} s, peer ${p} s, ratio $(awk -v m="$m" -v p="$p" 'BEGIN {printf "%.2f", m/p}')"
