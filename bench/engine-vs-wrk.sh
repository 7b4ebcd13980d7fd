#!/usr/bin/env bash
# Engine efficiency against wrk, side by side on one target in one run.
#
#   bench/engine-vs-wrk.sh [SECONDS] [CONNECTIONS] [LOOPS] [PAIRS] [SEARCH] [REWARM]
#
# 1. starts the demo service (zero service time, 256 workers) on loopback in its own JVM;
# 2. wrk -t1 (closed loop, as fast as it can): requests completed / CPU seconds of the wrk process;
# 3. perftwin's engine (open model) at the rate wrk achieved: requests / CPU seconds of its JVM,
#    measured after a 10 s warm-up run so the JIT has finished compiling the hot paths (wrk needs
#    none; with 5 s the C2 compiler thread still used ~2 % of the measured CPU); LOOPS event loops
#    (default 1, the match of wrk's single thread);
# 4. the highest offered rate perftwin holds (steps of 10k/s): schedule lag p99 under 1 ms, and
#    the requests drained within 0.5 s of the phase end (dispatching on time into an ever-growing
#    queue for a connection is not holding a rate).
# Steps 2–3 run PAIRS times (default 1), alternating, each pair giving its own ratio; the median
# ratio is reported. SEARCH=no skips step 4.
# REWARM (seconds, default 0): when set, each pair also runs perftwin with a second warm-up run of
# that length (EngineBench's REWARM_SECONDS), which moves the one-off recompilation at a run's start
# out of the measured window; both variants are measured against the same wrk run, in alternating
# order, and both ratios and medians are reported.
# ALT_JAVA (environment, optional): a second JVM command for perftwin, e.g. a newer JDK with its
# options: "$JDK25_HOME/bin/java --enable-native-access=ALL-UNNAMED
# --sun-misc-unsafe-memory-access=allow" (Netty needs Unsafe for the engine's socket transport on
# JDK 24+). Each pair then also runs perftwin on it, in alternating order against the same wrk
# run, and its ratios and median are reported beside the default java's. Not combined with REWARM.
# Prints JSON lines and Markdown rows for docs/benchmarks.md (each pair's row also splits the CPU
# per request into user and kernel time). Needs: wrk, GNU time, a built tree.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-16}"
loops="${3:-1}"
pairs="${4:-1}"
search="${5:-yes}"
rewarm="${6:-0}"
port=18181
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed: apt-get install -y time" >&2; exit 2; }
[ -f bench/target/classpath.txt ] && [ -f scenarios/target/classpath.txt ] || mvn -B -q -DskipTests package
cp="bench/target/perftwin-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)"
twin_cp="$(ls scenarios/target/perftwin-scenarios-*.jar):$(cat scenarios/target/classpath.txt)"

# The target runs from the built jars (not ./twin) so that a rebuild cannot interfere.
java -cp "$twin_cp" io.perftwin.scenarios.cli.Main demo-service --port "$port" --workers 256 --service-time 0ms \
  > /tmp/perftwin-bench-target.log 2>&1 &
target=$!
trap 'kill $target 2>/dev/null || true; wait $target 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port/"
wrk -t1 -c"$connections" -d3s "$url" >/dev/null   # warm the target's JIT

alt_java="${ALT_JAVA:-}"
measure() { # $1: rewarm seconds (0 = none); appends the ratio to the named array $2; $3: the java command; prints the Markdown row
  local pt pt_per_cpu ratio pt_requests pt_user pt_system split label
  # $3 is a command with its options: word splitting is wanted here.
  # shellcheck disable=SC2086
  pt="$($3 -cp "$cp" io.perftwin.bench.EngineBench "$url" "$rate" "$connections" "$seconds" 10 "$loops" "$1" | tail -n 1)"
  echo "$pt"
  pt_per_cpu="$(echo "$pt" | sed -E 's/.*"requestsPerCpuSecond":([0-9.]+).*/\1/')"
  ratio="$(awk -v p="$pt_per_cpu" -v w="$wrk_per_cpu" 'BEGIN {printf "%.3f", p / w}')"
  eval "$2+=(\"\$ratio\")"
  label=""
  if [ "$1" -gt 0 ]; then label=" (second warm-up ${1}s)"; fi
  if [ "$3" != java ]; then label="${label} (on ${3})"; fi
  # CPU per request split into user and kernel time, in microseconds (where the two differ).
  pt_requests="$(echo "$pt" | sed -E 's/.*"requests":([0-9]+).*/\1/')"
  pt_user="$(echo "$pt" | sed -E 's/.*"userCpuSeconds":([0-9.NaN]+).*/\1/')"
  pt_system="$(echo "$pt" | sed -E 's/.*"systemCpuSeconds":([0-9.NaN]+).*/\1/')"
  split="$(awk -v wu="$wrk_user" -v ws="$wrk_system" -v wr="$wrk_requests" -v pu="$pt_user" -v ps="$pt_system" -v pr="$pt_requests" \
    'BEGIN {printf "user/kernel µs per request: wrk %.2f/%.2f, perftwin %.2f/%.2f", wu * 1e6 / wr, ws * 1e6 / wr, pu * 1e6 / pr, ps * 1e6 / pr}')"
  echo "| $(date -u +%F) | pair $pair | wrk ${wrk_per_cpu} req/CPU-s at ${rate}/s | perftwin${label} ${pt_per_cpu} req/CPU-s | ratio ${ratio}× | ${split} |"
}

