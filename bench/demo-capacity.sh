#!/usr/bin/env bash
# Saturation throughput of the built-in demo service against its analytic capacity
# (workers / mean service time), with a closed model that keeps every worker busy.
#
#   bench/demo-capacity.sh [WORKERS] [SERVICE_TIME] [SECONDS]     e.g. 4 'constant(2ms)' 20
#
# 32 users with no think time keep the queue non-empty, so completions per second are the
# service's saturation throughput. Runs from the built jars (build first: mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
workers="${1:-4}"
service_time="${2:-constant(2ms)}"
seconds="${3:-20}"
cp="$(ls scenarios/target/perftwin-scenarios-*.jar):$(cat scenarios/target/classpath.txt)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cat > "$dir/capacity.yaml" <<YAML
name: demo-capacity
target:
  service: demo
  demo: {workers: $workers, serviceTime: '$service_time'}
load:
  connections: 32
  phases:
    - warmup: {users: 32, duration: 3s}
    - saturate: {users: 32, duration: ${seconds}s}
  requests:
    - {name: get, GET: /}
YAML
java -Djava.awt.headless=true -cp "$cp" io.perftwin.scenarios.cli.Main run "$dir/capacity.yaml" --out "$dir/runs" > "$dir/out.log" 2>&1 || true
summary="$(ls "$dir"/runs/*/summary.json)"
python3 - "$summary" "$workers" "$service_time" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))
workers = int(sys.argv[2]); st = sys.argv[3]
m = re.search(r'([0-9.]+)\s*(us|ms|s)', st)
mean_s = float(m.group(1)) * {'us': 1e-6, 'ms': 1e-3, 's': 1.0}[m.group(2)]
capacity = workers / mean_s
measured = s['requests']['all']['throughput']
print(json.dumps({"bench": "demo-capacity", "workers": workers, "serviceTime": st, "analyticCapacity": round(capacity, 1),
                  "measuredThroughput": measured, "ratio": round(measured / capacity, 4),
                  "p50Ms": s['requests']['all']['latencyMs']['p50'], "errors": s['requests']['all']['errors']}))
PY
