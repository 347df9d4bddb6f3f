#!/usr/bin/env bash
# Builds the facetctl image FROM scratch with the local Docker engine.
#   packaging/build-image.sh [BINARY] [TAG]
# BINARY (default target/release/facetctl) goes in with every shared library
# `ldd` lists, the system's CA bundle, an empty /tmp and /facetctl.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$repo/target/release/facetctl}
[ -x "$binary" ] || { echo "no binary at $binary; build it with cargo build --release" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
tag=${2:-facetctl:$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n 1)}
cd "$repo"

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
root="$context/rootfs"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/tmp" "$root/facetctl"
chmod 1777 "$root/tmp"
cp "$binary" "$root/usr/local/bin/facetctl"
# The libraries at the paths the loader looks in, the loader itself included; a static
# binary has none. A library the loader cannot find would make an image that cannot start.
if libs=$(ldd "$binary" 2>&1); then
  if grep -q "not found" <<<"$libs"; then
    echo "$binary links libraries this machine lacks:" >&2; grep "not found" <<<"$libs" >&2; exit 1
  fi
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' <<<"$libs" | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
elif ! grep -q "not a dynamic executable" <<<"$libs"; then
  echo "ldd $binary: $libs" >&2; exit 1
fi
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/facetctl:/usr/local/bin/facetctl\n' > "$root/etc/passwd"
cp Dockerfile "$context/Dockerfile"
# The classic builder: it needs no buildx plugin.
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$context" >/dev/null 2>"$context/build.log" ||
  { cat "$context/build.log" >&2; exit 1; }
echo "$tag"
