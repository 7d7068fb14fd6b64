#!/bin/sh
# Deploys a release tag of the sample app: fetches tags from origin, checks the tag out in the deployment
# directory, stops the running app and starts the new one in the background, then waits until it listens.
#
# Usage: deploy-sample.sh <deployment dir> <tag> [port]
#
# The deployment directory is a clone of the repository. Without a port, the app keeps the port it had, or takes
# any free one the first time. Runtime files live in <deployment dir>/.sample: app.pid, app.port, app.log.
#
# Environment:
#   SAMPLE_CLASSPATH      (required) the class path holding the sample app and its libraries
#   SAMPLE_JAVA           the java command (default: java)
#   SAMPLE_ENVIRONMENT    the environment reported (default: $RELEASE_ENVIRONMENT, else staging)
#   SAMPLE_SLOT           the slot reported (default: $RELEASE_SLOT, else none)
#   SAMPLE_START_TIMEOUT  seconds to wait for the app to stop and to listen (default: 30)
#   SAMPLE_USERNAME, SAMPLE_PASSWORD  the user that can log in (passed on to the app)
#   SAMPLE_WATCH_PID      a process whose end stops the app (passed on to the app)
set -eu

fail() {
    echo "deploy-sample: $*" >&2
    exit 1
}

[ "$#" -ge 2 ] && [ "$#" -le 3 ] || fail "usage: deploy-sample.sh <deployment dir> <tag> [port]"
[ -e "$1/.git" ] || fail "$1 is not a git clone; clone the repository there first."
dir=$(cd "$1" && pwd -P)
tag=$2
port=${3:-}
java=${SAMPLE_JAVA:-java}
classpath=${SAMPLE_CLASSPATH:-}
[ -n "$classpath" ] || fail "SAMPLE_CLASSPATH is not set; set it to the class path of the sample app."
environment=${SAMPLE_ENVIRONMENT:-${RELEASE_ENVIRONMENT:-staging}}
slot=${SAMPLE_SLOT:-${RELEASE_SLOT:-}}
timeout=${SAMPLE_START_TIMEOUT:-30}
state=$dir/.sample
pid_file=$state/app.pid
port_file=$state/app.port
log=$state/app.log

case "$timeout" in '' | *[!0-9]*) fail "SAMPLE_START_TIMEOUT must be whole seconds, not '$timeout'." ;; esac
git check-ref-format "refs/tags/$tag" || fail "'$tag' is not a valid tag name."

# A pause between checks; a whole second where sleep takes no fractions.
pause() {
    sleep 0.2 2>/dev/null || sleep 1
}

# Alive and not a zombie: an exited process its new parent has not reaped yet is gone for us.
running() {
    kill -0 "$1" 2>/dev/null || return 1
    if [ -r "/proc/$1/stat" ]; then
        case "$(cut -d ' ' -f 3 "/proc/$1/stat" 2>/dev/null)" in Z) return 1 ;; esac
    fi
    return 0
}

# Waits for a process to end, up to the start timeout; false if it is still there.
gone() {
    ticks=0
    while running "$1"; do
        [ "$ticks" -lt "$((timeout * 5))" ] || return 1
        pause
        ticks=$((ticks + 1))
    done
}

stop() {
    echo "Stopping the running app (pid $1)"
    kill "$1" 2>/dev/null || true
    gone "$1" || { kill -9 "$1" 2>/dev/null || true; gone "$1"; } || fail "pid $1 does not stop."
}

mkdir -p "$state"
cd "$dir"
echo "Fetching tags from origin"
git fetch --quiet --tags origin
git rev-parse --quiet --verify "refs/tags/$tag^{commit}" >/dev/null \
    || fail "tag $tag not found in origin; push it first (git push origin $tag)."
git -c advice.detachedHead=false checkout --quiet "refs/tags/$tag"
echo "Checked out $tag ($(git rev-parse HEAD))"

if [ -f "$pid_file" ]; then
    old=$(cat "$pid_file")
    case "$old" in '' | *[!0-9]*) ;; *) if running "$old"; then stop "$old"; fi ;; esac
    rm -f "$pid_file"
fi
if [ -z "$port" ] && [ -s "$port_file" ]; then
    port=$(cat "$port_file")
fi
rm -f "$port_file"

set -- --dir "$dir" --port "${port:-0}" --environment "$environment" \
    --port-file "$port_file" --pid-file "$pid_file"
if [ -n "$slot" ]; then
    set -- "$@" --slot "$slot"
fi
echo "Starting the sample app for $tag"
nohup "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -cp "$classpath" \
    io.jenkins.plugins.releasepromotion.sample.SampleApp "$@" >>"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

ticks=0
while [ ! -s "$port_file" ]; do
    if ! running "$pid"; then
        tail -n 20 "$log" >&2 || true
        fail "the app exited while starting; its log is $log."
    fi
    if [ "$ticks" -ge "$((timeout * 5))" ]; then
        tail -n 20 "$log" >&2 || true
        stop "$pid"
        fail "the app did not listen within ${timeout}s; its log is $log."
    fi
    pause
    ticks=$((ticks + 1))
done
echo "Deployed $tag: pid $pid, listening on http://127.0.0.1:$(cat "$port_file")/"
