# The SIPp side of the SIP load benches, sourced by bench/sip-load.sh (the Java server), bench/kamailio-load.sh
# (the Kamailio comparison) and bench/media-load.sh (calls with RTP through rtpengine): the Siaga 110 server as the
# benches run it, operator phones, the caller groups of a mix, the per-group report, the post-dial delay
# percentiles, a CPU sampler and a one-line summary.
#
# The caller must set: root (project root), out (output directory), rate, seconds, mix, and an array pids
# (every background process it starts, killed on exit). Ports are arguments, so two benches never collide.

# The server from target/siaga110-*.jar (built if missing), or SIAGA_JAR. -> sets jar
siaga_jar() {
    jar=${SIAGA_JAR:-$(ls target/siaga110-*.jar 2>/dev/null | grep -v original | head -1 || true)}
    if [[ -z "$jar" ]]; then
        mvn -q -B -DskipTests package
        jar=$(ls target/siaga110-*.jar | grep -v original | head -1)
    fi
}

# Starts the server with the JVM options of a served 110 (README, "Running the jar": G1 with a 20 ms pause goal),
# H2 in a temporary directory (each commit handed to its file at once, WRITE_DELAY=0 as the run command does;
# H2_WRITE_DELAY=MILLIS for H2's own default), the demo region, 127.0.0.1 trusted as one trunk (otherwise the limit
# of unanswered calls per source would refuse most of the load), the log in $out/server.log. SIAGA_JAVA,
# SIAGA_JAVA_OPTS, SIAGA_JFR and SIAGA_ARGS as bench/sip-load.sh's header says. -> sets server_pid, siaga_data
siaga_server_start() { # http-port sip-port [more server arguments: the phones, their lines, ...]
    local http=$1 sip=$2; shift 2
    siaga_data=$(mktemp -d)
    "${SIAGA_JAVA:-java}" -Xms1g -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 ${SIAGA_JFR:+-XX:StartFlightRecording=filename=$out/server.jfr,settings=profile} ${SIAGA_JAVA_OPTS:-} -jar "$jar" --server.port="$http" --siaga.telephony.sip-port="$sip" \
        --spring.datasource.url="jdbc:h2:file:$siaga_data/siaga;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=${H2_WRITE_DELAY:-0}" \
        --siaga.telephony.trusted-sources=127.0.0.1 \
        --siaga.journal.spool-file="$siaga_data/spool.jsonl" --siaga.routing.polres-ring-time=2s \
        "$@" --logging.level.root=WARN ${SIAGA_ARGS:-} > "$out/server.log" 2>&1 &
    server_pid=$!
    pids+=($!)
}

# Waits for the server to be up and its demo users seeded, then puts the given operator positions READY.
siaga_server_ready() { # http-url operator...
    local http=$1 op; shift
    for _ in $(seq 1 90); do curl -sf "$http/actuator/health" >/dev/null && break; sleep 1; done
    for _ in $(seq 1 20); do
        curl -sf -u admin:siaga110 "$http/api/me" >/dev/null && break; sleep 1   # demo users are seeded just after start
    done
    for op in "$@"; do
        curl -sf -u admin:siaga110 -X PUT -H 'Content-Type: application/json' -d '{"presence":"READY"}' \
            "$http/api/operators/$op/presence" >/dev/null
    done
}

# The first of SIZE consecutive ports, each free now for UDP and TCP on 127.0.0.1, below the kernel's ephemeral range
# (32768 and up, where sockets bound to port 0 land), at random so two runs rarely meet.
free_port_block() { # size
    python3 - "$1" <<'PY'
import random, socket, sys
size = int(sys.argv[1])
def free(base):
    held = []
    try:
        for port in range(base, base + size):
            for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                s = socket.socket(socket.AF_INET, kind)
                held.append(s)
                s.bind(('127.0.0.1', port))
        return True
    except OSError:
        return False
    finally:
        for s in held:
            s.close()
for _ in range(50):
    base = random.randrange(20000, 32000 - size) & ~1
    if free(base):
        print(base)
        sys.exit(0)
sys.exit(f"no {size} free ports in a row between 20000 and 32000")
PY
}

# The call mixes. mix: issue 3's 70 % answered at tier 0 / 20 % escalated once / 10 % abandoned while ringing;
# tier0: every call answered at tier 0; escalate: every call escalated once. Shares are per mille.
sipp_mix_shares() { # mix -> sets share_answered share_escalated share_abandoned
    case "$1" in
        mix) share_answered=700 share_escalated=200 share_abandoned=100 ;;
        tier0) share_answered=1000 share_escalated=0 share_abandoned=0 ;;
        escalate) share_answered=0 share_escalated=1000 share_abandoned=0 ;;
        *) echo "unknown mix '$1' (mix, tier0 or escalate)" >&2; return 2 ;;
    esac
}

