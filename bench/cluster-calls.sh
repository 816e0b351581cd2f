#!/usr/bin/env bash
# Calls a second the cluster takes on this machine against one node (issue 17): the same callers at the same rates,
# first straight at one node (siaga-1, 127.0.0.1:5061), then through Kamailio (127.0.0.1:5060, round-robin over
# siaga-1 and siaga-2), rate after rate, on the local cluster of scripts/cluster/run.
#
# Usage: bench/cluster-calls.sh [SECONDS] [RATE...]      e.g. bench/cluster-calls.sh 15 100 200 400
#
# The cluster: the one scripts/cluster/run started, if Kamailio answers on 127.0.0.1:5060; otherwise this script starts
# it (and stops it at the end). Both nodes run in either case (PostgreSQL, NATS; siaga-2 hears siaga-1's calls over the
# bus even when it takes none), so "one node" is one node of the same cluster doing all the work. Callers:
# src/test/resources/sipp/caller-cluster.xml from Sleman, ringing 1 s and hanging up (nobody is READY: each call is
# offered, routed, queued, rung, abandoned and kept as a call-back task), each logging when its INVITE went and its 180
# came. First 200 calls through the front warm both nodes up (not counted); then for each RATE (default 100 200 400),
# SECONDS (default 15) of calls straight at siaga-1, a pause for them to end, the same through Kamailio, a pause.
# The two paths take turns at each rate so that the box's other work falls on both alike.
#
# Reported per path and rate: calls placed, calls that rang (a 180), failed (refused or never rang), the rate of calls
# that rang per second of the run (median over its whole seconds, the first and last left out), post-dial delay median
# and p99; and, per rate, the ratio of the cluster's median rate to the one node's. Everything lands in
# target/cluster-calls/ (summary.txt, and per run its SIPp log and output). The load lasts 2 x SECONDS per rate plus the
# calls' last ring; the CPU load average before and after is printed, as the machine's other work matters here.
set -euo pipefail
seconds=${1:-15}
shift || true
rates=("$@")
(( ${#rates[@]} )) || rates=(100 200 400)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=target/cluster-calls
rm -rf "$out" && mkdir -p "$out"
scenario=src/test/resources/sipp/caller-cluster.xml
command -v sipp >/dev/null || { echo "sipp not installed (apt-get install sip-tester)" >&2; exit 2; }

cluster=
cleanup() {
    if [[ -n "$cluster" ]]; then
        kill -TERM "$cluster" 2>/dev/null || true   # its trap stops all three
        wait "$cluster" 2>/dev/null || true
    fi
}
trap cleanup EXIT

options_answered() { # port: whether something answers an OPTIONS there
    python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
s.settimeout(0.5)
me = s.getsockname()[1]
msg = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK-ccalls\r\n"
       f"From: <sip:bench@127.0.0.1>;tag=ccalls\r\nTo: <sip:127.0.0.1:{port}>\r\nCall-ID: ccalls-{me}@127.0.0.1\r\n"
       "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
s.sendto(msg.encode(), ('127.0.0.1', port))
try:
    s.recv(4096)
except OSError:
    sys.exit(1)
PY
}

if ! options_answered 5060; then
    echo "starting the cluster (scripts/cluster/run, log $out/cluster.log)" >&2
    scripts/cluster/run > "$out/cluster.log" 2>&1 &
    cluster=$!
    for _ in $(seq 1 300); do
        grep -q "cluster running" "$out/cluster.log" && break
        kill -0 "$cluster" 2>/dev/null || { cat "$out/cluster.log" >&2; exit 1; }
        sleep 1
    done
    grep -q "cluster running" "$out/cluster.log" || { echo "the cluster did not start" >&2; exit 1; }
fi
for _ in $(seq 1 30); do
    kamcmd -s "unix:$root/data/cluster/kamailio/kamailio_ctl" dispatcher.list 2>/dev/null | grep -c "FLAGS: AP" | grep -q 2 && break
    sleep 1
done

# callers NAME TARGET CALLS RATE MEDIA-PORT: one SIPp run, its per-call log in $out/NAME.log
callers() {
    sipp -sf "$scenario" -i 127.0.0.1 -mi 127.0.0.1 -mp "$5" -s 110 -key caller 081299919000 -key lat -7.7156 -key lon 110.3558 -d 1000 \
        -m "$3" -r "$4" -rp 1000 -l "$3" -nostdin -timeout 600s -trace_logs -log_file "$out/$1.log" "$2" > "$out/$1.out" 2>&1 || true
}

# report RUN LABEL RATE: one line for the run's log $out/RUN.log; sets median (calls that rang per second, median over
# the run's whole seconds)
report() {
    local log="$out/$1.log" name=$2 rate=$3
    read -r placed rang median p50 p99 < <(awk '
        $3 == "sent" { sent[$2] = $4; if (first == "" || $4 < first) first = $4; if ($4 > last) last = $4 }
        $3 == "rang" { rang[$2] = $4 }
        END {
            n = 0; r = 0
            for (c in sent) { n++; if (c in rang) { r++; d[r] = rang[c] - sent[c]; s = int((rang[c] - first) / 1000); per[s]++ } }
            # whole seconds of the run, the first and last left out (ramp-up, the tail)
            span = int((last - first) / 1000); k = 0
            for (i = 1; i < span; i++) { k++; v[k] = (i in per) ? per[i] : 0 }
            asort(v); asort(d)
            med = k ? v[int((k + 1) / 2)] : 0
            p50 = r ? d[int((r + 1) / 2)] : -1
            i99 = int(r * 0.99 + 0.999); if (i99 < 1) i99 = 1; if (i99 > r) i99 = r
            p99 = r ? d[i99] : -1
            printf "%d %d %d %d %d\n", n, r, med, p50, p99
        }' "$log")
    median=$median
    printf '%-22s %5d/s  placed %6d  rang %6d  failed %5d  rang per second (median) %5d  post-dial delay median %5d ms  p99 %6d ms\n' \
        "$name" "$rate" "$placed" "$rang" $((placed - rang)) "$median" "$p50" "$p99"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

{
    echo "calls/s, one node against the cluster; $(date -u +%FT%TZ); $(nproc) cores; load average before: $(loadavg)"
    echo "callers ringing 1 s then hanging up, nobody READY; $seconds s per run; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
} | tee "$out/summary.txt"
echo "warm-up: 200 calls through the front at 50/s" >&2
callers warmup 127.0.0.1:5060 200 50 40000
sleep 3
ratios=()
for rate in "${rates[@]}"; do
    calls=$((rate * seconds))
    echo "rate $rate/s: $calls calls straight at siaga-1" >&2
    callers "one-node-$rate" 127.0.0.1:5061 "$calls" "$rate" 40010
    report "one-node-$rate" "one node (siaga-1)" "$rate" > "$out/line.txt"
    one=$median
    tee -a "$out/summary.txt" < "$out/line.txt"
    sleep 3
    echo "rate $rate/s: $calls calls through Kamailio" >&2
    callers "cluster-$rate" 127.0.0.1:5060 "$calls" "$rate" 40020
    report "cluster-$rate" "cluster (Kamailio, 2)" "$rate" > "$out/line.txt"
    two=$median
    tee -a "$out/summary.txt" < "$out/line.txt"
    ratios+=("$rate/s: $(awk -v a="$two" -v b="$one" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')")
    sleep 3
done
{
    echo "cluster / one node, median calls rang per second: ${ratios[*]}"
    echo "load average after: $(loadavg)"
} | tee -a "$out/summary.txt"
