#!/usr/bin/env bash
# GPS load on the Siaga 110 tracking doors: 10,000 simulated devices over OsmAnd HTTP (wrk), then 10,000 units
# over MQTT (a Java Paho publisher), against the server jar on PostgreSQL, all on this machine.
#
# Usage: bench/gps-load.sh [SECONDS] [CONNECTIONS] [MQTT_MESSAGES]      e.g. bench/gps-load.sh 30 256 1000000
#
# - units: target/gps-load/units.csv, units LOAD-00000 .. LOAD-09999 of Polres Sleman, each carrying one device
#   load-NNNNN (siaga.dispatch.units-file points at it).
# - server: target/siaga110-*.jar (built if missing), profile postgres, a fresh database siaga_gps_load on
#   127.0.0.1:5432, OsmAnd door on 25055, API on 28081, SIP off, MQTT to its own Mosquitto on 127.0.0.1:21883
#   (started here with bench/mosquitto-load.conf: large in-flight window and queue, so the broker does not drop
#   QoS 1 messages when the subscriber falls behind, as the stock 1,000-message queue would).
# - HTTP: wrk (Debian package wrk), 2 threads, CONNECTIONS keep-alive connections, SECONDS long, bench/gps-load.lua.
# - MQTT: id.siaga.bench.MqttPositionLoad, 4 connections publishing QoS 1 until MQTT_MESSAGES are acknowledged by the
#   broker or SECONDS pass; then the script waits until the server has taken what the broker queued. The publisher is
#   a bare MQTT writer (MQTT_PUBLISHER=wire, the default: ~50,000 msg/s here) or Paho (MQTT_PUBLISHER=paho: Paho's
#   asynchronous client tops out around 14,000-16,000 msg/s on this machine, so it measures itself, not the server).
# Environment: SIAGA_JAR runs another build of the server (default: target/siaga110-*.jar); SIAGA_JFR=1 records a Flight Recorder profile of the server into target/gps-load/server.jfr; DOORS ("http mqtt", the default, or one of them), MQTT_PUBLISHER (wire|paho), MQTT_CONNECTIONS (the
# server's siaga.tracking.mqtt.connections, default 1).
# Reported: accepted positions/s per door (the server's siaga_tracking_positions_total{outcome=ACCEPTED} over the
# time it took them), fixes persisted/s while under load (siaga_tracking_history_persisted_total), the rows in
# unit_position at the end, the number of 503 answers (history queue full, or a fix not kept in time), and the history
# writer's group commit: fixes per batch and milliseconds per batch kept. Since issue 14 a door answers only once its
# fixes are committed (or spooled), so wrk's closed loop of CONNECTIONS requests is bound by the commit latency: the
# HTTP rate is about CONNECTIONS x fixes-per-batch-ratio / commit time, not the server's CPU. Everything lands in
# target/gps-load/.
set -euo pipefail
seconds=${1:-30}
connections=${2:-256}
mqtt_total=${3:-1000000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=target/gps-load
rm -rf "$out" && mkdir -p "$out"
db=siaga_gps_load
http=http://127.0.0.1:28081
osmand=http://127.0.0.1:25055
units=10000

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v mosquitto >/dev/null || { echo "mosquitto is missing: apt-get install -y mosquitto" >&2; exit 2; }

awk -v n=$units 'BEGIN { print "id,call_sign,kind,station,devices,members";
    for (i = 0; i < n; i++) printf "LOAD-%05d,Load %d,PATROL_CAR,POLRES-3404,load-%05d,\n", i, i, i }' > "$out/units.csv"

