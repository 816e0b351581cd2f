#!/usr/bin/env bash
# SIP load on the Siaga 110 edge with SIPp on this machine: a call mix at a given rate for a given time.
#
# Usage: bench/sip-load.sh RATE [SECONDS]      e.g. bench/sip-load.sh 200 60
#
# The mix (issue 3): 70 % answered at tier 0 after 1 s (callers in Sleman, Polres Sleman's position answers
# after 1 s), 20 % escalated once (callers in Bantul: Polres Bantul's position lets it ring for the Polres
# ring time, 2 s here, then Polda DIY answers at once), 10 % abandoned while ringing (callers in Kulon Progo
# hang up after 500 ms). Answered calls talk for 2 s, then the caller hangs up.
#
# The server runs from target/siaga110-*.jar (built if missing) on SIP port 25060, H2 in a temporary
# directory, the demo region, with each load position taking unlimited calls at once (a hunt group, not a
# person: siaga.telephony.lines). Eight SIPp processes (four callers, four phones) share the two cores with it.
#
# SIAGA_JFR=1 records a Java Flight Recorder profile of the server into target/sip-load/RATE/server.jfr.
#
# Output: a summary line per caller group (successful / failed calls) and the post-dial delay (INVITE → first
# 180) p50 / p99 over every call, from SIPp's -trace_rtt files, all under target/sip-load/RATE/.
set -euo pipefail
rate=${1:?usage: bench/sip-load.sh RATE [SECONDS]}
seconds=${2:-60}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="target/sip-load/$rate"
rm -rf "$out" && mkdir -p "$out"
edge=127.0.0.1:25060
http=http://127.0.0.1:28080

jar=$(ls target/siaga110-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$jar" ]]; then
    mvn -q -B -DskipTests package
    jar=$(ls target/siaga110-*.jar | grep -v original | head -1)
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

data=$(mktemp -d)
java -Xms1g -Xmx2g ${SIAGA_JFR:+-XX:StartFlightRecording=filename=$out/server.jfr,settings=profile} -jar "$jar" --server.port=28080 --siaga.telephony.sip-port=25060 \
    --spring.datasource.url="jdbc:h2:file:$data/siaga;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --siaga.journal.spool-file="$data/spool.jsonl" --siaga.routing.polres-ring-time=2s \
    --siaga.telephony.phones.OP-3404-1=sip:load-sleman@127.0.0.1:25071 \
    --siaga.telephony.phones.OP-3402-1=sip:load-bantul@127.0.0.1:25072 \
    --siaga.telephony.phones.OP-DIY-1=sip:load-diy@127.0.0.1:25073 \
    --siaga.telephony.phones.OP-3401-1=sip:load-kulonprogo@127.0.0.1:25074 \
    --siaga.telephony.lines.OP-3404-1=1000000 --siaga.telephony.lines.OP-3402-1=1000000 \
    --siaga.telephony.lines.OP-DIY-1=1000000 --siaga.telephony.lines.OP-3401-1=1000000 \
    --logging.level.root=WARN > "$out/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 90); do curl -sf "$http/actuator/health" >/dev/null && break; sleep 1; done
for i in $(seq 1 20); do
    curl -sf -u admin:siaga110 "$http/api/me" >/dev/null && break; sleep 1   # demo users are seeded just after start
done
for op in OP-3404-1 OP-3402-1 OP-DIY-1 OP-3401-1; do
    curl -sf -u admin:siaga110 -X PUT -H 'Content-Type: application/json' -d '{"presence":"READY"}' \
        "$http/api/operators/$op/presence" >/dev/null
done

common=(-i 127.0.0.1 -nostdin -timeout $((seconds + 60))s -max_socket 4096 -buff_size 4194304 -mi 127.0.0.1)
phone() { # scenario port pause
    sipp -sf "bench/sipp/$1" -p "$2" -d "$3" "${common[@]}" -mp $((40000 + ($2 % 100) * 100)) \
        -trace_stat -stf "$out/phone-$2.csv" -fd 5 > "$out/phone-$2.log" 2>&1 &
    pids+=($!)
}
phone phone-answer.xml 25071 1000
phone phone-never.xml 25072 0
phone phone-answer.xml 25073 0
phone phone-never.xml 25074 0
sleep 1

callers=()
caller() { # name scenario port share-of-rate(per mille) lat lon pause
    local r; r=$(awk -v r="$rate" -v s="$4" 'BEGIN { printf "%.3f", r * s / 1000 }')
    local n; n=$(awk -v r="$r" -v t="$seconds" 'BEGIN { printf "%d", r * t }')
    (cd "$out" && timeout $((seconds + 90)) sipp -sf "$root/bench/sipp/$2" -p "$3" -s 110 -r "$r" -m "$n" -l 10000 -d "$7" \
        -key caller "0812$3$RANDOM" -key lat "$5" -key lon "$6" "${common[@]}" -mp $((50000 + ($3 % 100) * 100)) \
        -trace_stat -stf "$1.csv" -fd 5 -trace_rtt -rtt_freq 1 -trace_err -error_file "$1-errors.log" "$edge" > "$1.log" 2>&1) &
    callers+=($!)
    pids+=($!)
}
caller answered caller-pidf.xml 25081 700 -7.71560 110.35580 2000
caller escalated caller-pidf.xml 25082 200 -7.88860 110.33000 2000
caller abandoned caller-hangup.xml 25083 100 -7.85900 110.15800 500

status=0
for p in "${callers[@]}"; do wait "$p" || status=1; done

echo "rate $rate calls/s for $seconds s (SIPp exit status $status); files in $out"
for g in answered escalated abandoned; do
    python3 - "$out/$g.csv" "$g" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, last = rows[0], rows[-1]
col = {name: i for i, name in enumerate(head)}
print(f"  {sys.argv[2]:9s} created {last[col['TotalCallCreated']]:>7s}  successful {last[col['SuccessfulCall(C)']]:>7s}  "
      f"failed {last[col['FailedCall(C)']]:>5s}  retransmissions {last[col['Retransmissions(C)']]:>5s}")
PY
done
python3 - "$out" <<'PY'
import glob, sys
calls = []  # (ms since the caller started, post-dial delay ms)
for f in glob.glob(sys.argv[1] + "/*_rtt.csv"):
    for line in open(f):
        parts = line.strip().split(';')
        if len(parts) >= 3 and parts[2] == 'pdd':
            calls.append((float(parts[0]), float(parts[1])))
def report(label, values):
    values = sorted(values)
    pct = lambda p: values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float('nan')
    print(f"  post-dial delay (INVITE -> 180), {label}, {len(values)} calls: p50 {pct(50):.0f} ms, p99 {pct(99):.0f} ms, "
          f"max {values[-1] if values else float('nan'):.0f} ms")
report("whole run", [d for _, d in calls])
report("after the first 10 s (JIT warm-up)", [d for t, d in calls if t >= 10_000])
PY
exit $status