sipp_common=()
sipp_init() {
    sipp_common=(-i 127.0.0.1 -nostdin -timeout $((seconds + 60))s -max_socket 4096 -buff_size 4194304 -mi 127.0.0.1)
    sipp_callers=()
    sipp_groups=()
    sipp_phone_pids=()
    sipp_phone_ports=()
}

# One phone, run in $out (its working directory: a scenario's rtp_stream file is looked for there).
sipp_phone() { # scenario port pause media-port [more SIPp arguments...]
    local scenario=$1 port=$2 pause=$3 media=$4; shift 4
    (cd "$out" && exec sipp -sf "$root/bench/sipp/$scenario" -p "$port" -d "$pause" "${sipp_common[@]}" -mp "$media" "$@" \
        -trace_stat -stf "phone-$port.csv" -fd 5 > "phone-$port.log" 2>&1) &
    pids+=($!)
    sipp_phone_pids+=($!)
    sipp_phone_ports+=("$port")
}

sipp_phones_stop() { # after the callers: SIPp writes its final statistics line when it is terminated
    local p
    for p in "${sipp_phone_pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${sipp_phone_pids[@]}"; do wait "$p" 2>/dev/null || true; done
}

# The four operator phones: ports base+1..base+4 = Polres Sleman (answers after 1 s), Polres Bantul (never
# answers), Polda DIY (answers at once), Polres Kulon Progo (never answers).
sipp_phones() { # port-base media-port-base (a phone's media port: the base + its port's last two digits × 100)
    sipp_phone phone-answer.xml $(($1 + 1)) 1000 $(($2 + (($1 + 1) % 100) * 100))
    sipp_phone phone-never.xml $(($1 + 2)) 0 $(($2 + (($1 + 2) % 100) * 100))
    sipp_phone phone-answer.xml $(($1 + 3)) 0 $(($2 + (($1 + 3) % 100) * 100))
    sipp_phone phone-never.xml $(($1 + 4)) 0 $(($2 + (($1 + 4) % 100) * 100))
}

# One caller group placing share/1000 of $rate calls a second for $seconds s, run in $out (its working directory).
sipp_caller() { # name scenario port share-of-rate(per mille) lat lon pause edge media-port [more SIPp arguments...]
    local name=$1 scenario=$2 port=$3 share=$4 lat=$5 lon=$6 pause=$7 edge=$8 media=$9; shift 9
    local r; r=$(awk -v r="$rate" -v s="$share" 'BEGIN { printf "%.3f", r * s / 1000 }')
    local n; n=$(awk -v r="$r" -v t="$seconds" 'BEGIN { printf "%d", r * t }')
    (cd "$out" && timeout $((seconds + pause / 1000 + 90)) sipp -sf "$root/bench/sipp/$scenario" -p "$port" -s 110 -r "$r" -m "$n" -l 10000 -d "$pause" \
        -key caller "0812$port$RANDOM" -key lat "$lat" -key lon "$lon" -key now "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${sipp_common[@]}" -mp "$media" "$@" \
        -trace_stat -stf "$name.csv" -fd 5 -trace_rtt -rtt_freq 1 -trace_err -error_file "$name-errors.log" "$edge" > "$name.log" 2>&1) &
    sipp_callers+=($!)
    sipp_groups+=("$name")
    pids+=($!)
}

# The caller groups of the mix, on ports base+1..base+3: callers in Sleman (answered at tier 0 after 1 s, talk
# 2 s), in Bantul (escalated once, talk 2 s), in Kulon Progo (hang up after 500 ms of ringing).
sipp_callers_for_mix() { # edge port-base media-port-base (a group's media port: the base + its port's last two digits × 100)
    [[ $share_answered -gt 0 ]] && sipp_caller answered caller-pidf.xml $(($2 + 1)) "$share_answered" -7.71560 110.35580 2000 "$1" $(($3 + (($2 + 1) % 100) * 100))
    [[ $share_escalated -gt 0 ]] && sipp_caller escalated caller-pidf.xml $(($2 + 2)) "$share_escalated" -7.88860 110.33000 2000 "$1" $(($3 + (($2 + 2) % 100) * 100))
    [[ $share_abandoned -gt 0 ]] && sipp_caller abandoned caller-hangup.xml $(($2 + 3)) "$share_abandoned" -7.85900 110.15800 500 "$1" $(($3 + (($2 + 3) % 100) * 100))
    return 0
}

sipp_wait_callers() { # -> sets sipp_status (0 if every caller SIPp exited 0)
    sipp_status=0
    local p
    for p in "${sipp_callers[@]}"; do wait "$p" || sipp_status=1; done
}

