#!/usr/bin/env bash
# Runs one replication batch as N shards on this machine, at most JOBS at a time, then merges them
# into exactly the unsharded result. Usage (inside the project):
#   docs/run-shards.sh <scenario.json> <N> <out-dir> [run options, e.g. --reps 100 --seed 7]
# Writes <out-dir>/shard-<i>.json, then <out-dir>/result.json and result.csv, and prints the table.
# JOBS: shards at a time (default N). RUNNER: parallel or xargs (default GNU parallel when installed).
set -euo pipefail
scenario=$1 shards=$2 out=$3
shift 3
jobs=${JOBS:-$shards}
case "${RUNNER:-$(parallel --version 2>/dev/null || true)}" in
  parallel | *'GNU parallel'*) runner=parallel ;;
  *) runner=xargs ;;
esac
mkdir -p "$out"

# One process per shard, each on one thread: the processes share the cores.
run_shard='npx shoreline "$0" "${@:3}" --threads 1 --quiet --shard "$1/$2" --json "$OUT/shard-$1.json"'
export OUT=$out
if [ "$runner" = parallel ]; then
  echo "running $shards shards with GNU parallel, $jobs at a time" >&2
  seq 1 "$shards" | parallel -q -j "$jobs" --halt now,fail=1 bash -c "$run_shard" "$scenario" {} "$shards" "$@"
else
  echo "running $shards shards with xargs -P $jobs" >&2
  seq 1 "$shards" | xargs -P "$jobs" -I{} bash -c "$run_shard" "$scenario" {} "$shards" "$@"
fi

npx shoreline merge "$out"/shard-*.json --json "$out/result.json" --csv "$out/result.csv"
