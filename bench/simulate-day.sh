#!/usr/bin/env bash
# The simulator of a day (issue 16, docs/SIMULATOR.md) on the project's compiled classes: builds them if need be, then
# runs id.siaga.simulation.SimulateDay with the arguments given, e.g.
#   bench/simulate-day.sh --scenario=diy --calls=1000 --seed=1 --days=7 --gate=both --size
#   bench/simulate-day.sh --scenario=national-polda --json
#   bench/simulate-day.sh --scenario=mmn --calls-per-hour=200 --handling=180 --agents=14
# It prints the figures of each run and the simulator's speed (simulated calls per second of CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/id/siaga/simulation/SimulateDay.class ] \
   || [ -n "$(find src/main/java/id/siaga/simulation src/main/java/id/siaga/routing src/main/java/id/siaga/screening \
              src/main/java/id/siaga/staffing -newer target/classes/id/siaga/simulation/SimulateDay.class -name '*.java' | head -1)" ]; then
  mvn -q -o -DskipTests compile >&2 || mvn -q -DskipTests compile >&2
fi
# the simulator and the rules it runs (routing, screening, staffing, org's values) need only the JDK: no library on the
# class path, so no dependency resolution either
exec java ${JAVA_OPTS:--Xmx1g} -cp target/classes id.siaga.simulation.SimulateDay "$@"