# Samples, once a second, the CPU time of every process under this script (the server, Kamailio's processes,
# each SIPp, rtpengine, bench/rtp-sink.c, tcpdump) from /proc/PID/stat, and the whole machine's busy share from /proc/stat, into $out/cpu.csv:
# sample number;seconds since start;pid;label;% of one core over the interval (label "machine": % of all cores;
# label "udpdrops": the pid field is a local UDP port, the value the datagrams dropped on it since the start).
cpu_sampler_start() { # root-pid
    python3 - "$1" "$out/cpu.csv" <<'PY' &
import os, sys, time
root, path = int(sys.argv[1]), sys.argv[2]
hz, me = os.sysconf('SC_CLK_TCK'), os.getpid()
def procs():
    table = {}
    for d in os.listdir('/proc'):
        if d.isdigit():
            try:
                stat = open(f'/proc/{d}/stat').read()
                rest = stat[stat.rindex(')') + 2:].split()
                table[int(d)] = (stat[stat.index('(') + 1:stat.rindex(')')], int(rest[1]), int(rest[11]) + int(rest[12]))
            except (OSError, ValueError):
                pass
    kids = {}
    for pid, (_, ppid, _) in table.items():
        kids.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        for k in kids.get(pid, []):
            todo.append(k)
            comm, _, ticks = table[k]
            if k != me and comm in ('java', 'kamailio', 'sipp', 'rtpengine', 'rtp-sink', 'tcpdump'):
                label = comm
                if comm == 'sipp':
                    try:
                        args = open(f'/proc/{k}/cmdline').read().split('\0')
                        label = 'sipp:' + args[args.index('-p') + 1]
                    except (OSError, ValueError, IndexError):
                        pass
                out[k] = (label, ticks)
    return out
def udp_drops():  # local UDP port -> datagrams the kernel dropped on that socket (receive buffer full)
    drops = {}
    for name in ('/proc/net/udp', '/proc/net/udp6'):
        try:
            for line in open(name).readlines()[1:]:
                f = line.split()
                port = int(f[1].rsplit(':', 1)[1], 16)
                drops[port] = drops.get(port, 0) + int(f[-1])
        except (OSError, ValueError, IndexError):
            pass
    return drops
def machine():
    v = [int(x) for x in open('/proc/stat').readline().split()[1:]]
    return sum(v), v[3] + v[4]
start = last = time.monotonic()
before, (tot0, idle0), n, drops0 = procs(), machine(), 0, udp_drops()
with open(path, 'w', buffering=1) as f:
    while True:
        time.sleep(1)
        now, (tot, idle), t = procs(), machine(), time.monotonic()
        n, dt = n + 1, t - last   # a loaded machine may wake us late: divide by the real interval
        for pid, (label, ticks) in now.items():
            if pid in before:
                f.write(f"{n};{t - start:.1f};{pid};{label};{100 * (ticks - before[pid][1]) / hz / dt:.1f}\n")
        if tot > tot0:
            f.write(f"{n};{t - start:.1f};0;machine;{100 * (1 - (idle - idle0) / (tot - tot0)):.1f}\n")
        for port, d in udp_drops().items():   # drops since the sampler started, per socket (cumulative)
            if d > drops0.get(port, 0):
                f.write(f"{n};{t - start:.1f};{port};udpdrops;{d - drops0.get(port, 0)}\n")
        before, tot0, idle0, last = now, tot, idle, t
PY
    cpu_sampler=$!
    pids+=($!)
}

cpu_sampler_stop() {
    kill "$cpu_sampler" 2>/dev/null || true
    wait "$cpu_sampler" 2>/dev/null || true
}

udp_counters() { # -> "RcvbufErrors InErrors" of this network namespace, from /proc/net/snmp
    awk '/^Udp:/ { if (!h) { for (i = 2; i <= NF; i++) c[$i] = i; h = 1 } else { print $c["RcvbufErrors"], $c["InErrors"] } }' /proc/net/snmp
}

# The report: one line per caller group, the post-dial delay percentiles, the CPU, and the summary row.
sipp_report() { # server-label (java, kamailio) udp-counters-before udp-counters-after
    echo "rate $rate calls/s for $seconds s, mix $mix (SIPp exit status $sipp_status); files in $out"
    python3 - "$out" "$1" "$rate" "$seconds" "$mix" "$2" "$3" "${sipp_phone_ports[*]}" "${sipp_groups[@]}" <<'PY'
import csv, glob, os, sys
out, server, rate, seconds, mix, udp0, udp1, phones, groups = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8].split(), sys.argv[9:]
created = ok = failed = retrans = 0
names = ['Polres Sleman', 'Polres Bantul', 'Polda DIY', 'Polres Kulon Progo']
line = []
for name, port in zip(names, phones):
    rows = list(csv.reader(open(f"{out}/phone-{port}.csv"), delimiter=';'))
    head, last = rows[0], rows[-1]
    col = {n: i for i, n in enumerate(head)}
    line.append(f"{name} ({port}) {last[col['TotalCallCreated']]} rung / {last[col['SuccessfulCall(C)']]} ok / {last[col['FailedCall(C)']]} failed")
