#!/usr/bin/env bash
# Set up FlagDeck on Debian 12 (bookworm): install the Debian packages it needs, configure, build,
# then either start FlagDeck on the sandbox or run every test. Safe to run again at any time.
#
#   installer/bootstrap.sh run    build the console alone (no tests, test servers or benchmarks)
#                                 and start it on the sandbox
#   installer/bootstrap.sh test   build and run every test (warnings are errors), then the unit
#                                 tests again under AddressSanitizer + UndefinedBehaviorSanitizer,
#                                 then each parser's libFuzzer target for 60 seconds
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="$(nproc 2>/dev/null || echo 2)"

# What the console needs to build and run (libsecret: QtKeychain loads it at run time to reach a
# Secret Service, and nothing else depends on it).
RUN_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev libyaml-cpp-dev libsqlite3-dev libssl-dev
    fonts-dejavu-core
    libsecret-1-0
)
# What the tests add: the FeatBit protocol test server (Qt HTTP server), real Prometheus and
# PostgreSQL, the fuzzers' compiler, the package checks, /usr/bin/time for the start-up memory
# figure, the browser in which a benchmark drives Unleash's own web console beside FlagDeck, a
# real keychain for the keychain tests (a private session bus from dbus-daemon with gnome-keyring's
# Secret Service on it; dbus-x11 stands for gnome-keyring's session-bus dependency, which would
# otherwise pull in dbus-user-session and systemd), ss for the server-lifetime test, and pkill to
# pause the sanitizer build while the benchmarks measure.
TEST_PACKAGES=(
    qt6-httpserver-dev
    prometheus postgresql ca-certificates curl
    clang libclang-rt-14-dev
    dpkg-dev file desktop-file-utils appstream
    time
    chromium
    dbus-daemon dbus-x11 gnome-keyring
    iproute2 procps
)
# Node and npm drive the integration tests. A machine that already has them (Debian's, or a vendor
# build whose nodejs bundles npm and conflicts with Debian's npm package) keeps what it has.
NODE_PACKAGES=(nodejs npm)

# Each step with the minutes since the start, so a slow one shows.
say() { printf '\n== [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "bootstrap: installing packages needs root or sudo" >&2
        exit 1
    fi
}

