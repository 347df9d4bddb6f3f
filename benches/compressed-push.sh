#!/usr/bin/env bash
# A Docker-built image of shared libraries, pushed from the engine by
# `docker push` and by `facetctl artifact push docker-daemon:` into two fresh
# local registries: wall time, and bytes the registry stored.
#   benches/compressed-push.sh [FACETCTL_BINARY] [MIB] [MBIT]
# MIB (default 300) of /usr/lib/x86_64-linux-gnu's files go into the image.
# With MBIT, each tool reaches its registry through benches/throttle.py, a
# proxy that holds the link to MBIT megabits a second each way, and the bytes
# that crossed it are reported too.
set -euo pipefail
bin=$(realpath "${1:-target/release/facetctl}")
mib=${2:-300}
mbit=${3:-}
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; docker rmi -f bench/libs:v1 "127.0.0.1:$push1/bench/libs:v1" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
port1=$(( (RANDOM % 10000) + 40000 )); port2=$((port1 + 1))
for port in $port1 $port2; do
  mkdir -p "$work/registry-$port"
  printf 'version: 0.1\nlog: {level: error, accesslog: {disabled: true}}\nstorage: {filesystem: {rootdirectory: %s}}\nhttp: {addr: 127.0.0.1:%s}\n' \
    "$work/registry-$port" "$port" > "$work/registry-$port.yml"
  docker-registry serve "$work/registry-$port.yml" 2>/dev/null & pids+=($!)
done
for port in $port1 $port2; do until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do sleep 0.1; done; done
# Where each tool pushes: the registry itself, or a throttled link in front of it.
push1=$port1; push2=$port2
if [ -n "$mbit" ]; then
  push1=$((port1 + 2)); push2=$((port1 + 3))
  python3 "$here/throttle.py" $push1 $port1 "$mbit" 2>"$work/throttle-$push1" & throttle1=$!; pids+=($throttle1)
  python3 "$here/throttle.py" $push2 $port2 "$mbit" 2>"$work/throttle-$push2" & throttle2=$!; pids+=($throttle2)
  for port in $push1 $push2; do until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do sleep 0.1; done; done
fi

# The image: shared libraries up to MIB, in four layers, as an application image has.
mkdir -p "$work/context"
total=0; n=0
for f in /usr/lib/x86_64-linux-gnu/*.so*; do
  [ -f "$f" ] && [ ! -L "$f" ] || continue
  size=$(stat -c %s "$f"); [ $((total + size)) -le $((mib * 1024 * 1024)) ] || continue
  layer=$((n % 4)); mkdir -p "$work/context/l$layer"; cp "$f" "$work/context/l$layer/"; total=$((total + size)); n=$((n + 1))
done
printf 'FROM scratch\nCOPY l0 /lib0\nCOPY l1 /lib1\nCOPY l2 /lib2\nCOPY l3 /lib3\n' > "$work/context/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t bench/libs:v1 "$work/context" >/dev/null 2>&1
echo "image: $((total / 1024 / 1024)) MiB of shared libraries in 4 layers; $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"

stored() { du -sb "$work/registry-$1/docker/registry/v2/blobs" | cut -f1; }
now() { date +%s%N; }

docker tag bench/libs:v1 "127.0.0.1:$push1/bench/libs:v1"
start=$(now); docker push -q "127.0.0.1:$push1/bench/libs:v1" >/dev/null; end=$(now)
docker_ms=$(( (end - start) / 1000000 )); docker_bytes=$(stored $port1)

export FACETCTL_HOME="$work/home" FACETCTL_SECRET_STORE=file
"$bin" registry add local --kind generic --url "127.0.0.1:$push2" --insecure >/dev/null
"$bin" workflow create standard --type environment --stages qa,staging >/dev/null
"$bin" integration create libs --type environment --registry local --repository bench/libs --workflow standard >/dev/null
start=$(now); /usr/bin/time -f %M -o "$work/rss" "$bin" -q artifact push docker-daemon:bench/libs:v1 --integration libs --bucket qa >/dev/null; end=$(now)
facetctl_ms=$(( (end - start) / 1000000 )); facetctl_bytes=$(stored $port2)

printf '%-22s %10s %14s\n' tool "wall ms" "stored bytes"
printf '%-22s %10s %14s\n' "docker push" "$docker_ms" "$docker_bytes"
printf '%-22s %10s %14s   (peak RSS %s KiB)\n' "facetctl push (gzip)" "$facetctl_ms" "$facetctl_bytes" "$(cat "$work/rss")"
if [ -n "$mbit" ]; then
  kill -TERM "$throttle1" "$throttle2"; wait "$throttle1" "$throttle2" 2>/dev/null || true
  echo "through a ${mbit} Mbit/s link each way: docker push $(cat "$work/throttle-$push1"); facetctl $(cat "$work/throttle-$push2")"
fi
awk -v d="$docker_ms" -v f="$facetctl_ms" -v db="$docker_bytes" -v fb="$facetctl_bytes" \
  'BEGIN {printf "facetctl: %.2fx faster, %.3fx the bytes docker push stored\n", d / f, fb / db}'
