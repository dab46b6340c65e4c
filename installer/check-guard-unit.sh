#!/usr/bin/env bash
# The guard's systemd unit, as the Debian package installs it. The package must already be
# installed from DEB (bootstrap.sh test does that first) and its contents extracted to STAGING
# (dpkg-deb -x DEB STAGING). Checks that the package carries the unit and the example settings,
# has no maintainer scripts and leaves the unit disabled, that `systemd-analyze verify` finds
# nothing (where systemd is installed), and that the unit's own ExecStart= command, with a test
# settings file in place of /etc/flagdeck/guard.conf, leads against a throwaway PostgreSQL on
# 127.0.0.1 and, on SIGTERM, exits 0 and removes its heartbeat row. As root, PostgreSQL runs as
# postgres and the guard as nobody. Its scratch folder is made under build/ci and removed after.
#
#   installer/check-guard-unit.sh build/ci/flagdeck_0.1.0_amd64.deb build/ci/package-contents
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 DEB STAGING   (DEB installed, STAGING its contents from dpkg-deb -x)" >&2
    exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb="$1"
staging="$2"

unit=/usr/lib/systemd/system/flagdeck-guard.service
for file in "$staging$unit" "$staging/usr/share/doc/flagdeck/examples/guard.conf" "$unit"; do
    if [ ! -f "$file" ]; then
        echo "check-guard-unit: $file is missing" >&2
        exit 1
    fi
done
if dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -E '(^|/)(pre|post)(inst|rm)$'; then
    echo "check-guard-unit: the package has maintainer scripts; it must not enable or start the guard" >&2
    exit 1
fi
if [ -e /etc/systemd/system/multi-user.target.wants/flagdeck-guard.service ]; then
    echo "check-guard-unit: flagdeck-guard.service is enabled after installing the package" >&2
    exit 1
fi
echo "package: $unit and /usr/share/doc/flagdeck/examples/guard.conf; no maintainer scripts; unit not enabled"
if command -v systemd-analyze >/dev/null; then
    verified="$(systemd-analyze verify "$unit" 2>&1)" || { echo "$verified" >&2; exit 1; }
    if grep -q flagdeck-guard <<<"$verified"; then
        echo "$verified" >&2
        exit 1
    fi
    echo "systemd-analyze verify: no findings"
else
    echo "systemd-analyze verify: skipped (systemd is not installed)"
fi

# As root (CI), PostgreSQL runs as postgres and the guard as nobody, as the unit's own user
# would; otherwise both run as the current user. Both must reach the folder.
as_postgres=() as_guard=()
base="$ROOT/build/ci"
mkdir -p "$base"
if [ "$(id -u)" -eq 0 ]; then
    as_postgres=(runuser -u postgres --)
    as_guard=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    "${as_guard[@]}" test -x "$base" && runuser -u postgres -- test -x "$base" || base="${TMPDIR:-/tmp}"
fi
work="$(mktemp -d "$base/guard-check.XXXXXX")"
chmod 755 "$work"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ ! -x "$pg_bin/initdb" ]; then
    echo "check-guard-unit: PostgreSQL is not installed (Debian package postgresql)" >&2
    exit 1
