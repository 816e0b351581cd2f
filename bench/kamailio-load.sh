#!/usr/bin/env bash
# The Kamailio comparison of issue 3: the same SIPp callers and operator phones as bench/sip-load.sh, against
# a Kamailio stateful proxy with the same serial escalation (bench/kamailio/kamailio.cfg, see its README).
#
# Usage: bench/kamailio-load.sh RATE [SECONDS] [MIX]      e.g. bench/kamailio-load.sh 2000 60 tier0
#
# MIX: mix (default: issue 3's 70 % answered at tier 0 after 1 s, 20 % escalated once after the 2 s Polres
# ring time, 10 % abandoned after 500 ms of ringing; answered calls talk 2 s), tier0 (every call answered at
# tier 0) or escalate (every call escalated once). The issue's Kamailio figures: ~2,000 calls/s tier0,
# ~500 calls/s escalate.
#
# Kamailio (Debian's package: apt-get install kamailio) runs in the foreground of this script, not as a
# service: UDP 127.0.0.1:26060, KAMAILIO_CHILDREN worker processes (default 6), KAMAILIO_SHM_MB shared memory
# (default 1024: the transactions of 2,000 calls/s peaked at ~400 MB, so -m 256 is not enough there), -M 32 MB
# private memory per process, pid file and RPC socket under the output directory. KAMAILIO_MAXBUFFER (bytes)
# raises the UDP receive buffer above Kamailio's default 256 KB (SIPp here uses 4 MB). Its own ports, so
# it never collides with bench/sip-load.sh: phones 26071-26074 (media 39100-39400), callers 26081-26083
# (media 20100-20300).
#
# Output, under target/kamailio-load/RATE/ (RATE-MIX/ for tier0 and escalate): per caller group successful /
# failed calls and retransmissions, post-dial delay (INVITE → first 180) p50 / p99 from SIPp's -trace_rtt
# files, the CPU of Kamailio (main + children, summed) and of the SIPp processes sampled every second
# (cpu.csv), Kamailio's own counters at the end (kamailio-stats.txt), and a "SUMMARY | ..." table row.
set -euo pipefail
rate=${1:?usage: bench/kamailio-load.sh RATE [SECONDS] [MIX]}
seconds=${2:-60}
mix=${3:-mix}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib-sipp.sh
sipp_mix_shares "$mix"
out="target/kamailio-load/$rate"
[[ "$mix" == mix ]] || out="target/kamailio-load/$rate-$mix"
rm -rf "$out" && mkdir -p "$out"
out_abs="$root/$out"
port=26060
edge=127.0.0.1:$port
phones=26070

command -v kamailio >/dev/null || { echo "kamailio not installed (apt-get install -y kamailio)" >&2; exit 2; }
if ss -Hlun "sport = :$port" | grep -q .; then
    echo "UDP port $port is already in use (another Kamailio?)" >&2; exit 2
fi

pids=()
kam=
cleanup() {
    [[ -n "$kam" ]] && kill "$kam" 2>/dev/null || true   # the main process stops its children
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

ctl="unix:$out_abs/kamailio.ctl"
kamailio -f bench/kamailio/kamailio.cfg -DD -E -m "${KAMAILIO_SHM_MB:-1024}" -M 32 -P "$out_abs/kamailio.pid" \
    -A "SIP_PORT=$port" -A "CHILDREN=${KAMAILIO_CHILDREN:-6}" -A "CTL_SOCKET=\"$ctl\"" \
    -A "PHONE_SLEMAN=\"sip:load-sleman@127.0.0.1:$((phones + 1))\"" \
    -A "PHONE_BANTUL=\"sip:load-bantul@127.0.0.1:$((phones + 2))\"" \
    -A "PHONE_DIY=\"sip:load-diy@127.0.0.1:$((phones + 3))\"" \
    -A "PHONE_KULONPROGO=\"sip:load-kulonprogo@127.0.0.1:$((phones + 4))\"" \
    -A "POLRES_RING_MS=2000" ${KAMAILIO_MAXBUFFER:+-A "MAXBUFFER=$KAMAILIO_MAXBUFFER"} > "$out/kamailio.log" 2>&1 &
kam=$!
for _ in $(seq 1 50); do
    ss -Hlun "sport = :$port" | grep -q . && [[ -S "$out_abs/kamailio.ctl" ]] && break
    kill -0 "$kam" 2>/dev/null || { echo "kamailio did not start:" >&2; tail -20 "$out/kamailio.log" >&2; exit 1; }
    sleep 0.2
done

sipp_init
sipp_phones $phones 32000     # phones on 26071-26074, media ports 39100-39400
sleep 1
sipp_callers_for_mix "$edge" 26080 12000     # callers on 26081-26083, media ports 20100-20300
udp_before=$(udp_counters)
cpu_sampler_start $$
sipp_wait_callers
cpu_sampler_stop
sipp_phones_stop
udp_after=$(udp_counters)
kamcmd -s "$ctl" stats.get_statistics all > "$out/kamailio-stats.txt" 2>&1 || true
sipp_report kamailio "$udp_before" "$udp_after"
python3 - "$out/kamailio-stats.txt" <<'PY'
import re, sys
stats = dict(re.findall(r'^\s*([\w:.-]+)\s*=\s*(\S+)', open(sys.argv[1]).read(), re.M))
keys = ['tmx:UAS_transactions', 'tmx:2xx_transactions', 'tmx:4xx_transactions', 'tmx:inuse_transactions',
        'tmx:rpl_received', 'tmx:rpl_relayed', 'tmx:rpl_absorbed', 'tmx:rpl_generated', 'core:rcv_requests',
        'core:rcv_replies', 'core:drop_requests', 'core:drop_replies', 'core:err_requests', 'core:err_replies',
        'shmem:max_used_size']
print("  kamailio: " + ", ".join(f"{k.split(':')[1]} {stats[k]}" for k in keys if k in stats))
PY
exit $sipp_status
