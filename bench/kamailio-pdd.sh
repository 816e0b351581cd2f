#!/usr/bin/env bash
# Post-dial delay through the cluster's SIP front (issue 17): INVITE sent to 180 Ringing received, for the same callers
# placed through Kamailio (127.0.0.1:5060, round-robin over the two nodes) and straight at the nodes (5061 and 5062,
# half each, at the same total rate), on the local cluster of scripts/cluster/run.
#
# Usage: bench/kamailio-pdd.sh [CALLS] [RATE]      e.g. bench/kamailio-pdd.sh 400 20
#
# The cluster: the one scripts/cluster/run started, if Kamailio answers on 127.0.0.1:5060; otherwise this script
# starts it (and stops it at the end). Callers: src/test/resources/sipp/caller-cluster.xml from Sleman, ringing 1 s and
# hanging up (nobody is READY: each call queues and rings), each logging when its INVITE went and its 180 came. First
# 200 calls through the front to warm both nodes up (not counted), then CALLS straight at the nodes, then CALLS through
# the front, RATE calls a second each (default 400 at 20/s).
# Reported: calls, failed (never rang), post-dial delay median / p99 / max in ms for each path. Everything lands in
# target/kamailio-pdd/.
set -euo pipefail
calls=${1:-400}
rate=${2:-20}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=target/kamailio-pdd
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

options_answered() { # port: whether something answers an OPTIONS there (Kamailio answers 200 or 503 itself)
    python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
s.settimeout(0.5)
me = s.getsockname()[1]
msg = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK-pdd\r\n"
       f"From: <sip:bench@127.0.0.1>;tag=pdd\r\nTo: <sip:127.0.0.1:{port}>\r\nCall-ID: pdd-{me}@127.0.0.1\r\n"
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

# report NAME LOG...: calls, failed, post-dial delay median / p99 / max
report() {
    local name=$1; shift
    awk '$3 == "sent" { sent[$2] = $4 } $3 == "rang" { rang[$2] = $4 }
         END { n = 0; for (c in sent) { n++; if (c in rang) printf "%.0f\n", rang[c] - sent[c]; else print "FAILED" } }' "$@" \
        | sort -n > "$out/$name.pdd"
    local total failed ok
    total=$(wc -l < "$out/$name.pdd")
    failed=$(grep -c FAILED "$out/$name.pdd" || true)
    ok=$((total - failed))
    if (( ok == 0 )); then
        printf '%-26s calls %5d  failed %4d  (no call rang)\n' "$name" "$total" "$failed"
        return
    fi
    grep -v FAILED "$out/$name.pdd" | awk -v n="$ok" -v name="$name" -v total="$total" -v failed="$failed" '
        { d[NR] = $1 }
        END { p50 = d[int((n + 1) / 2)]; i = int(n * 0.99 + 0.999); if (i < 1) i = 1; if (i > n) i = n
              printf "%-26s calls %5d  failed %4d  post-dial delay median %4d ms  p99 %4d ms  max %5d ms\n", name, total, failed, p50, d[i], d[n] }'
}

echo "warm-up: 200 calls through the front at $rate/s" >&2
callers warmup 127.0.0.1:5060 200 "$rate" 40000
echo "straight at the nodes: $calls calls at $rate/s (half each)" >&2
callers direct-1 127.0.0.1:5061 $((calls / 2)) $(( (rate + 1) / 2 )) 40010 &
first=$!
callers direct-2 127.0.0.1:5062 $((calls - calls / 2)) $((rate / 2 > 0 ? rate / 2 : 1)) 40020 &
wait "$first" $!
echo "through Kamailio: $calls calls at $rate/s" >&2
callers front 127.0.0.1:5060 "$calls" "$rate" 40000

{
    echo "post-dial delay (INVITE to 180), callers ringing 1 s then hanging up, nobody READY; $(date -u +%FT%TZ)"
    report "straight at the nodes" "$out/direct-1.log" "$out/direct-2.log"
    report "through Kamailio" "$out/front.log"
} | tee "$out/summary.txt"
