#!/usr/bin/env bash
# How long a TAB takes: facetctl answering shell completion against a home
# with 50 integrations, 30 runs, median and p90 in ms.
#   benches/completion-latency.sh [BINARY]
# With FACETS_CONTROL_PLANE_URL, FACETS_USERNAME and FACETS_TOKEN set, the
# candidates come from that server instead (the integrations are made there).
set -euo pipefail
bin=${1:-target/debug/facetctl}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export FACETCTL_HOME=$home FACETCTL_SECRET_STORE=file
"$bin" registry add local --kind generic --url 127.0.0.1:5999 --insecure >/dev/null
"$bin" workflow create standard --type environment --stages qa,staging,production >/dev/null
for i in $(seq 1 50); do
  "$bin" integration create "svc-$i" --type environment --registry local --workflow standard >/dev/null
done
measure() { # measure LABEL WORDS...
  local label=$1; shift
  local times=()
  for _ in $(seq 1 30); do
    local start end
    start=$(date +%s%N)
    COMPLETE=fish "$bin" -- facetctl "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{t[NR]=$1} END {printf "%s: median %.1f ms, p90 %.1f ms\n", label, t[int(NR/2)+1]/1000, t[int(NR*0.9)]/1000}'
}
measure "promote --integration <TAB>" promote --integration ''
measure "promote --to <TAB> after --from" promote --integration svc-7 --from qa --to ''
measure "registry add --kind <TAB>" registry add x --kind ''
