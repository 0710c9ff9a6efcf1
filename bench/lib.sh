# Shared shell functions for the benchmarks in bench/ (source it: . "$(dirname "$0")/lib.sh").
# Each benchmark prints one line per figure: `what: measured (reference)`, see figure below.

BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Runs as root, or through sudo when there is one.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# need_apt COMMAND PACKAGE: installs PACKAGE with apt-get unless COMMAND is on the PATH already.
need_apt() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2 (for $1)…" >&2
  if [[ -z ${BENCH_APT_UPDATED:-} ]]; then
    as_root apt-get update -qq >&2
    BENCH_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$2" >&2
}

# A TCP port nobody listens on now.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# wait_http URL [SECONDS]: waits until URL answers 2xx/3xx; fails after SECONDS (default 120).
wait_http() {
  local url=$1 limit=${2:-120} i
  for ((i = 0; i < limit * 4; i++)); do
    curl -fs -o /dev/null "$url" && return 0
    sleep 0.25
  done
  echo "no answer from $url after ${limit}s" >&2
  return 1
}

# The runnable jar ($BENCH_JAR when set), built when missing (online: a fresh machine has no Maven repository yet).
ensure_jar() {
  local jar=${BENCH_JAR:-$BENCH_REPO/backend/target/planmap.jar}
  if [[ ! -f $jar ]]; then
    echo "building $jar…" >&2
    (cd "$BENCH_REPO" && mvn -q -B -DskipTests package >&2)
  fi
  echo "$jar"
}

# start_planmap PORT DATA_DIR LOG: starts the jar with a 1 GB heap (and $BENCH_PLANMAP_ARGS, JVM options
# $BENCH_JVM_OPTS); sets PLANMAP_PID; waits until it answers.
start_planmap() {
  local port=$1 data=$2 log=$3 jar
  jar=$(ensure_jar)
  # shellcheck disable=SC2086 # the extra options are words
  java -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$jar" --server.port="$port" --planmap.data-dir="$data" ${BENCH_PLANMAP_ARGS:-} >"$log" 2>&1 &
  PLANMAP_PID=$!
  wait_http "http://127.0.0.1:$port/api/layers" 180 || { tail -20 "$log" >&2; return 1; }
}

# stop_pid PID: ends one process we started, politely first.
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
}

# figure WHAT VALUE [REFERENCE]: the one output format of every benchmark.
figure() {
  if [[ -n ${3:-} ]]; then printf '%s: %s (%s)\n' "$1" "$2" "$3"; else printf '%s: %s\n' "$1" "$2"; fi
}

# wrk_run URL SECONDS [wrk options…]: wrk -t2 -c32 with gzip accepted; sets WRK_RPS, WRK_P50_MS, WRK_P99_MS.
wrk_run() {
  local url=$1 seconds=$2 out
  shift 2
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$@" "$url")
  WRK_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  WRK_P50_MS=$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_ms)
  WRK_P99_MS=$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_ms)
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "wrk saw errors against $url:" >&2
    echo "$out" >&2
  fi
}

# wrk's latency (850.00us, 4.10ms, 1.20s, 2.00m) in milliseconds.
to_ms() {
  awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /ms$/) v *= 1; else if ($1 ~ /m$/) v *= 60000; else if ($1 ~ /s$/) v *= 1000; printf "%.1f", v }'
}

# ratio A B: A / B to two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

# kilobytes BYTES: to one decimal (1 KB = 1000 bytes, as the targets are written).
kilobytes() {
  awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'
}
