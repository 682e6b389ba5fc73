#!/usr/bin/env bash
# The project's test command: installs what the tests need where it can, runs the nanoFramework compile gate,
# every host test and the simulator's main job. Exits non-zero on the first failure, naming it.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\ntest.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# --- prerequisites -------------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
  # Debian packages can be installed only as root; anyone else is told what to install.
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    fail "$1 is missing and cannot be installed from here: install the Debian package(s) '${*:2}' and run again"
  fi
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq >/dev/null || fail "apt-get update failed while installing $1"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${@:2}" >/dev/null || fail "apt-get could not install ${*:2}"
}

say "prerequisites"
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is missing: install .NET 10 from https://dot.net"
dotnet --list-sdks | grep -q '^10\.' || fail "the .NET 10 SDK is missing (dotnet --list-sdks shows no 10.x)"
# mosquitto: the real broker the uplink tests publish to; mosquitto_sub is an independent subscriber.
command -v mosquitto >/dev/null && command -v mosquitto_sub >/dev/null || apt_install mosquitto mosquitto mosquitto-clients
command -v openssl >/dev/null || apt_install openssl openssl
# node and the npm test peers (MQTT.js, lora-packet, js-yaml, acorn): independent checks of what goes over the wire.
command -v node >/dev/null && command -v npm >/dev/null || apt_install node nodejs npm
(cd tests/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm could not install the test peers (tests/peers)"
node -e "require('./tests/peers/node_modules/mqtt'); require('./tests/peers/node_modules/lora-packet')" \
  || fail "the npm test peers do not load"
echo "dotnet $(dotnet --version), $(mosquitto -h 2>/dev/null | head -1), node $(node --version)"
export OCCUPANCY_TEST_PEERS="$PWD/tests/peers/node_modules"

# --- build ---------------------------------------------------------------------------------------------------
say "build (.NET projects; the nfproj projects are checked by the compile gate below)"
dotnet build Host.slnf -c Release -warnaserror --nologo -v quiet -clp:ErrorsOnly || fail "the build"

# --- the nanoFramework compile gate ----------------------------------------------------------------------------
say "nanoFramework compile gate"
dotnet run --project tests/NanoCompileGate -c Release --no-build -- --repo . || fail "the nanoFramework compile gate"

# --- host tests -----------------------------------------------------------------------------------------------
say "host tests"
results=$(mktemp -d)
set +e
dotnet test tests/OccupancySensor.Tests -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --logger "trx;LogFileName=host-tests.trx" --results-directory "$results"
status=$?
set -e
counters=$(grep -o '<Counters [^>]*>' "$results/host-tests.trx" 2>/dev/null || true)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
[ "$status" = 0 ] || fail "host tests (${failed:-?} failed)"
[ -n "$passed" ] && [ "$passed" -gt 0 ] || fail "host tests ran no test"

# --- the main job -----------------------------------------------------------------------------------------------
say "main job: dotnet run --project hostsim"
dotnet run --project hostsim -c Release --no-build > "$results/hostsim.txt" || { cat "$results/hostsim.txt"; fail "the main job"; }
grep -q "Presence per zone" "$results/hostsim.txt" || { cat "$results/hostsim.txt"; fail "the main job printed no report"; }
sed -n '/Presence per zone/,$p' "$results/hostsim.txt"

# Gate and main job count as one check each, beside the host tests.
echo
echo "tests: $((passed + 2)) passed, 0 failed"
