#!/usr/bin/env bash
# Kills trainbook with SIGKILL in the middle of saves, training-state checkpoints and fits, then
# checks what a crash leaves: every file is whole (the old one or the new one), the temporary
# files of a killed save are removed by the next save to the same place, and a fit resumed from
# its last checkpoint ends with the same weights, bit for bit, as a fit that never stopped.
#
# Usage: scripts/kill-trials.sh [--long] [path/to/trainbook]   (default: .build/release/trainbook)
# A few trials of each kind by default (as `make test` runs it); --long runs 100 of each.
# Prints the counts and exits non-zero if any trial found a torn file, debris or a different
# result.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=3
if [ "${1:-}" = "--long" ]; then trials=100; shift; fi
binary=$(realpath "${1:-.build/release/trainbook}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Runs `script` in the background and kills it with SIGKILL after a random 0–`range` ms.
kill_during() {
  local script=$1 range=$2
  "$binary" run "$script" > /dev/null 2>&1 &
  local pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % range)))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}

cat > saves.tb << 'TB'
net = mlp(inputs: 64, hidden: [512, 512], outputs: 10, seed: 1)
for i in range(200) { save_weights(net, "w.safetensors") }
TB
cat > load.tb << 'TB'
net = mlp(inputs: 64, hidden: [512, 512], outputs: 10, seed: 1)
load_weights(net, "w.safetensors")
TB
cat > save-once.tb << 'TB'
net = mlp(inputs: 64, hidden: [512, 512], outputs: 10, seed: 1)
save_weights(net, "w.safetensors")
TB
setup='data = moons(n: 400, seed: 1)
net = mlp(inputs: 2, hidden: [32, 32], seed: 1)'
fit_call='fit(net, data, seed: 1, batch: 8, schedule: cosine(warmup: 1), callbacks: [checkpoint("state.safetensors", state: true)]'
printf '%s\nrun = %s, epochs: 40)\nsave_weights(net, "final.safetensors")\n' "$setup" "$fit_call" > fit.tb
printf '%s\nrun = %s, epochs: 0)\nrun = resume(run, data, until: 40, from: "state.safetensors")\nsave_weights(net, "final.safetensors")\n' \
  "$setup" "$fit_call" > resume.tb
"$binary" run fit.tb > /dev/null
mv final.safetensors reference.safetensors
rm -f state.safetensors

saves=0 torn=0 debris_left=0 debris_seen=0
for _ in $(seq "$trials"); do
  rm -f w.safetensors .w.safetensors.*
  kill_during saves.tb 900
  saves=$((saves + 1))
  if [ -e w.safetensors ] && ! "$binary" run load.tb > /dev/null 2>&1; then torn=$((torn + 1)); fi
  debris_seen=$((debris_seen + $(find . -maxdepth 1 -name '.w.safetensors.*.tmp' | wc -l)))
  "$binary" run save-once.tb > /dev/null
  debris_left=$((debris_left + $(find . -maxdepth 1 -name '.w.safetensors.*.tmp' | wc -l)))
done

fits=0 resumed=0 restarted=0 different=0 torn_states=0
for _ in $(seq "$trials"); do
  rm -f state.safetensors final.safetensors .state.safetensors.*
  kill_during fit.tb 999
  fits=$((fits + 1))
  if [ -e state.safetensors ]; then
    if "$binary" run resume.tb > /dev/null 2>&1; then resumed=$((resumed + 1)); else
      torn_states=$((torn_states + 1)); continue; fi
  else
    "$binary" run fit.tb > /dev/null
    restarted=$((restarted + 1))
  fi
  cmp -s final.safetensors reference.safetensors || different=$((different + 1))
  debris_left=$((debris_left + $(find . -maxdepth 1 -name '.state.safetensors.*.tmp' | wc -l)))
done

echo "saves killed: $saves; files torn: $torn; temporary files left by the kill: $debris_seen," \
  "left after the next save: $debris_left"
echo "fits killed: $fits; resumed from a checkpoint: $resumed, started over: $restarted;" \
  "unreadable checkpoints: $torn_states; final weights different from an uninterrupted fit:" \
  "$different"
[ "$torn" = 0 ] && [ "$debris_left" = 0 ] && [ "$different" = 0 ] && [ "$torn_states" = 0 ]
