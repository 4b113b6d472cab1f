#!/usr/bin/env bash
# Checks that a session saved at a colour terminal passes its own replay check: in a real
# terminal driven through tmux (TERM=xterm-256color), a learner draws line charts of several
# runs, a decision boundary and a regression plot, saves and loads weights, runs a failing cell
# and stops a long fit with Ctrl-C, then `:save`s; `trainbook replay --check` must pass, and take
# about as long as the session's computing did (the interrupted fit replays only to where it
# was stopped).
#
# Usage: scripts/check-saved-session.sh [path/to/trainbook]    (default: .build/release/trainbook)
# Needs tmux. Runs in a temporary folder with its own HOME; exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/trainbook}")
work=$(mktemp -d)
session="trainbook-saved-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

milliseconds() { echo $(($(date +%s%N) / 1000000)); }
screen() { tmux capture-pane -t "$session" -p -S -2000; }
fail() {
  echo "FAIL  $1"
  screen | tail -n 40 | sed 's/^/      | /'
  exit 1
}
# Types a cell, waits until the terminal shows it typed (so the prompt seen next is a new one,
# not the one it was typed at), and then (up to 60 s) until the prompt is back and idle.
cell() {
  tmux send-keys -t "$session" -l "$1"
  for _ in $(seq 100); do
    screen | grep -v '^$' | tail -n 1 | grep -qF -- "$1" && break
    sleep 0.1
  done
  tmux send-keys -t "$session" Enter
  for _ in $(seq 600); do
    if [ "$(screen | grep -v '^$' | tail -n 1)" = "trainbook> " ] \
      || [ "$(screen | grep -v '^$' | tail -n 1)" = "trainbook>" ]; then return; fi
    sleep 0.1
  done
  fail "the cell \`$1\` did not finish"
}

tmux new-session -d -s "$session" -x 120 -y 50 \
  "cd '$work' && env TERM=xterm-256color HOME='$work' TRAINBOOK_HISTORY='$work/history' \
   '$binary'; sleep 600"
for _ in $(seq 50); do screen | grep -q "type :help" && break; sleep 0.1; done

started=$(milliseconds)
cell 'data = moons(n: 300, noise: 0.2, seed: 1)'
cell 'net = mlp(inputs: 2, hidden: [16], seed: 1)'
cell 'a = fit(net, data, epochs: 30, seed: 1, name: "wide")'
cell 'b = fit(mlp(inputs: 2, hidden: [4], seed: 2), data, epochs: 30, seed: 1, name: "narrow")'
cell 'plot([a, b])'
cell 'boundary(net, data)'
cell 'line = polynomial(n: 80, coefficients: [0.5, 2], seed: 3)'
cell 'fitter = mlp(inputs: 1, outputs: 1, hidden: [8], seed: 1)'
cell 'r = fit(fitter, line, loss: mse(), epochs: 40, seed: 1)'
cell 'plot(fitter, line)'
cell 'save_weights(net, "net.safetensors")'
cell 'twin = mlp(inputs: 2, hidden: [16], seed: 7)'
cell 'load_weights(twin, "net.safetensors")'
cell 'accuracy(twin, data)'
cell 'save_weights(net, "/elsewhere/net.safetensors")'
cell 'frobnicate(twin)'
tmux send-keys -t "$session" -l \
  'long = fit(mlp(inputs: 2, hidden: [64, 64], seed: 3), data, epochs: 100000, batch: 4, seed: 2)'
tmux send-keys -t "$session" Enter
sleep 3
tmux send-keys -t "$session" C-c
cell 'long.epochs'
finished=$(milliseconds)
tmux capture-pane -e -t "$session" -p | grep -q $'\e\\[3[0-9;]*m' || fail "the charts are coloured"
echo "ok    a colour session with charts, files, a failure and Ctrl-C ran"

cell ':save session.md'
screen | grep -q "Saved 18 cells to session.md" || fail ":save wrote the session"
grep -q '^<!-- interrupted: epoch [0-9]*, step [0-9]* -->$' "$work/session.md" \
  || fail "the stopped fit is recorded with its epoch and step"
echo "ok    :save recorded the stopped fit at its epoch and step"
tmux kill-session -t "$session"

replay_started=$(milliseconds)
if ! report=$(cd "$work" && "$binary" replay --check session.md); then
  echo "$report"
  fail "the saved session passes replay --check"
fi
replay_finished=$(milliseconds)
echo "$report" | tail -n 1
session_ms=$((finished - started))
replay_ms=$((replay_finished - replay_started))
echo "ok    replay --check passes: session $((session_ms / 1000)).$((session_ms % 1000 / 100)) s," \
  "replay $((replay_ms / 1000)).$((replay_ms % 1000 / 100)) s"
# The session includes typing and waiting for the prompt; the replay must not run the stopped fit
# to its end (100000 epochs would take hours).
if [ "$replay_ms" -gt $((session_ms + 5000)) ]; then
  fail "the replay took much longer than the session"
fi
echo "all checks passed"
