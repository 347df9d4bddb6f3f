#!/usr/bin/env bash
# The 60-second start on the embedded control plane: installs facetctl,
# starts a throw-away local registry, builds a tiny image, and walks it
# qa -> staging -> production with a rollback, then prints the history.
# Everything it makes lives in one temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v docker-registry >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
fi
# FACETCTL_BIN: a facetctl already built (the tests' own), instead of installing one.
if [ -n "${FACETCTL_BIN:-}" ]; then
  facetctl() { "$FACETCTL_BIN" "$@"; }
else
  cargo install --locked --quiet --path .
fi
facetctl --version

work=$(mktemp -d)
export FACETCTL_HOME="$work/facetctl"
# A local registry on a free port below the kernel's ephemeral range; another port if that one is taken.
registry_pid=
trap 'kill $registry_pid 2>/dev/null; rm -rf "$work"' EXIT
for attempt in 1 2 3 4 5; do
  port=$(( (RANDOM % 10000) + 20000 ))
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && continue
  cat > "$work/registry.yml" <<YAML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/registry}}
http: {addr: 127.0.0.1:$port}
YAML
  docker-registry serve "$work/registry.yml" 2>"$work/registry.log" & registry_pid=$!
  # Until it answers, or it has stopped (the port was taken after all).
  until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || ! kill -0 $registry_pid 2>/dev/null; do sleep 0.1; done
  kill -0 $registry_pid 2>/dev/null && break
done
kill -0 "$registry_pid" 2>/dev/null || { echo "docker-registry did not start: $(cat "$work/registry.log")" >&2; exit 1; }

# A one-layer OCI image layout, by hand: a tar layer, a config, a manifest.
blob() { local hex; hex=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$2/blobs/sha256/$hex"; echo "$hex"; }
make_image() { # make_image DIR TAG MESSAGE
  local dir=$1 tag=$2; mkdir -p "$dir/blobs/sha256" "$work/rootfs"
  echo "$3" > "$work/rootfs/hello.txt"
  tar -cf "$dir/layer" -C "$work/rootfs" hello.txt
  local layer_size layer config_size config manifest_size manifest
  layer_size=$(stat -c %s "$dir/layer"); layer=$(blob "$dir/layer" "$dir")
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$layer" > "$dir/config"
  config_size=$(stat -c %s "$dir/config"); config=$(blob "$dir/config" "$dir")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' \
    "$config" "$config_size" "$layer" "$layer_size" > "$dir/manifest"
  manifest_size=$(stat -c %s "$dir/manifest"); manifest=$(blob "$dir/manifest" "$dir")
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
    "$manifest" "$manifest_size" "$tag" > "$dir/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
}
make_image "$work/build-1" build-1 "hello from build 1"
make_image "$work/build-2" build-2 "hello from build 2"

set -x
facetctl registry add local --kind generic --url "127.0.0.1:$port" --insecure
facetctl workflow create standard --type environment --stages qa,staging,production
facetctl integration create payments --type environment --registry local --workflow standard
facetctl artifact push "oci:$work/build-1:build-1" --integration payments --bucket qa --meta git_sha=1111111
facetctl promote --integration payments --from qa --to staging --reason "QA passed"
facetctl promote --integration payments --from staging --to production
facetctl artifact push "oci:$work/build-2:build-2" --integration payments --bucket qa --meta git_sha=2222222
facetctl promote --integration payments --from qa --to staging
facetctl rollback --integration payments --bucket staging --reason "build-2 fails smoke tests" --yes
facetctl history --integration payments
