#!/usr/bin/env bash
# Checks trainbook's libedit prompt in a real terminal, driven through tmux: typing, Tab
# completion (built-ins, argument labels, :commands, file names), Ctrl-R, multi-line input,
# Ctrl-C at the prompt and during a cell, Ctrl-D, history kept across restarts, colours and
# NO_COLOR, the training bar, and plain output through a pipe.
#
# Usage: scripts/check-terminal.sh [path/to/trainbook]    (default: .build/release/trainbook)
# Needs tmux. Runs in a temporary folder with its own HOME and history file; prints one line per
# check and exits non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/trainbook}")
work=$(mktemp -d)
session="trainbook-check-$$"
failures=0
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

# Starts the prompt in a detached 100×40 terminal; extra environment settings may be given.
start() {
  tmux new-session -d -s "$session" -x 100 -y 40 \
    "cd '$work' && env HOME='$work' TRAINBOOK_HISTORY='$work/history' $* '$binary';
     echo \"exit status \$?\"; sleep 600"
}
stop() { tmux kill-session -t "$session"; }
keys() { tmux send-keys -t "$session" "$@"; }
screen() { tmux capture-pane -t "$session" -p; }
last_line() { screen | grep -v '^$' | tail -n 1; }

pass() { echo "ok    $1"; }
fail() {
  echo "FAIL  $1"
  screen | sed 's/^/      | /'
  failures=$((failures + 1))
}
# Runs CHECK with its arguments until it succeeds (passing NAME) or 5 s pass (failing it).
eventually() {
  local name=$1
  shift
  for _ in $(seq 50); do
    if "$@"; then pass "$name"; return; fi
    sleep 0.1
  done
  fail "$name"
}
has_line() { screen | grep -qxF -- "$1"; }
has_matching_line() { screen | grep -qxE -- "$1"; }
has_lines() { [ "$(screen | grep -cxF -- "$2")" = "$1" ]; }
has_lines_matching() { [ "$(screen | grep -cxE -- "$2")" = "$1" ]; }
lacks_blank_line_after() { ! screen | grep -A1 -E -- "$1" | tail -n 1 | grep -qx ''; }
is_last_line() { [ "$(last_line)" = "$1" ]; }
lacks() { ! screen | grep -qF -- "$1"; }
is_coloured() { tmux capture-pane -e -t "$session" -p | grep -q $'\e\\['; }
is_plain() { ! is_coloured; }

touch "$work/iris_data.csv" "$work/iris_notes.txt"

echo "first run"
start
eventually "banner" has_line "trainbook $("$binary" --version): type :help for help, :quit or Ctrl-D to leave"
# Keys sent before libedit has set up the terminal would be echoed raw: wait for the prompt.
eventually "the prompt is ready" is_last_line "trainbook>"
keys 'x = 41 + 1' Enter
eventually "typing a cell runs it" has_line "x: 42"

keys 'ran' Tab
eventually "Tab completes a built-in" is_last_line "trainbook> range"
keys C-u 'print("héllo", ran' Tab
eventually "Tab completes after non-ASCII text" is_last_line 'trainbook> print("héllo", range'
keys C-u 'round(2.5, dig' Tab
eventually "Tab completes an argument label" is_last_line "trainbook> round(2.5, digits:"
keys '1)' Enter
eventually "the completed call runs" has_line "2.5"
keys ':hist' Tab
eventually "Tab completes a :command" is_last_line "trainbook> :history"
keys C-u 'print("iris_d' Tab
eventually "Tab completes a file name in a string" is_last_line 'trainbook> print("iris_data.csv'
keys '")' Enter
eventually "the completed string is the file's name" has_line "iris_data.csv"
keys 'print("iris_' Tab Tab
eventually "a second Tab lists the choices" has_line "iris_data.csv  iris_notes.txt"
keys C-u

keys 'total = 0' Enter 'for i in [1, 2, 3] {' Enter
eventually "an open brace continues on ...>" is_last_line "   ...>"
keys '  total = total + i' Enter '}' Enter 'total' Enter
eventually "the multi-line cell ran" has_line "6"

keys 'this line is dropped' C-c
eventually "Ctrl-C at the prompt clears the line" is_last_line "trainbook>"
eventually "the cleared line did not run" lacks "unknown name \`this\`"