jar=${SIAGA_JAR:-$(ls target/siaga110-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$jar" ]]; then
    mvn -q -B -DskipTests package
    jar=$(ls target/siaga110-*.jar | grep -v original | head -1)
fi
classpath_file=target/bench-classpath.txt
if [[ ! -f "$classpath_file" || ! -d target/test-classes/id/siaga/bench ]]; then
    mvn -q -B -DskipTests test-compile
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

mosquitto -c bench/mosquitto-load.conf > "$out/mosquitto.log" 2>&1 &
pids+=($!)

data=$(mktemp -d)
server_pid=
start_server() {
    SIAGA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
    java -Xms1g -Xmx2g ${SIAGA_JFR:+-XX:StartFlightRecording=filename=$out/server-$1.jfr,settings=profile} -jar "$jar" \
        --spring.profiles.active=postgres --server.port=28081 --siaga.telephony.enabled=false \
        --siaga.journal.spool-file="$data/spool.jsonl" --siaga.dispatch.units-file="file:$root/$out/units.csv" \
        --siaga.tracking.osmand-port=25055 --siaga.tracking.mqtt.broker-url=tcp://127.0.0.1:21883 \
        --siaga.tracking.mqtt.client-id=siaga110-gps-load-server --siaga.tracking.mqtt.topic-root=siaga-load/units \
        --siaga.tracking.mqtt.connections="${MQTT_CONNECTIONS:-1}" \
        --logging.level.root=WARN ${SIAGA_ARGS:-} > "$out/server-$1.log" 2>&1 &
    server_pid=$!
    pids+=($server_pid)
    for _ in $(seq 1 90); do curl -sf "$http/actuator/health" >/dev/null && break; sleep 1; done
}
start_server 1
for _ in $(seq 1 20); do curl -sf -u admin:siaga110 "$http/api/me" >/dev/null && break; sleep 1; done
# one API key for the metric reads: a login per read would cost the server a bcrypt each time (measured: a fifth of
# its CPU when polled every two seconds)
key=$(curl -sf -u admin:siaga110 -H 'Content-Type: application/json' -d '{"name":"gps-load","roles":["INTEGRATION"],"station":"MABES"}' \
    "$http/api/admin/api-keys" | sed -n 's/.*"apiKey":"\([^"]*\)".*/\1/p')
[[ -n "$key" ]] || { echo "could not issue an API key for the metrics" >&2; exit 1; }

# metric NAME [FILTER ...]: the sum of a Prometheus series whose labels contain every FILTER
metric() {
    local name=$1; shift
    curl -sf -H "X-Api-Key: $key" "$http/actuator/prometheus" | awk -v name="$name" -v filters="$*" '
        BEGIN { n = split(filters, f, " ") }
        index($0, name) == 1 && (substr($0, length(name) + 1, 1) == "{" || substr($0, length(name) + 1, 1) == " ") {
            ok = 1; for (i = 1; i <= n; i++) if (index($0, f[i]) == 0) ok = 0
            if (ok) s += $NF }
        END { printf "%d", s }'
}
now_ms() { date +%s%3N; }
# outcomes SOURCE: the server's counts of what became of that door's fixes so far
outcomes() {
    local o line=""
    for o in ACCEPTED OUT_OF_ORDER DUPLICATE HEARTBEAT; do
        line+="$o=$(metric siaga_tracking_positions_total "outcome=\"$o\"" "source=\"$1\"") "
    done
    echo "${line}rejected(all doors)=$(metric siaga_tracking_positions_rejected_total)"
}
# stored SOURCE: accepted + out-of-order fixes of that door so far (what goes to the history)
stored() {
    echo $(( $(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' "source=\"$1\"") \
        + $(metric siaga_tracking_positions_total 'outcome="OUT_OF_ORDER"' "source=\"$1\"") ))
}
stored_total=0
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }'; }

http_accepted=0; http_ms=0; mqtt_accepted=0; mqtt_ms=0; t_last=0; t0=0
# ---- OsmAnd HTTP ----
if [[ " ${DOORS:-http mqtt} " == *" http "* ]]; then
accepted0=$(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' 'source="OSMAND_HTTP"')
persisted0=$(metric siaga_tracking_history_persisted_total)
t0=$(now_ms)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/gps-load.lua "$osmand" -- $units 2 $(( t0 - 180000 )) | tee "$out/wrk.txt"
t1=$(now_ms)
http_ms=$(( t1 - t0 ))
accepted1=$(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' 'source="OSMAND_HTTP"')
persisted1=$(metric siaga_tracking_history_persisted_total)
http_accepted=$(( accepted1 - accepted0 ))
busy=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$out/wrk.txt" | grep -o '[0-9]*$' || echo 0)
echo "HTTP: $http_accepted positions accepted in $(( t1 - t0 )) ms = $(rate $http_accepted $(( t1 - t0 ))) positions/s; \
persisted meanwhile $(( persisted1 - persisted0 )) = $(rate $(( persisted1 - persisted0 )) $(( t1 - t0 ))) rows/s; non-2xx answers: ${busy:-0}" \
    | tee "$out/summary.txt"
echo "  HTTP outcomes: $(outcomes OSMAND_HTTP)" | tee -a "$out/summary.txt"
stored_total=$(( stored_total + $(stored OSMAND_HTTP) ))

# let the history writer catch up before the next door
for _ in $(seq 1 120); do [[ "$(metric siaga_tracking_history_queue)" == 0 ]] && break; sleep 1; done

fi
# ---- MQTT ----
if [[ " ${DOORS:-http mqtt} " == *" mqtt "* ]]; then
accepted0=$(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' 'source="MQTT"')
persisted0=$(metric siaga_tracking_history_persisted_total)
t0=$(now_ms)
java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" id.siaga.bench.MqttPositionLoad tcp://127.0.0.1:21883 \
    siaga-load/units $units "$mqtt_total" 4 "$seconds" $(( t0 - 60000 )) "${MQTT_PUBLISHER:-wire}" | tee "$out/mqtt-publisher.txt"
published=$(grep -o 'published [0-9]*' "$out/mqtt-publisher.txt" | grep -o '[0-9]*$')
# the broker has acknowledged them all; wait until the server has taken them (or stops making progress)
last=-1; t_last=$(now_ms)
while true; do
    now=$(metric siaga_tracking_positions_total 'source="MQTT"')
    if (( now >= published )); then t_last=$(now_ms); break; fi
    if (( now == last )); then break; fi
    last=$now; t_last=$(now_ms); sleep 2
done
accepted1=$(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' 'source="MQTT"')
persisted1=$(metric siaga_tracking_history_persisted_total)
mqtt_accepted=$(( accepted1 - accepted0 ))
echo "MQTT: $published published and acknowledged by the broker; $mqtt_accepted accepted by the server in $(( t_last - t0 )) ms = \
$(rate $mqtt_accepted $(( t_last - t0 ))) positions/s; persisted meanwhile $(( persisted1 - persisted0 )) = \
$(rate $(( persisted1 - persisted0 )) $(( t_last - t0 ))) rows/s" | tee -a "$out/summary.txt"
mqtt_ms=$(( t_last - t0 ))
sleep 2
echo "  broker after the MQTT phase: $(mosquitto_sub -p 21883 -t '$SYS/broker/store/messages/count' -C 1 -W 5 2>/dev/null || echo '?') messages held" \
    | tee -a "$out/summary.txt"
echo "  MQTT outcomes: $(outcomes MQTT)" | tee -a "$out/summary.txt"
stored_total=$(( stored_total + $(stored MQTT) ))
fi

# ---- MQTT backlog: what the server alone takes from the broker ----
backlog_accepted=0
if [[ " ${DOORS:-http mqtt} " == *" backlog "* ]]; then
    for _ in $(seq 1 120); do [[ "$(metric siaga_tracking_history_queue)" == 0 ]] && break; sleep 1; done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true     # its persistent session stays at the broker
    t0=$(now_ms)
    java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" id.siaga.bench.MqttPositionLoad tcp://127.0.0.1:21883 \
        siaga-load/units $units "$mqtt_total" 4 "$seconds" "$t0" wire | tee "$out/mqtt-backlog-publisher.txt"
    queued=$(grep -o 'published [0-9]*' "$out/mqtt-backlog-publisher.txt" | grep -o '[0-9]*$')
    start_server 2
    # sample the MQTT counter every half second from the first position taken to the last
    first=0; t_first=0; last=0; t_last=0
    for _ in $(seq 1 1200); do
        c=$(metric siaga_tracking_positions_total 'source="MQTT"'); t=$(now_ms)
        if (( c > 0 && first == 0 )); then first=$c; t_first=$t; fi
        if (( c > last )); then last=$c; t_last=$t; fi
        (( c >= queued )) && break
        (( first > 0 && t - t_last > 5000 )) && break
        sleep 0.5
    done
    sleep 3
    backlog_accepted=$(metric siaga_tracking_positions_total 'outcome="ACCEPTED"' 'source="MQTT"')
    echo "MQTT backlog: $queued queued at the broker while the server was down; the restarted server took $last messages, \
$(( last - first )) in $(( t_last - t_first )) ms after the first = $(rate $(( last - first )) $(( t_last - t_first ))) positions/s \
(QoS 1 redelivers what the stopped server took but had not acknowledged: those come twice)" | tee -a "$out/summary.txt"
    echo "  backlog outcomes: $(outcomes MQTT)" | tee -a "$out/summary.txt"
    stored_total=$(( stored_total + $(stored MQTT) ))
fi

for _ in $(seq 1 120); do [[ "$(metric siaga_tracking_history_queue)" == 0 ]] && break; sleep 1; done
rows=$(psql -h 127.0.0.1 -U postgres -d $db -tAc "SELECT count(*) FROM unit_position")
partitions=$(psql -h 127.0.0.1 -U postgres -d $db -tAc "SELECT string_agg(c.relname || '=' || c.reltuples::bigint, ' ' ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'unit_position'::regclass")
batches=$(metric siaga_tracking_history_batch_size_count)
if (( batches > 0 )); then
    echo "history writer: $batches batches, $(awk -v s="$(metric siaga_tracking_history_batch_size_sum)" -v n="$batches" 'BEGIN { printf "%.1f", s / n }') \
fixes per batch" | tee -a "$out/summary.txt"
fi
echo "rows in unit_position: $rows (fixes the server stored, accepted + out-of-order: $stored_total); partitions: $partitions" | tee -a "$out/summary.txt"
echo "SUMMARY | $seconds s | HTTP $(rate $http_accepted $http_ms) /s | MQTT $(rate $mqtt_accepted $mqtt_ms) /s | rows $rows |"