ratios=()
ratios_rewarm=()
ratios_alt=()
# The second variant each pair measures, as measure's arguments; none by default.
variant=()
if [ -n "$alt_java" ]; then
  variant=(0 ratios_alt "$alt_java")
elif [ "$rewarm" -gt 0 ]; then
  variant=("$rewarm" ratios_rewarm java)
fi
for pair in $(seq 1 "$pairs"); do
  out="$( { /usr/bin/time -f 'cpu %U %S' wrk -t1 -c"$connections" -d"${seconds}s" "$url"; } 2>&1 )"
  wrk_requests="$(echo "$out" | awk '/requests in/ {print $1}')"
  wrk_cpu="$(echo "$out" | awk '/^cpu/ {print $2 + $3}')"
  wrk_user="$(echo "$out" | awk '/^cpu/ {print $2}')"
  wrk_system="$(echo "$out" | awk '/^cpu/ {print $3}')"
  wrk_rate="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  wrk_per_cpu="$(awk -v r="$wrk_requests" -v c="$wrk_cpu" 'BEGIN {printf "%.0f", r / c}')"
  echo "{\"pair\":$pair,\"engine\":\"wrk\",\"connections\":$connections,\"requests\":$wrk_requests,\"cpuSeconds\":$wrk_cpu,\"requestsPerCpuSecond\":$wrk_per_cpu,\"userCpuSeconds\":$wrk_user,\"systemCpuSeconds\":$wrk_system,\"achievedRate\":$wrk_rate}"

  rate="$(awk -v r="$wrk_rate" 'BEGIN {printf "%d", r}')"
  if [ ${#variant[@]} -gt 0 ] && [ $((pair % 2)) -eq 0 ]; then
    measure "${variant[@]}"
    measure 0 ratios java
  else
    measure 0 ratios java
    if [ ${#variant[@]} -gt 0 ]; then measure "${variant[@]}"; fi
  fi
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
median="$(median_of "${ratios[@]}")"

held=0
[ "$search" = no ] || for r in $(seq 10000 10000 200000); do
  line="$(java -cp "$cp" io.perftwin.bench.EngineBench "$url" "$r" "$connections" "$seconds" 5 "$loops" | tail -n 1)"
  echo "$line"
  lag="$(echo "$line" | sed -E 's/.*"lagP99Ms":([0-9.]+).*/\1/')"
  drain="$(echo "$line" | sed -E 's/.*"drainSeconds":([0-9.]+).*/\1/')"
  if awk -v l="$lag" -v d="$drain" 'BEGIN {exit !(l < 1.0 && d < 0.5)}'; then held=$r; else break; fi
done
echo
if [ "$rewarm" -gt 0 ]; then
  echo "| $(date -u +%F) | ${seconds}s, ${connections} conns, ${loops} loop(s), ${pairs} pair(s), second warm-up ${rewarm}s | ratios ${ratios_rewarm[*]} | median $(median_of "${ratios_rewarm[@]}")× | (same wrk runs as the row below) |"
fi
if [ -n "$alt_java" ]; then
  echo "| $(date -u +%F) | ${seconds}s, ${connections} conns, ${loops} loop(s), ${pairs} pair(s), on ${alt_java} | ratios ${ratios_alt[*]} | median $(median_of "${ratios_alt[@]}")× | (same wrk runs as the row below) |"
fi
echo "| $(date -u +%F) | ${seconds}s, ${connections} conns, ${loops} loop(s), ${pairs} pair(s) | ratios ${ratios[*]} | median ${median}× | highest rate held with lag p99 < 1 ms: $([ "$search" = no ] && echo "not searched" || echo "${held}/s") |"
