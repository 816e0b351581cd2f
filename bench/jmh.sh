#!/usr/bin/env bash
# Runs the JMH benchmarks under src/test/java/id/siaga/bench/.
#
# Usage: bench/jmh.sh [JMH options] [benchmark regex ...]
#   bench/jmh.sh                                  every benchmark, with -f 1 -wi 3 -i 5
#   bench/jmh.sh JurisdictionLookupBenchmark      one class, with its own annotated iterations
#   bench/jmh.sh -p db=postgres 'JournalAppendBenchmark.events'
#   bench/jmh.sh -h                               JMH's own help; -l lists the benchmarks
#
# Builds the test classes (which runs the JMH annotation processor), writes the test-scope classpath to
# target/bench-classpath.txt, then runs org.openjdk.jmh.Main with the arguments given. Forked benchmark
# JVMs inherit -Dsiaga.national-data and the quiet logging configuration from this one.
#
# Environment:
#   SIAGA_NATIONAL_DATA  the Indonesian reference data (default: ../shared/data/indonesia from the project root)
#   JMH_SKIP_BUILD=1     reuse target/ as it is
#   JMH_JAVA_OPTS        extra options for the JVMs (inherited by the forks), e.g.
#                        -Dsiaga.bench.drop-degenerate-rings=true (see NationalDataDirectory)
# The journal benchmarks need PostgreSQL on 127.0.0.1:5432, user postgres, trust authentication; each
# trial creates and drops its own database siaga_bench_<random>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${SIAGA_NATIONAL_DATA:-$root/../shared/data/indonesia}"
classpath_file="target/bench-classpath.txt"

if [[ "${JMH_SKIP_BUILD:-0}" != 1 || ! -f "$classpath_file" ]]; then
    mvn -q -B -DskipTests test-compile
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi

if [[ $# -eq 0 ]]; then
    set -- -f 1 -wi 3 -i 5
fi

# shellcheck disable=SC2086 # JMH_JAVA_OPTS is a list of options
exec java ${JMH_JAVA_OPTS:-} -Dsiaga.national-data="$data" -Dlogback.configurationFile="$root/bench/logback-bench.xml" \
    -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$@"