# install_packages run|test
install_packages() {
    local missing=() wanted=("${RUN_PACKAGES[@]}")
    if [ "$1" = test ]; then
        wanted+=("${TEST_PACKAGES[@]}")
        command -v npm >/dev/null && command -v node >/dev/null || wanted+=("${NODE_PACKAGES[@]}")
    fi
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "Debian packages: all present"
        return
    fi
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# build PRESET [CMAKE-OPTION...]
build() {
    local preset="$1"
    shift
    say "Configuring and building (preset $preset)"
    cmake --preset "$preset" -S "$ROOT" "$@" >/dev/null
    # BUILD_TARGETS, when set: only those targets (the sanitizer run: the unit tests and the fuzzers).
    # shellcheck disable=SC2086
    cmake --build "$ROOT/build/$preset" --parallel "$JOBS" ${BUILD_TARGETS:+--target $BUILD_TARGETS}
}

run_app() {
    # The console and nothing else: a fresh machine shows the window after a few minutes of
    # compiling instead of building every test, test server and benchmark first.
    build default -DFLAGDECK_BUILD_TESTS=OFF
    local app="$ROOT/build/default/app/flagdeck"
    if [ -z "${QT_QPA_PLATFORM:-}" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "bootstrap: built $app, but there is no display to show it on." >&2
        echo "Run it from a desktop session, or try it headless: QT_QPA_PLATFORM=offscreen $app --sandbox --screenshot flagdeck.png" >&2
        exit 1
    fi
    say "Starting FlagDeck on the sandbox"
    exec "$app" --sandbox "$@"
}

run_tests() {
    say "Installing from npm: the MCP client that drives flagdeck mcp, FeatBit's Node SDK, unleash-server 5, 6, 7 and 8 with the Node each needs, playwright-core for chromium, promptfoo with its Node for real eval reports, and the service instrumented with OpenFeature and OpenTelemetry (and the Node it needs)"
    # Every folder pinned by its own lockfile, installed side by side (unpacking dominates, not the
    # network). --ignore-scripts: no install-time analytics, downloads or native builds; none of
    # them needs one. The MCP client's SDK is the exception and runs its own.
    # - tests/unleash/v5…v8: the Unleash version matrix, each with the Node its engines field allows;
    # - tests/peer: playwright-core, driving Debian's chromium (TEST_PACKAGES), no browser of its own;
    # - tests/promptfoo: run offline in the tests (a local JavaScript provider, telemetry and
    #   sharing off);
    # - tests/otelservice: a service evaluating flags through OpenFeature, metered by OpenTelemetry.
    # The build runs meanwhile: it needs none of them.
    local folder pid pids=()
    (cd "$ROOT/tests/mcp" && npm ci --no-audit --no-fund --loglevel=error) &
    pids+=("$!")
    for folder in featbit unleash/v5 unleash/v6 unleash/v7 unleash/v8 peer promptfoo otelservice; do
        (cd "$ROOT/tests/$folder" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) &
        pids+=("$!")
    done
    build ci
    for pid in "${pids[@]}"; do wait "$pid"; done
    # The sanitizer build (clang: the unit tests and the fuzzers) runs beside the tests and the soak
    # at the lowest priority, in a session of its own so that it can be paused while the benchmarks
    # measure (ninja gives each compiler a process group of its own, so the session is what holds
    # them all).
    export -f build say
    export ROOT JOBS
    setsid nice -n 19 env BUILD_TARGETS="unit_tests fuzzers" bash -c 'set -euo pipefail; build sanitize' > "$ROOT/build/sanitize.log" 2>&1 &
    local sanitize_build=$! soaked=0
    # shellcheck disable=SC2064 # the session's id, now
    trap "pkill -KILL -s $sanitize_build || true" EXIT
    # A cancelled run ends through the EXIT trap too (bash runs it on exit, not on a signal).
    trap 'exit 143' TERM
    trap 'exit 130' INT
    # Twice as many tests as cores: most of them wait on a server or a timer.
    say "Running every test (the sanitizer build beside them)"
    ctest --test-dir "$ROOT/build/ci" --output-on-failure --parallel $((JOBS * 2))
    mkdir -p -m 700 "$ROOT/build/ci/bench-home" "$ROOT/build/ci/screenshot-home"
    pkill -STOP -s "$sanitize_build" || true
    say "Benchmarks (the sanitizer build paused)"
    bench --skip=soak
    pkill -CONT -s "$sanitize_build" || true
    check_package
    say "The soak (five minutes), with the sanitizer build beside it (the soak's UI stall figures are measured with it competing for the cores)"
    bench soak || soaked=$?
    say "Waiting for the sanitizer build"
    wait "$sanitize_build" || { tail -n 60 "$ROOT/build/sanitize.log" >&2; exit 1; }
    trap - EXIT TERM INT
    [ "$soaked" -eq 0 ] || exit "$soaked"
    say "Running the unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$ROOT/build/sanitize" --output-on-failure --parallel "$JOBS" -L unit
    run_fuzzers
}

# bench [PREFIX|--skip=PREFIX...]: flagdeck-bench as CI runs it, with a home of its own.
bench() {
    QT_QPA_PLATFORM=offscreen HOME="$ROOT/build/ci/bench-home" XDG_RUNTIME_DIR="$ROOT/build/ci/bench-home" \
        "$ROOT/build/ci/tests/bench/flagdeck-bench" "$@"
}

# Builds the .deb, checks its desktop entry and AppStream metadata, installs it with apt and runs
# the installed copy: --version without a display, and a screenshot of the sandbox offscreen. Then
# the guard's systemd unit: installed, neither enabled nor started by the package, and its
# ExecStart= command leads against a throwaway PostgreSQL on 127.0.0.1 and stops cleanly on SIGTERM.
check_package() {
    say "Building, checking and installing the Debian package"
    rm -f "$ROOT"/build/ci/flagdeck_*.deb
    (cd "$ROOT/build/ci" && cpack -G DEB >/dev/null)
    local deb staging
    deb="$(ls "$ROOT"/build/ci/flagdeck_*.deb)"
    staging="$ROOT/build/ci/package-contents"
    rm -rf "$staging" && dpkg-deb -x "$deb" "$staging"
    desktop-file-validate "$staging/usr/share/applications/io.flagdeck.FlagDeck.desktop"
    appstreamcli validate --no-net --pedantic "$staging/usr/share/metainfo/io.flagdeck.FlagDeck.metainfo.xml"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --reinstall "$deb"
    say "Running the installed FlagDeck: --version, then --sandbox --screenshot"
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/flagdeck --version
    QT_QPA_PLATFORM=offscreen HOME="$ROOT/build/ci/screenshot-home" XDG_RUNTIME_DIR="$ROOT/build/ci/screenshot-home" \
        /usr/bin/flagdeck --sandbox --screenshot "$ROOT/build/ci/screenshot.png"
    test -s "$ROOT/build/ci/screenshot.png"

    say "Checking the installed guard unit: its ExecStart= against a PostgreSQL on 127.0.0.1"
    bash "$ROOT/installer/check-guard-unit.sh" "$deb" "$staging"
}

# Each parser of what servers send, fuzzed from the real payloads for 60 seconds; a crash, a leak or
# a broken promise of a parser fails the run and leaves the input in build/sanitize/fuzz-findings.
run_fuzzers() {
    say "Fuzzing each parser for 60 seconds"
    local fuzz="$ROOT/build/sanitize/tests/fuzz" pids=() failed=0 target seeds dict
    mkdir -p "$ROOT/build/sanitize/fuzz-findings"
    for target in featbitflag featbitstream featbitauditlog unleashfeature unleashevents; do
        case "$target" in
            featbit*) seeds="$ROOT/tests/unit/fixtures/featbit"; dict="$ROOT/tests/fuzz/featbit.dict" ;;
            *) seeds="$ROOT/tests/unit/fixtures/unleash"; dict="$ROOT/tests/fuzz/unleash.dict" ;;
        esac
        mkdir -p "$ROOT/build/sanitize/fuzz-corpus/$target"
        "$fuzz/fuzz_$target" "$ROOT/build/sanitize/fuzz-corpus/$target" "$seeds" -dict="$dict" -max_total_time=60 \
            -rss_limit_mb=2048 -artifact_prefix="$ROOT/build/sanitize/fuzz-findings/$target-" \
            > "$ROOT/build/sanitize/fuzz-$target.log" 2>&1 &
        pids+=("$!")
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    for target in featbitflag featbitstream featbitauditlog unleashfeature unleashevents; do
        printf 'FUZZ %s: %s\n' "$target" "$(grep -E '^Done [0-9]+ runs' "$ROOT/build/sanitize/fuzz-$target.log" || echo 'did not finish')"
    done
    if [ "$failed" -ne 0 ]; then
        tail -n 40 "$ROOT"/build/sanitize/fuzz-*.log >&2
        echo "bootstrap: a fuzzer found a problem; the input is in build/sanitize/fuzz-findings" >&2
        exit 1
    fi
}

case "${1:-}" in
    run)
        shift
        install_packages run
        run_app "$@"
        ;;
    test)
        install_packages test
        run_tests
        ;;
    *)
        sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
