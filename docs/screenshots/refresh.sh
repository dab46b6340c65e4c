#!/usr/bin/env bash
# Makes every screenshot in docs/ again from the current build, so the guides show the console as
# it is. The views are `flagdeck --screenshot` runs, each in a fresh home folder (a first start,
# the seeded sandbox); the moments in the middle of a gesture (an armed kill, a dialog after a
# test, a stage preview) come from the GUI tests, which click their way there.
#
#   docs/screenshots/refresh.sh            after: cmake --preset default && cmake --build build/default
#
# The Chinese screenshot needs a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BUILD:-$ROOT/build/default}"
APP="$BUILD/app/flagdeck"
OUT="$ROOT/docs/screenshots"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The screens FlagDeck opens on: a laptop's and a desktop's, for the offscreen platform.
screen() {
    printf '{"screens": [{"name": "%s", "x": 0, "y": 0, "width": %s, "height": %s, "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}' \
        "$1" "$2" "$3" > "$WORK/$1.json"
}
screen laptop 1366 768
screen desktop 1920 1080

# shot NAME HOME-NAME LANG SCREEN -- ARGS…: one run of FlagDeck on SCREEN (laptop or desktop),
# the window as it opens there, saved as NAME.
shot() {
    local name="$1" home="$WORK/$2" language="$3" screen="$4"
    shift 5
    mkdir -p -m 700 "$home"
    env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" XDG_RUNTIME_DIR="$home" XDG_CONFIG_HOME="$home/.config" \
        XDG_DATA_HOME="$home/.local/share" LANG="$language" LC_ALL="$language" LANGUAGE= \
        QT_QPA_PLATFORM="offscreen:configfile=$WORK/$screen.json" \
        "$APP" "$@" --screenshot "$OUT/$name" 2> >(grep -v propagateSizeHints >&2)
    echo "made $name"
}

test -x "$APP" || { echo "refresh.sh: build FlagDeck first ($APP is missing)" >&2; exit 1; }

shot welcome.png first-start C.UTF-8 desktop --
shot main-window.png sandbox C.UTF-8 desktop -- --sandbox --flag chat-model-route --screenshot-delay 1
# The same sandbox again, now from the cache alone.
shot offline.png sandbox C.UTF-8 desktop -- --offline --flag chat-model-route
shot preferences.png sandbox C.UTF-8 desktop -- --sandbox --view preferences
shot shortcuts.png sandbox C.UTF-8 desktop -- --sandbox --view shortcuts
shot main-window-de.png german de_DE.UTF-8 desktop -- --sandbox --flag chat-model-route --screenshot-delay 1
shot welcome-zh.png chinese zh_CN.UTF-8 desktop --
# An incident as the on-call engineer sees it: a regression the contract's auto_kill answers,
# on a laptop in English and German, and on a desktop screen.
incident=(--sandbox --sandbox-regression chat-model-route:distilled_small:p95_latency:1.4 --flag chat-model-route
          --screenshot-delay 45)
shot incident-laptop.png incident-en C.UTF-8 laptop -- "${incident[@]}"
shot incident-laptop-de.png incident-de de_DE.UTF-8 laptop -- "${incident[@]}"
shot incident-desktop.png incident-desktop C.UTF-8 desktop -- "${incident[@]}"
# What changed in that incident, on the laptop, in English and German.
shot what-changed-laptop.png changes-en C.UTF-8 laptop -- "${incident[@]}" --view changes
shot what-changed-laptop-de.png changes-de de_DE.UTF-8 laptop -- "${incident[@]}" --view changes
# Flags due for cleanup on the laptop; a gate held by its eval report.
shot cleanup-laptop.png cleanup-en C.UTF-8 laptop -- --sandbox --view cleanup
shot cleanup-laptop-de.png cleanup-de de_DE.UTF-8 laptop -- --sandbox --view cleanup
shot eval-gate.png evals-en C.UTF-8 desktop -- --sandbox --flag support-assistant-route --screenshot-delay 3

echo "the GUI tests' screenshots (kill, audit, stages, guardrails, approvals, add-server dialogs, a guard):"
FLAGDECK_SCREENSHOT_DIR="$OUT" ctest --test-dir "$BUILD" --output-on-failure \
    -R '^(tst_mainwindow|tst_featbitconsole|tst_unleashconsole_v8|tst_guardpresence|tst_laptopscreen|tst_approvalsheet|tst_guardrailcharts|tst_addserverkeychain_none|tst_inboxrestart)$'
