#!/usr/bin/env bash
# Concurrent anchored and recorded calls on this machine: how many 110 calls with their voice both ways can the
# Siaga 110 server, a userspace rtpengine and their RTP share two cores with before packets are lost (issue 15).
#
# Usage: bench/media-load.sh [CALLS...]      e.g. bench/media-load.sh 100 200 300 400 500 600 700 800 (the default)
#
# Each CALLS is one step: that many calls set up at RATE calls/s (default 50), all of them up together for PLATEAU
# seconds (default 50), then hung up in the order they came; the next step starts once the last step's recordings
# are written. Steps go up until one loses 0.1 % of its packets or more either way, or has a failed call: one that
# SIPp counts failed, one the server could not anchor on rtpengine (it then goes on end to end, unrecorded:
# "no media plane for this call" in its log), or one without its WAV (KEEP_GOING=1 runs every step anyway). The
# knee is the highest step that held.
#
# A call: a SIPp caller dials 110 from Sleman or Bantul (half the calls each, as caller-pidf.xml does), the server
# anchors it on rtpengine (offer with recording, answer, delete: the media plane of docs/MEDIA.md), the operator
# position of the caller's Polres (a SIPp phone taking unlimited calls at once: siaga.telephony.lines, as in
# bench/sip-load.sh) answers at once, and from the answer both sides send G.711 A-law in 20 ms packets
# (SIPp's rtp_stream, bench/sipp/caller-rtp.xml and phone-rtp.xml: 50 packets a second each way, 100 a call through
# rtpengine) until the caller hangs up; rtpengine records every packet it receives into a pcap, and the server turns
# each call's pcap into a WAV when the call ends. Two caller and two phone SIPp processes, rtpengine, the server and
# the receiver below share the two cores.
#
# rtpengine is the script's own, in userspace (Debian rtpengine-daemon: --table=-1, as in README "The voice of the
# call"), with --endpoint-learning=off: SIPp 3.6.1 sends its RTP from its -mp socket but never reads it, so each
# SIPp's SDP names a port of the receiver, bench/rtp-sink.c (compiled into the output folder), and rtpengine sends
# there, not back to where the RTP came from. The receiver counts each stream's packets against its RTP sequence
# numbers (loss after SIPp sent them: into rtpengine, through it, out of it) and, by the kernel's receive
# timestamps, how late each packet came against its stream's best (SIPp's own lateness included). Sequence numbers
# cannot see a stream's end cut off, so loss is also counted at rtpengine: what reached its sockets (the packets of
# its pcaps, which the server counts as it writes each WAV, and the kernel's drops on its sockets) against what the
# receiver got.
#
# Ports: one block of free ports below 32768, chosen at start (the server's SIP and HTTP, rtpengine's ng, CLI and
# 4 × max(CALLS) + 400 media ports, the SIPp processes, the receiver). The server as bench/sip-load.sh runs it
# (bench/lib-sipp.sh: SIAGA_JAR, SIAGA_JAVA, SIAGA_JAVA_OPTS, SIAGA_ARGS), with --siaga.media.rtpengines,
# recordings in a temporary directory (siaga.media.recording-dir), no OsmAnd door and no MQTT. pcaps and WAVs are
# counted, then deleted after each step (800 calls of a minute are about 4 GB). Needs sipp, rtpengine,
# rtpengine-ctl (Debian rtpengine-utils), cc, python3, curl, tcpdump.
#
# Where lateness comes from: mid-plateau, for SAMPLE_SECONDS (default 10; at most half the plateau less 2 s),
# tcpdump records every RTP packet of ten calls on the loopback (their four rtpengine ports, from
# `rtpengine-ctl list sessions`). A packet is seen there twice, when SIPp sends it to rtpengine and when rtpengine
# sends it on: the first against its RTP timestamp is SIPp's own lateness, the second less the first is rtpengine's
# (the time it waited in rtpengine's socket and was handled).
#
# Output, under target/media-load/YYYYmmdd-HHMMSS/: per step (a folder named after its CALLS) the callers' SIPp
# statistics and post-dial delays, cpu.csv (bench/lib-sipp.sh's sampler: the CPU of rtpengine, the server, each SIPp
# and the receiver, every second, and the kernel's drops per socket), sink.json (the receiver's counts), the sampled
# calls' ports and packets (relay-ports.txt, relay.pcap), rtpengine's own totals before, mid-plateau and after
# (rtpengine-*.txt), the kernel's counters before and after (nstat-*.txt), the server's and rtpengine's log lines of
# the step; the whole run's logs; summary.txt with each step's report and its "STEP | ..." table row for
# bench/RESULTS.md. CPU and the relayed rate are over the plateau (every call up; its first 3 s
# and last second left out), loss over whole calls.
set -euo pipefail
steps=("$@")
[[ ${#steps[@]} -gt 0 ]] || steps=(100 200 300 400 500 600 700 800)
call_rate=${RATE:-50}
plateau=${PLATEAU:-50}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib-sipp.sh
for tool in sipp rtpengine rtpengine-ctl cc python3 curl tcpdump; do
    command -v "$tool" >/dev/null || { echo "$tool not installed" >&2; exit 2; }
done
series="target/media-load/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$series"
out=$series
cc -O2 -Wall -Wextra -o "$series/rtp-sink" bench/rtp-sink.c

max=0
for n in "${steps[@]}"; do
    [[ "$n" =~ ^[0-9]+$ && $((n % 2)) == 0 && $n -gt 0 ]] || { echo "CALLS must be even numbers, got '$n'" >&2; exit 2; }
    (( n > max )) && max=$n
done
media_ports=$(( (4 * max + 400) / 2 * 2 ))
base=$(free_port_block $((64 + media_ports)))
sip=$base http_port=$((base + 1)) ng=$((base + 2)) cli=$((base + 3))
phone_sleman=$((base + 10)) phone_bantul=$((base + 11)) caller_sleman=$((base + 12)) caller_bantul=$((base + 13))
# SIPp binds its -mp port and the one two above it (video)
mp_phone_sleman=$((base + 20)) mp_phone_bantul=$((base + 24)) mp_caller_sleman=$((base + 28)) mp_caller_bantul=$((base + 32))
sink_phone_sleman=$((base + 40)) sink_phone_bantul=$((base + 41)) sink_caller_sleman=$((base + 42)) sink_caller_bantul=$((base + 43))
rtp_min=$((base + 64)) rtp_max=$((base + 64 + media_ports - 1))
edge=127.0.0.1:$sip
http=http://127.0.0.1:$http_port
ctl=(rtpengine-ctl -ip 127.0.0.1 -port "$cli")

pids=()
rtp_dir=$(mktemp -d /tmp/siaga-media-load-rtpengine-XXXXXX)
rec_dir=$(mktemp -d /tmp/siaga-media-load-recordings-XXXXXX)
siaga_data=
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$rtp_dir" "$rec_dir" ${siaga_data:+"$siaga_data"}
}
trap cleanup EXIT

# one second of a 440 Hz tone in G.711 A-law (8000 bytes: 50 packets of 160), looped by SIPp's rtp_stream
python3 - "$series/tone.alaw" <<'PY'
import math, sys
def alaw(pcm):  # 16-bit linear to A-law (ITU-T G.711, as Sun's g711.c)
    pcm >>= 3
    mask = 0xD5
    if pcm < 0:
        mask, pcm = 0x55, -pcm - 1
    for seg, end in enumerate((0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF)):
        if pcm <= end:
            return ((seg << 4) | ((pcm >> 1 if seg < 2 else pcm >> seg) & 0xF)) ^ mask
    return 0x7F ^ mask
open(sys.argv[1], 'wb').write(bytes(alaw(int(8000 * math.sin(2 * math.pi * 440 * i / 8000))) for i in range(8000)))
PY

rtpengine --config-file=none --table=-1 --foreground --log-stderr --log-level=5 --interface=127.0.0.1 \
    --listen-ng=127.0.0.1:$ng --listen-cli=127.0.0.1:$cli --port-min=$rtp_min --port-max=$rtp_max \
    --recording-dir="$rtp_dir" --recording-method=pcap --delete-delay=0 --endpoint-learning=off \
    > "$series/rtpengine.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do "${ctl[@]}" list numsessions >/dev/null 2>&1 && break; sleep 0.2; done

siaga_jar
siaga_server_start "$http_port" "$sip" \
    --siaga.media.rtpengines=127.0.0.1:$ng --siaga.media.recording-dir="$rec_dir" \
    --siaga.tracking.osmand-port=-1 --siaga.tracking.mqtt.enabled=false \
    --siaga.telephony.phones.OP-3404-1=sip:load-sleman@127.0.0.1:$phone_sleman \
    --siaga.telephony.phones.OP-3402-1=sip:load-bantul@127.0.0.1:$phone_bantul \
    --siaga.telephony.lines.OP-3404-1=1000000 --siaga.telephony.lines.OP-3402-1=1000000 \
    --logging.level.id.siaga.telephony.recording.CallRecordings=INFO
siaga_server_ready "$http" OP-3404-1 OP-3402-1

# Ten calls' RTP ports (the caller's side, then the operator's: rtpengine's local ports) into $out/relay-ports.txt,
# and their packets on the loopback into $out/relay.pcap for sample_seconds.
sample_seconds=${SAMPLE_SECONDS:-10}
(( sample_seconds > plateau / 2 - 2 )) && sample_seconds=$((plateau / 2 - 2))
sample_relay() {
    local id filter=
    : > "$out/relay-ports.txt"
    (( sample_seconds > 0 )) || return 0
    for id in $("${ctl[@]}" list sessions all | awk '$1 == "callid:" { print $2 }' | shuf -n 10); do
        "${ctl[@]}" list sessions "$id" | awk '$1 == "--------" && $2 == "Port" && !/RTCP/ { split($3, a, ":"); printf "%s ", a[2] } END { print "" }' \
            >> "$out/relay-ports.txt"
    done
    for id in $(cat "$out/relay-ports.txt"); do filter="$filter${filter:+ or }port $id"; done
    [[ -n "$filter" ]] || return 0
    timeout -s INT "$sample_seconds" tcpdump -i lo -n -s 64 -B 16384 -w "$out/relay.pcap" "udp and ($filter)" 2> "$out/tcpdump.log" || true
}

seconds=36000    # the phones' SIPp timeout: they stay up for the whole series
sipp_init
sipp_phone phone-rtp.xml "$phone_sleman" 0 "$mp_phone_sleman" -key rtp_sink "$sink_phone_sleman"
sipp_phone phone-rtp.xml "$phone_bantul" 0 "$mp_phone_bantul" -key rtp_sink "$sink_phone_bantul"
sleep 1

echo "series in $series: steps ${steps[*]}; set-up at $call_rate calls/s, plateau $plateau s; load $(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee "$series/summary.txt"
status=0
for n in "${steps[@]}"; do
    out="$series/$n"
    mkdir -p "$out"
    ln -s ../tone.alaw "$out/tone.alaw"
    ramp=$(( (n + call_rate - 1) / call_rate ))
    rate=$(awk -v n="$n" -v t="$ramp" 'BEGIN { printf "%.3f", n / t }') seconds=$ramp
    hold=$((ramp + plateau))
    load0=$(cut -d' ' -f1-3 /proc/loadavg)
    log0=$(wc -l < "$series/server.log") rtplog0=$(wc -l < "$series/rtpengine.log")
    udp0=$(udp_counters)
    nstat -asz > "$out/nstat-before.txt" 2>/dev/null || true
    "${ctl[@]}" list totals > "$out/rtpengine-before.txt"
    "$series/rtp-sink" "$out/sink.json" $sink_phone_sleman $sink_phone_bantul $sink_caller_sleman $sink_caller_bantul &
    sink=$!
    pids+=($!)
    sleep 0.5
    sipp_callers=() sipp_groups=()
    cpu_sampler_start $$
    sipp_caller sleman caller-rtp.xml "$caller_sleman" 500 -7.71560 110.35580 $((hold * 1000)) "$edge" "$mp_caller_sleman" -key rtp_sink "$sink_caller_sleman"
    sipp_caller bantul caller-rtp.xml "$caller_bantul" 500 -7.88860 110.33000 $((hold * 1000)) "$edge" "$mp_caller_bantul" -key rtp_sink "$sink_caller_bantul"
    sleep $((ramp + plateau / 2))
    "${ctl[@]}" list totals > "$out/rtpengine-mid.txt" || true
    sample_relay
    sipp_wait_callers
    ended=$(date +%s)
    cpu_sampler_stop
    sleep 1
    kill -TERM "$sink" && wait "$sink" || true
    # the server writes each WAV when rtpengine has closed the call's pcap: wait until there is one per answered
    # call, or until no new one came for 30 s
    answered=$(python3 -c 'import csv, sys
print(sum(int(r[-1][r[0].index("SuccessfulCall(C)")]) for r in (list(csv.reader(open(f), delimiter=";")) for f in sys.argv[1:])))' "$out/sleman.csv" "$out/bantul.csv")
    last=-1 since=$(date +%s)
    while :; do
        wavs=$(find "$rec_dir" -name '*.wav' | wc -l)
        (( wavs >= answered )) && break
        (( wavs != last )) && last=$wavs since=$(date +%s)
        (( $(date +%s) - since >= 30 )) && break
        sleep 1
    done
    written=$(( $(date +%s) - ended ))
    udp1=$(udp_counters)
    nstat -asz > "$out/nstat-after.txt" 2>/dev/null || true
    "${ctl[@]}" list totals > "$out/rtpengine-after.txt"
    wav_seconds=$(find "$rec_dir" -name '*.wav' -printf '%s\n' | awk '{ printf "%.1f\n", ($1 - 44) / 32000 }' | sort -n | tr '\n' ' ')
    pcaps=$(find "$rtp_dir/pcaps" -name '*.pcap' 2>/dev/null | wc -l)
    tail -n +$((log0 + 1)) "$series/server.log" > "$out/server-step.log"
    tail -n +$((rtplog0 + 1)) "$series/rtpengine.log" > "$out/rtpengine-step.log"
    load1=$(cut -d' ' -f1-3 /proc/loadavg)
    find "$rtp_dir" "$rec_dir" -type f -delete
    step_ok=0
    python3 - "$out" "$n" "$ramp" "$plateau" "$hold" "$udp0" "$udp1" "$answered" "$pcaps" "$written" "$load0" "$load1" \
        "$rtp_min" "$rtp_max" "$sink_phone_sleman $sink_phone_bantul" "$sink_caller_sleman $sink_caller_bantul" \
        "$wav_seconds" <<'PY' | tee -a "$series/summary.txt" || step_ok=$?
import csv, glob, json, re, statistics, sys
(out, n, ramp, plateau, hold, udp0, udp1, answered, pcaps, written, load0, load1, rtp_min, rtp_max,
 to_phones, to_callers, wav_seconds) = sys.argv[1:]
n, ramp, plateau, hold, answered, pcaps = int(n), int(ramp), int(plateau), int(hold), int(answered), int(pcaps)
rtp_min, rtp_max = int(rtp_min), int(rtp_max)
to_phones, to_callers = [int(p) for p in to_phones.split()], [int(p) for p in to_callers.split()]
wav_seconds = [float(s) for s in wav_seconds.split()]

created = ok = failed = 0
for g in ('sleman', 'bantul'):
    rows = list(csv.reader(open(f"{out}/{g}.csv"), delimiter=';'))
    col = {name: i for i, name in enumerate(rows[0])}
    created += int(rows[-1][col['TotalCallCreated']]); ok += int(rows[-1][col['SuccessfulCall(C)']])
    failed += int(rows[-1][col['FailedCall(C)']])
pdd = sorted(float(l.split(';')[1]) for f in glob.glob(f"{out}/*_rtt.csv") for l in open(f)
             if len(l.split(';')) >= 3 and l.split(';')[2].strip() == 'pdd')
def pct(v, p):
    return v[min(len(v) - 1, int(p / 100 * len(v)))] if v else float('nan')

sink = json.load(open(f"{out}/sink.json"))
def loss(ports):
    got = sum(sink['ports'].get(str(p), {}).get('received', 0) for p in ports)
    exp = sum(sink['ports'].get(str(p), {}).get('expected', 0) for p in ports)
    streams = sum(sink['ports'].get(str(p), {}).get('streams', 0) for p in ports)
    return got, exp, streams, (100 * (exp - got) / exp if exp else float('nan'))
got_p, exp_p, streams_p, loss_p = loss(to_phones)
got_c, exp_c, streams_c, loss_c = loss(to_callers)
late = sink['late']
late_total = sum(late) or 1
late60 = 100 * sum(late[3:]) / late_total
late200 = 100 * late[5] / late_total

first, last = ramp + 3, ramp + plateau - 1    # every call up (the sampler and the receiver start with the callers)
pps = [v for s, v in sink['per_second'].items() if first <= int(s) < last]
relayed = statistics.mean(pps) if pps else float('nan')
per, drops = {}, {}
for line in open(f"{out}/cpu.csv"):
    i, t, pid, label, v = line.strip().split(';')
    if label == 'udpdrops':
        drops[int(pid)] = max(drops.get(int(pid), 0), int(v))
        continue
    if not first <= float(t) <= last:
        continue
    sec = per.setdefault(i, {})
    key = 'sipp' if label.startswith('sipp') else label
    sec[key] = sec.get(key, 0.0) + float(v)
    if label.startswith('sipp'):
        sec['sipp-busiest'] = max(sec.get('sipp-busiest', 0.0), float(v))
for sec in per.values():   # what the rest of the machine took: its busy share of both cores less this bench's processes
    sec['others'] = max(0.0, 2 * sec.get('machine', 0.0) - sum(sec.get(k, 0.0) for k in ('rtpengine', 'java', 'sipp', 'rtp-sink', 'tcpdump')))
def cpu(key):
    v = [s.get(key, 0.0) for s in per.values()]
    return (statistics.mean(v), max(v)) if v else (float('nan'), float('nan'))
rtp, srv, sipp, one, snk, mach, others = (cpu(k) for k in ('rtpengine', 'java', 'sipp', 'sipp-busiest', 'rtp-sink', 'machine', 'others'))
drops_rtp = sum(d for p, d in drops.items() if rtp_min <= p <= rtp_max)
drops_sink = sum(d for p, d in drops.items() if p in to_phones + to_callers)

# The sampled calls: each packet seen entering rtpengine (to one of its ports) and leaving it (from the call's other port)
partner = {}
for line in open(f"{out}/relay-ports.txt"):
    ports = [int(p) for p in line.split()]
    if len(ports) == 2:
        partner[ports[0]], partner[ports[1]] = ports[1], ports[0]
sent, relay, gen_late = {}, [], []
best = {}
try:
    data = open(f"{out}/relay.pcap", 'rb').read()
except OSError:
    data = b''
if len(data) >= 24:
    import struct
    endian = '<' if data[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    scale = 1e-6 if data[:4] in (b'\xd4\xc3\xb2\xa1', b'\xa1\xb2\xc3\xd4') else 1e-9
    pos = 24
    while pos + 16 <= len(data):
        sec_, frac, incl, _ = struct.unpack_from(endian + 'IIII', data, pos)
        pkt, pos = data[pos + 16:pos + 16 + incl], pos + 16 + incl
        if len(pkt) < 14 + 20 + 8 + 12 or pkt[12:14] != b'\x08\x00':
            continue
        ip = 14 + (pkt[14] & 0xF) * 4
        sport, dport = struct.unpack_from('!HH', pkt, ip)
        seq, ts, ssrc = struct.unpack_from('!HII', pkt, ip + 8 + 2)
        t = (sec_ + frac * scale) * 1000
        if dport in partner:          # SIPp -> rtpengine: how late SIPp sent it against its own clock
            transit = t - ts / 8
            b = best[dport] = min(best.get(dport, transit), transit)
            gen_late.append(transit - b)
            sent[(dport, ssrc, seq)] = t
        elif sport in partner:        # rtpengine -> the receiver, from the call's other port
            t0 = sent.pop((partner[sport], ssrc, seq), None)
            if t0 is not None:
                relay.append(t - t0)
relay.sort(); gen_late.sort()
calls_sampled = len(partner) // 2
def share(v, limit):
    return 100 * sum(1 for x in v if x >= limit) / len(v) if v else float('nan')

def totals(name):
    t = {}
    for line in open(f"{out}/rtpengine-{name}.txt"):
        if ':' in line:
            k, v = line.rsplit(':', 1)
            try:
                t[k.strip()] = float(v.split()[0])
            except (ValueError, IndexError):
                pass
    return t
before, mid, after = totals('before'), totals('mid'), totals('after')
def delta(k):
    return int(after.get(k, 0) - before.get(k, 0))
r0, e0 = (int(x) for x in udp0.split()); r1, e1 = (int(x) for x in udp1.split())
warnings = sum(1 for l in open(f"{out}/server-step.log") if ' WARN ' in l or ' ERROR ' in l)
unanchored = sum(1 for l in open(f"{out}/server-step.log") if 'no media plane for this call' in l)
# what rtpengine read, per call and side: the server's count of each pcap's packets as it turns it into a WAV
read_c = read_o = 0
for l in open(f"{out}/server-step.log"):
    m = re.search(r'caller (\d+) packets .*operator (\d+) packets', l)
    if m:
        read_c, read_o = read_c + int(m.group(1)), read_o + int(m.group(2))
# rtpengine reads at most 50 packets from a call's socket at a time and says so when more were waiting: that socket
# had been left unread for a second or more (50 packets a second each)
behind = sum(1 for l in open(f"{out}/rtpengine-step.log") if 'Too many packets in UDP receive queue' in l)
wavs = len(wav_seconds)

# Loss, counted two ways, since each is blind where the other sees. By sequence numbers (RTP's own measure, each way):
# blind to the end of a stream (a relay that stops relaying leaves a clean, short stream) and muddled by calls not
# anchored (their RTP comes straight from SIPp's one socket: many streams under one source port). At rtpengine:
# what reached its sockets (read, as its pcaps hold, and dropped by the kernel: receive buffer full) against what
# the receiver got, both ways together: blind to loss before rtpengine's sockets.
reached = read_c + read_o + drops_rtp
loss_r = 100 * (drops_rtp + max(0, read_c - got_p) + max(0, read_o - got_c)) / reached if reached else float('nan')
# against the nominal: 50 packets a second each way for as long as the call lasted
nominal = n * 50 * hold
# a step holds when every call was set up, anchored, recorded, and lost under 0.1 % of its packets each way
good = (failed == 0 and created == n and ok == n and unanchored == 0 and wavs == ok
        and loss_p < 0.1 and loss_c < 0.1 and loss_r < 0.1)
print(f"step {n} calls at once (load {load0} -> {load1}): set up in {ramp} s, all up for {plateau} s")
print(f"  calls: {created} placed, {ok} successful, {failed} failed; post-dial delay p50 {pct(pdd, 50):.0f} ms, p99 {pct(pdd, 99):.0f} ms; "
      f"server warnings/errors {warnings}, calls without media plane {unanchored}")
print(f"  RTP caller -> operator: {got_p:,} of {exp_p:,} packets in {streams_p} streams, loss {loss_p:.4f} %; "
      f"operator -> caller: {got_c:,} of {exp_c:,} in {streams_c} streams, loss {loss_c:.4f} % (by sequence numbers"
      f"{'; calls not anchored mixed in' if unanchored else ''}); {len(sink.get('gaps', []))} streams with gaps")
print(f"  at rtpengine: read {read_c:,} from callers and {read_o:,} from operators (its pcaps), dropped by the kernel on "
      f"its sockets {drops_rtp:,}; the receiver got {got_p + got_c:,}: loss {loss_r:.4f} %; "
      f"received against 50 packets/s for the {hold} s of each call: {100 * got_p / nominal:.3f} % / {100 * got_c / nominal:.3f} %")
print(f"  lateness against each stream's best packet: >= 60 ms {late60:.3f} %, >= 200 ms {late200:.3f} % "
      f"(buckets {dict(zip(sink['late_ms_buckets'], late))})")
print(f"  relayed on the plateau: {relayed:,.0f} packets/s received of {100 * n:,} nominal; rtpengine mid-plateau: " + (
      f"{mid['Total sessions']:.0f} sessions, {mid.get('Packets per second (userspace)', float('nan')):,.0f} packets/s, "
      f"{mid.get('Errors per second (userspace)', float('nan')):.0f} errors/s" if 'Total sessions' in mid else "its CLI did not answer"))
print(f"  rtpengine totals over the step: {delta('Total managed sessions')} sessions, {delta('Total relayed packets'):,} relayed, "
      f"{delta('Total relayed packet errors')} errors, {delta('Total number of 1-way streams')} one-way streams, "
      f"{delta('Total number of streams with no relayed packets')} streams without packets, {delta('Total timed-out sessions via TIMEOUT')} timed out; "
      f"{behind} times a socket of rtpengine's held more than 50 packets (a second or more unread)")
print(f"  sampled {calls_sampled} calls for a few seconds mid-plateau: {len(gen_late):,} packets sent by SIPp, late against SIPp's own clock "
      f"p50 {pct(gen_late, 50):.1f} ms, p99 {pct(gen_late, 99):.1f} ms, max {gen_late[-1] if gen_late else float('nan'):.1f} ms, >= 60 ms {share(gen_late, 60):.3f} %; "
      f"through rtpengine {len(relay):,} (unmatched {len(sent):,}, the window's edges included): p50 {pct(relay, 50):.2f} ms, "
      f"p99 {pct(relay, 99):.2f} ms, max {relay[-1] if relay else float('nan'):.1f} ms, >= 20 ms {share(relay, 20):.3f} %")
def nstat(name):
    v = {}
    try:
        for line in open(f"{out}/nstat-{name}.txt"):
            f = line.split()
            if len(f) >= 2 and f[1].isdigit():
                v[f[0]] = int(f[1])
    except OSError:
        pass
    return v
n0, n1 = nstat('before'), nstat('after')
kernel = {k: n1[k] - n0.get(k, 0) for k in n1 if re.search(r'Drop|Err|Discard|NoPorts|Fail|Overflow', k) and n1[k] != n0.get(k, 0)}
print(f"  kernel drops: rtpengine's sockets {drops_rtp}, the receiver's {drops_sink}; machine UDP RcvbufErrors {r1 - r0}, InErrors {e1 - e0}; "
      f"other kernel counters that moved (the whole machine): {kernel or 'none'}")
print(f"  CPU on the plateau, % of one core (200 % = the box), mean / peak 1 s: rtpengine {rtp[0]:.0f} / {rtp[1]:.0f}, "
      f"server {srv[0]:.0f} / {srv[1]:.0f}, SIPp (4) {sipp[0]:.0f} / {sipp[1]:.0f}, busiest SIPp {one[0]:.0f} / {one[1]:.0f}, "
      f"receiver {snk[0]:.0f} / {snk[1]:.0f}, other processes on the machine {others[0]:.0f} / {others[1]:.0f}; "
      f"machine busy {mach[0]:.0f} / {mach[1]:.0f} % of both cores")
print(f"  recordings: {pcaps} pcaps, {wavs} WAVs for {answered} answered calls (all written {written} s after the last call ended); "
      f"WAV length median {statistics.median(wav_seconds) if wav_seconds else float('nan'):.1f} s, shortest {min(wav_seconds, default=float('nan')):.1f} s")
print("  | calls at once | ok / failed | not anchored | recorded | loss caller→op / op→caller | loss at rtpengine | late ≥ 60 / ≥ 200 ms | SIPp late p99 | "
      "rtpengine delay p50 / p99 | relayed pkt/s (nominal) | rtpengine ≥ 1 s behind | rtpengine CPU | server CPU | SIPp CPU (4) / busiest | "
      "receiver CPU | others | machine busy | load before → after |")
print(f"STEP | {n} | {ok} / {failed} | {unanchored} | {wavs} | {loss_p:.3f} / {loss_c:.3f} % | {loss_r:.3f} % | {late60:.2f} / {late200:.2f} % | "
      f"{pct(gen_late, 99):.0f} ms | {pct(relay, 50):.2f} / {pct(relay, 99):.1f} ms | {relayed:,.0f} ({100 * n:,}) | {behind} | "
      f"{rtp[0]:.0f} / {rtp[1]:.0f} % | {srv[0]:.0f} / {srv[1]:.0f} % | {sipp[0]:.0f} / {one[0]:.0f} % | {snk[0]:.0f} % | {others[0]:.0f} % | "
      f"{mach[0]:.0f} / {mach[1]:.0f} % | {load0.split()[0]} → {load1.split()[0]} |{'' if good else ' FAILED'}")
sys.exit(0 if good else 1)
PY
    if (( step_ok != 0 )); then
        status=1
        [[ "${KEEP_GOING:-0}" == 1 ]] || break
    fi
    sleep 5
done
out=$series
sipp_phones_stop
python3 - "$series" "$phone_sleman" "$phone_bantul" <<'PY' | tee -a "$series/summary.txt"
import csv, sys
out, ports = sys.argv[1], sys.argv[2:]
for name, port in zip(('Polres Sleman', 'Polres Bantul'), ports):
    rows = list(csv.reader(open(f"{out}/phone-{port}.csv"), delimiter=';'))
    col = {n: i for i, n in enumerate(rows[0])}
    print(f"phone {name} ({port}): {rows[-1][col['TotalCallCreated']]} rung, {rows[-1][col['SuccessfulCall(C)']]} ok, "
          f"{rows[-1][col['FailedCall(C)']]} failed")
PY
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg); files in $series"
exit $status