print("  phones: " + ", ".join(line))
for g in groups:
    rows = list(csv.reader(open(f"{out}/{g}.csv"), delimiter=';'))
    head, last = rows[0], rows[-1]
    col = {name: i for i, name in enumerate(head)}
    print(f"  {g:9s} created {last[col['TotalCallCreated']]:>7s}  successful {last[col['SuccessfulCall(C)']]:>7s}  "
          f"failed {last[col['FailedCall(C)']]:>5s}  retransmissions {last[col['Retransmissions(C)']]:>5s}")
    created += int(last[col['TotalCallCreated']]); ok += int(last[col['SuccessfulCall(C)']])
    failed += int(last[col['FailedCall(C)']]); retrans += int(last[col['Retransmissions(C)']])

calls = []  # (ms since the caller started, post-dial delay ms)
for f in glob.glob(out + "/*_rtt.csv"):
    for line in open(f):
        parts = line.strip().split(';')
        if len(parts) >= 3 and parts[2] == 'pdd':
            calls.append((float(parts[0]), float(parts[1])))
def pct(values, p):
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float('nan')
def report(label, values):
    values = sorted(values)
    print(f"  post-dial delay (INVITE -> 180), {label}, {len(values)} calls: p50 {pct(values, 50):.0f} ms, p99 {pct(values, 99):.0f} ms, "
          f"max {values[-1] if values else float('nan'):.0f} ms")
    return values
whole = report("whole run", [d for _, d in calls])
warm = report("after the first 10 s (JIT warm-up)", [d for t, d in calls if t >= 10_000])

# CPU: per second, the server's processes summed (Kamailio: main + children) and the SIPp processes summed,
# in % of one core (200 % = both cores); mean and peak over the SECONDS during which calls are placed.
per = {}  # sample -> label -> %
udp_drops = {}  # local port -> datagrams dropped
for line in open(f"{out}/cpu.csv") if os.path.exists(f"{out}/cpu.csv") else []:
    n, t, pid, label, v = line.strip().split(';')
    if label == 'udpdrops':
        udp_drops[int(pid)] = max(udp_drops.get(int(pid), 0), int(v))
        continue
    if float(t) > float(seconds) + 1:
        continue   # only while calls are being placed: the tail (last calls, failed calls' timeouts) would dilute it
    sec = per.setdefault(n, {})
    key = 'sipp' if label.startswith('sipp') else label
    sec[key] = sec.get(key, 0.0) + float(v)
    if label.startswith('sipp'):
        sec['sipp-busiest'] = max(sec.get('sipp-busiest', 0.0), float(v))
def cpu(key):
    v = [s.get(key, 0.0) for s in per.values()]
    return (sum(v) / len(v), max(v)) if v else (float('nan'), float('nan'))
srv, sipp, one, mach = cpu(server), cpu('sipp'), cpu('sipp-busiest'), cpu('machine')
print(f"  CPU while placing calls, % of one core (200 % = the whole box), mean / peak 1 s: {server} {srv[0]:.0f} / {srv[1]:.0f}, "
      f"SIPp (all {len(groups) + 4}) {sipp[0]:.0f} / {sipp[1]:.0f}, busiest single SIPp {one[0]:.0f} / {one[1]:.0f}; "
      f"whole machine busy {mach[0]:.0f} / {mach[1]:.0f} % of both cores (includes anything else running)")
r0, e0 = (int(x) for x in udp0.split()); r1, e1 = (int(x) for x in udp1.split())
print(f"  kernel UDP receive-buffer drops during the run: {r1 - r0} (UDP InErrors {e1 - e0}); by receiving port: "
      + (", ".join(f"{p} {d}" for p, d in sorted(udp_drops.items())) or "none"))
print("  | server | rate (calls/s) | s | mix | calls | successful | failed | retrans. | PDD p50 / p99 (whole run) | PDD p50 / p99 (after 10 s) "
      "| server CPU mean / peak | SIPp CPU mean / peak | busiest SIPp | machine busy | UDP drops |")
print(f"SUMMARY | {server} | {rate} | {seconds} | {mix} | {created} | {ok} | {failed} | {retrans} | "
      f"{pct(whole, 50):.0f} / {pct(whole, 99):.0f} ms | {pct(warm, 50):.0f} / {pct(warm, 99):.0f} ms | "
      f"{srv[0]:.0f} / {srv[1]:.0f} % | {sipp[0]:.0f} / {sipp[1]:.0f} % | {one[0]:.0f} / {one[1]:.0f} % | {mach[0]:.0f} / {mach[1]:.0f} % | {r1 - r0} |")
PY
}