fi
guard_pid=""
cleanup() {
    local status=$?
    if [ -n "$guard_pid" ] && kill -0 "$guard_pid" 2>/dev/null; then
        kill -KILL "$guard_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ]; then
        echo "check-guard-unit: the guard check failed; the guard's output, then PostgreSQL's log:" >&2
        tail -n 40 "$work/guard.log" "$work/pg/server.log" >&2 2>/dev/null || true
    fi
    if [ -f "$work/pg/data/postmaster.pid" ]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

mkdir -m 700 "$work/pg" "$work/state"
mkdir -m 755 "$work/contracts"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$work/pg"
    chown nobody:nogroup "$work/state"
fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U flagdeck --auth=trust -E UTF8 --no-locale \
    --no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
# A free port: nothing answers on it. PostgreSQL listens on 127.0.0.1 only, no Unix socket.
port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port="$candidate"
        break
    fi
done
test -n "$port"
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" \
    -o "-h 127.0.0.1 -p $port -k ''" -w -t 60 start >/dev/null
sql() { PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$port" -U flagdeck -v ON_ERROR_STOP=1 "$@"; }
# The guard's own role, not a superuser, owning the inbox's database (so it may create the tables).
sql -d postgres -c "CREATE ROLE flagdeck_guard LOGIN" -c "CREATE DATABASE team OWNER flagdeck_guard"
cat >"$work/guard.conf" <<EOF
[approvals]
inbox=postgresql://flagdeck_guard@127.0.0.1:$port/team

[contracts]
folder=$work/contracts

[connections]
1\\id=sandbox
1\\kind=sandbox
1\\displayName=Sandbox
size=1
EOF
chmod 644 "$work/guard.conf"
echo "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port, database team owned by role flagdeck_guard"

# The unit's own command line, with the test settings in place of /etc/flagdeck/guard.conf.
exec_start="$(sed -n 's/^ExecStart=[-@:+!]*//p' "$unit")"
test "$(grep -c '^ExecStart=' "$unit")" -eq 1
read -r -a guard_command <<<"$exec_start"
replaced=0
for i in "${!guard_command[@]}"; do
    if [ "${guard_command[$i]}" = "--config" ] && [ $((i + 1)) -lt "${#guard_command[@]}" ]; then
        guard_command[i + 1]="$work/guard.conf"
        replaced=1
    fi
done
if [ "$replaced" -ne 1 ]; then
    echo "check-guard-unit: the unit's ExecStart= has no --config FILE: $exec_start" >&2
    exit 1
fi
echo "unit's ExecStart=$exec_start"
echo "running as ${as_guard[*]:-the current user}: ${guard_command[*]}"
# As systemd would start it: a clean environment, no journal, a HOME of its own.
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/state" \
    "${as_guard[@]}" "${guard_command[@]}" >"$work/guard.log" 2>&1 &
guard_pid=$!
started_ms=$(date +%s%3N)
leader=""
while [ $(($(date +%s%3N) - started_ms)) -lt 30000 ]; do
    if ! kill -0 "$guard_pid" 2>/dev/null; then
        echo "check-guard-unit: the guard exited before it led" >&2
        exit 1
    fi
    leader="$(sql -d team -tAc "SELECT guard_id FROM guards WHERE is_leader = 1" 2>/dev/null || true)"
    [ -n "$leader" ] && break
    sleep 0.2
done
if [ -z "$leader" ]; then
    echo "check-guard-unit: no guard led within 30 s" >&2
    exit 1
fi
echo "leading after $(($(date +%s%3N) - started_ms)) ms: guards row for $leader with is_leader = 1"
if ! grep -q ' event=leading ' "$work/guard.log"; then
    echo "check-guard-unit: the guard leads but did not log event=leading" >&2
    exit 1
fi
kill -TERM "$guard_pid"
status=0
for _ in $(seq 1 150); do
    kill -0 "$guard_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$guard_pid" 2>/dev/null; then
    echo "check-guard-unit: the guard did not stop within 15 s of SIGTERM" >&2
    exit 1
fi
wait "$guard_pid" || status=$?
guard_pid=""
if [ "$status" -ne 0 ]; then
    echo "check-guard-unit: the guard exited with $status after SIGTERM, not 0" >&2
    exit 1
fi
rows="$(sql -d team -tAc "SELECT count(*) FROM guards WHERE guard_id = '$leader'")"
if [ "$rows" != 0 ]; then
    echo "check-guard-unit: the guard left its heartbeat row behind after SIGTERM" >&2
    exit 1
fi
echo "SIGTERM: exit code 0, heartbeat row removed"
