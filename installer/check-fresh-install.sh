#!/usr/bin/env bash
# A new user's first minutes, on a fresh Debian 12 (a container, a chroot or a VM), as root:
# install the package with apt, start FlagDeck from its menu entry on a virtual display in the
# given language, open the sandbox from the welcome page with Enter, then open the keyboard
# shortcuts (F1) and the preferences (Ctrl+,). Each step is saved as a PNG to look at.
#
#   installer/check-fresh-install.sh flagdeck_0.1.0_amd64.deb de_DE.UTF-8 /tmp/first-minutes
set -euo pipefail

DEB="$(realpath "$1")"
LANGUAGE_TAG="${2:-de_DE.UTF-8}"
OUT="$(realpath -m "${3:-first-minutes}")"
ENTRY=/usr/share/applications/io.flagdeck.FlagDeck.desktop
export DEBIAN_FRONTEND=noninteractive

mkdir -p "$OUT"
apt-get update -q
# As `apt install ./flagdeck.deb` does for a person: with the recommended packages (and again
# over an earlier build of the same version, when the check is repeated).
apt-get install -y -q --reinstall "$DEB"
# What this check needs to play the person: a display with a window manager, keys, a screenshot
# tool, the menu launcher.
apt-get install -y -q --no-install-recommends xvfb openbox xdotool x11-apps imagemagick libglib2.0-bin

test -f "$ENTRY"
grep -q '^Exec=flagdeck$' "$ENTRY"

# A user who never ran FlagDeck.
id firstuser >/dev/null 2>&1 || useradd --create-home firstuser
run_as_user() {
    su firstuser -c "env DISPLAY=:42 LANG=$LANGUAGE_TAG LC_ALL=$LANGUAGE_TAG XDG_RUNTIME_DIR=/tmp/firstuser-runtime $*"
}
mkdir -p -m 700 /tmp/firstuser-runtime && chown firstuser /tmp/firstuser-runtime

Xvfb :42 -screen 0 1500x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 2
DISPLAY=:42 openbox >/dev/null 2>&1 &
WM=$!
trap 'kill $WM $XVFB 2>/dev/null || true' EXIT
sleep 1

# snap NAME SECONDS [dialog]: the whole screen, or the window that has the focus (xwd -root shows
# a dialog of another colour depth as a black box when no compositor runs).
snap() {
    sleep "$2"
    local what=(-root)
    [ "${3:-}" = dialog ] && what=(-id "$(DISPLAY=:42 xdotool getactivewindow)")
    DISPLAY=:42 xwd "${what[@]}" -silent | convert xwd:- "$OUT/$1"
    echo "saved $OUT/$1"
}
# Keys go where a person's would: to the window that has the focus (a dialog, once one is open).
key() {
    DISPLAY=:42 xdotool key --clearmodifiers "$@"
}

# The menu entry, as a desktop's launcher starts it.
run_as_user "gio launch $ENTRY" &
WINDOW="$(DISPLAY=:42 xdotool search --sync --onlyvisible --name FlagDeck | head -n 1)"
DISPLAY=:42 xdotool windowactivate --sync "$WINDOW"
snap 1-welcome.png 2
key Return
snap 2-sandbox.png 6
key F1
snap 3-shortcuts.png 2 dialog
key Escape
key ctrl+comma
snap 4-preferences.png 2 dialog
key Escape
echo "FlagDeck $(flagdeck --version | tail -n 1) ran from its menu entry in $LANGUAGE_TAG"