keys 'for j in range(5000) {' Enter '  for i in range(10000) { total = total + 1 }' Enter '}' Enter
sleep 1
keys C-c
eventually "Ctrl-C stops a running cell" has_matching_line "line [12], column [0-9]+: interrupted"
keys 'print("still here")' Enter
eventually "the prompt carries on after Ctrl-C" has_line "still here"

keys 'folds = kfold(moons(n: 200000, seed: 1), k: 400)' Enter
sleep 0.5
keys C-c
keys 'print("after kfold")' Enter
eventually "Ctrl-C stops kfold" has_line "after kfold"

keys 'for i in range(1e7) { s = join(range(1000)) }' Enter
sleep 0.5
keys C-c C-c
keys 'print("session kept")' Enter
eventually "a second Ctrl-C keeps the session" has_line "session kept"

# The first `x = 41 + 1` has scrolled away by now: clear the screen, so the rerun is all it shows.
keys C-l
sleep 0.3
keys C-r 'x = 41'
sleep 0.3
keys Enter
eventually "Ctrl-R finds and reruns a cell" has_line "trainbook> x = 41 + 1"
eventually "the rerun cell ran" has_lines 1 "x: 42"
eventually "the prompt is coloured" is_coloured


keys C-d
eventually "Ctrl-D leaves with status 0" has_line "exit status 0"
stop

echo "second run (history kept; NO_COLOR set; the C locale)"
start NO_COLOR=1 LC_ALL=C
eventually "banner" has_line "trainbook $("$binary" --version): type :help for help, :quit or Ctrl-D to leave"
# Keys sent before libedit has set up the terminal would be echoed raw: wait for the prompt.
eventually "the prompt is ready" is_last_line "trainbook>"
keys Up
eventually "Up recalls the last cell of the first run" is_last_line "trainbook> x = 41 + 1"
keys C-u 'print("naïve")' Enter
eventually "non-ASCII input survives the C locale" has_line "naïve"
keys ':history 12' Enter
eventually "the multi-line cell is one history entry" has_line "      for i in range(10000) { total = total + 1 }"
eventually "NO_COLOR turns colours off" is_plain
keys ':quit' Enter
eventually ":quit leaves with status 0" has_line "exit status 0"
stop

echo 'expect type(fit) == "function"' >"$work/has_fit.tb"
if "$binary" run "$work/has_fit.tb" >/dev/null 2>&1; then
  echo "third run (training)"
  start
  eventually "the prompt is ready" is_last_line "trainbook>"
  keys 'data = moons(n: 2000, seed: 1)' Enter 'net = mlp(inputs: 2, hidden: [64], outputs: 1)' Enter
  keys 'run = fit(net, data, epochs: 100000, batch: 4)' Enter
  sleep 2
  eventually "the fit is headed with its run's name" \
    has_line "run 1: net on data, 100000 epochs of 2000 samples"
  # Epoch 1's line stays (as every 5000th will); the line below it is redrawn.
  eventually "training progress is epoch 1's line and one redrawn line" \
    has_lines_matching 2 "epoch +[0-9]+/100000 .*"
  eventually "a bar counts the epoch's steps" \
    has_matching_line "epoch +[0-9]+/100000  [█▏▎▍▌▋▊▉·]+ +[0-9]+/500  loss .* elapsed .* eta .*"
  keys C-c
  eventually "Ctrl-C stops training" has_matching_line ".*interrupted.*"
  eventually "the prompt returns after training stops" is_last_line "trainbook>"
  eventually "no blank line after the stopped progress line" lacks_blank_line_after "^epoch +[0-9]+/"
  stop
else
  echo "skip  training progress and Ctrl-C during fit (no fit built-in in this build)"
fi

echo "through a pipe"
piped=$(printf 'x = 1\n:vars\nnope\n' | "$binary")
if printf '%s' "$piped" | grep -q $'\e'; then fail "piped output has no escape codes"; else
  pass "piped output has no escape codes"; fi
if printf '%s\n' "$piped" | grep -qxF "trainbook> x = 1"; then pass "piped input is echoed"; else
  fail "piped input is echoed"; fi

if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
