/*
 * The receiving end of the media bench (bench/media-load.sh compiles and runs it): the RTP that rtpengine relays to
 * the SIPp callers and phones lands here, because SIPp 3.6.1 never reads its own media socket (its rtp_stream only
 * sends), so packets sent there would only fill that socket and be dropped by the kernel: loss that says nothing
 * about the relay. Each SIPp process puts one of these ports in its SDP, and rtpengine (--endpoint-learning=off)
 * sends to the SDP's address.
 *
 * Usage: rtp-sink OUT.json PORT...     (up to 8 ports; SIGTERM or SIGINT: writes OUT.json and exits)
 *
 * OUT.json: per port its streams, packets received and expected; the streams with gaps ([port, rtpengine's port,
 * received, expected], 200 at most); packets by lateness; packets received in each second since the start.
 *
 * In C, reading in batches (recvmmsg) and timing by the kernel's receive timestamps, because it shares two cores with
 * what it measures: at 40,000-60,000 packets a second a Python loop took a quarter of a core and, starved, let its
 * sockets overflow (loss that was the receiver's, not the relay's), and timed packets by when it got round to them.
 *
 * A stream is one sender's RTP to one port, told apart by rtpengine's source port (one per call and side while the
 * call lasts; SIPp's SSRCs repeat across its processes). Loss is counted from RTP sequence numbers: a stream
 * expected (highest - lowest + 1) packets and got some of them. SIPp numbers a packet only once it was sent, so a
 * gap is a packet lost after SIPp's sendto (the kernel towards rtpengine, rtpengine, the kernel towards here). The
 * kernel's drops on these sockets (receive buffer full: this process too slow) are in /proc/net/udp, read by the
 * bench. Lateness: the time the kernel queued the packet here (SO_TIMESTAMPNS) against its RTP timestamp, less the
 * stream's smallest such difference so far: how much later than the stream's best packet it arrived (the sender's
 * own lateness included: SIPp stamps packets on a clock and sends late ones in a burst).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_PORTS 8
#define BATCH 64
#define MAX_SECONDS 4096

struct stream {
    uint32_t got;
    uint32_t first;   /* extended sequence number of the first packet */
    uint32_t high;    /* highest extended sequence number */
    uint16_t last;    /* highest sequence number as sent (16 bits) */
    double best;      /* smallest (arrival - RTP timestamp) in ms */
};

static volatile sig_atomic_t stop;
static void finish(int sig) { (void) sig; stop = 1; }

static const double bounds[] = {20, 40, 60, 100, 200};
static const char *bucket_names[] = {"<20", "<40", "<60", "<100", "<200", ">=200"};

int main(int argc, char **argv) {
    if (argc < 3 || argc - 2 > MAX_PORTS) {
        fprintf(stderr, "usage: rtp-sink OUT.json PORT... (1 to %d ports)\n", MAX_PORTS);
        return 2;
    }
    int nports = argc - 2, ports[MAX_PORTS], socks[MAX_PORTS];
    for (int i = 0; i < nports; i++) {
        ports[i] = atoi(argv[i + 2]);
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        int size = 16 << 20, on = 1;
        /* as root past net.core.rmem_max: a starved receiver's backlog waits here instead of being dropped */
        if (setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
            setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        setsockopt(s, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(ports[i]), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        if (bind(s, (struct sockaddr *) &a, sizeof a) != 0) {
            fprintf(stderr, "rtp-sink: cannot bind 127.0.0.1:%d: %s\n", ports[i], strerror(errno));
            return 1;
        }
        socks[i] = s;
    }
    struct stream *streams = calloc((size_t) nports * 65536, sizeof *streams);
    uint64_t late[6] = {0}, *per_second = calloc(MAX_SECONDS, sizeof *per_second);
    signal(SIGTERM, finish);
    signal(SIGINT, finish);
    struct timespec t0;
    clock_gettime(CLOCK_REALTIME, &t0);
    double start = t0.tv_sec * 1e3 + t0.tv_nsec / 1e6;

    static char bufs[BATCH][2048], ctrl[BATCH][256];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    struct sockaddr_in from[BATCH];
    /* every 5 ms, whatever each socket holds, 64 packets a call: a few system calls a socket instead of one a packet
     * (the kernel's timestamps say when each packet came, so reading late measures nothing late) */
    const struct timespec pause = {0, 5000000};
    while (!stop) {
        nanosleep(&pause, NULL);
        for (int i = 0; i < nports; i++) {
            for (;;) {
                for (int k = 0; k < BATCH; k++) {
                    iov[k] = (struct iovec) {bufs[k], sizeof bufs[k]};
                    msgs[k].msg_hdr = (struct msghdr) {.msg_name = &from[k], .msg_namelen = sizeof from[k],
                        .msg_iov = &iov[k], .msg_iovlen = 1, .msg_control = ctrl[k], .msg_controllen = sizeof ctrl[k]};
                }
                int n = recvmmsg(socks[i], msgs, BATCH, MSG_DONTWAIT, NULL);
                if (n <= 0)
                    break;
                for (int k = 0; k < n; k++) {
                    if (msgs[k].msg_len < 12)
                        continue;
                    const unsigned char *p = (const unsigned char *) bufs[k];
                    uint16_t seq = (uint16_t) (p[2] << 8 | p[3]);
                    uint32_t ts = (uint32_t) p[4] << 24 | (uint32_t) p[5] << 16 | (uint32_t) p[6] << 8 | p[7];
                    double arrival = -1;
                    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msgs[k].msg_hdr); c; c = CMSG_NXTHDR(&msgs[k].msg_hdr, c))
                        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                            struct timespec t;
                            memcpy(&t, CMSG_DATA(c), sizeof t);
                            arrival = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
                        }
                    if (arrival < 0) {
                        struct timespec t;
                        clock_gettime(CLOCK_REALTIME, &t);
                        arrival = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
                    }
                    long sec = (long) ((arrival - start) / 1000);
                    if (sec >= 0 && sec < MAX_SECONDS)
                        per_second[sec]++;
                    /* RTP timestamps wrap every 2^32 / 8 ms (6 days): within a call, differences are what count */
                    double transit = arrival - ts / 8.0;
                    struct stream *st = &streams[(size_t) i * 65536 + ntohs(from[k].sin_port)];
                    if (st->got++ == 0) {
                        /* extended numbers start one wrap up, so a packet older than the first still fits below it */
                        st->first = st->high = 65536u + seq;
                        st->last = seq;
                        st->best = transit;
                        late[0]++;
                        continue;
                    }
                    uint16_t d = (uint16_t) (seq - st->last);
                    if (d < 0x8000) {    /* forwards, wrapping at 65536 */
                        st->high += d;
                        st->last = seq;
                    } else {             /* an older packet, overtaken: it may be older than the first one seen */
                        uint32_t ext = st->high - (uint16_t) (st->last - seq);
                        if (ext < st->first)
                            st->first = ext;
                    }
                    if (transit < st->best)
                        st->best = transit;
                    double lag = transit - st->best;
                    int b = 0;
                    while (b < 5 && lag >= bounds[b])
                        b++;
                    late[b]++;
                }
                if (n < BATCH)
                    break;
            }
        }
    }

    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fprintf(f, "{\"ports\": {");
    for (int i = 0; i < nports; i++) {
        uint64_t n = 0, got = 0, expected = 0;
        for (int sp = 0; sp < 65536; sp++) {
            struct stream *st = &streams[(size_t) i * 65536 + sp];
            if (st->got) {
                n++;
                got += st->got;
                expected += st->high - st->first + 1;
            }
        }
        fprintf(f, "%s\"%d\": {\"streams\": %llu, \"received\": %llu, \"expected\": %llu}", i ? ", " : "", ports[i],
                (unsigned long long) n, (unsigned long long) got, (unsigned long long) expected);
    }
    /* the streams that lost packets by their sequence numbers: where (which receiving port, which port of rtpengine) */
    fprintf(f, "}, \"gaps\": [");
    int listed = 0;
    for (int i = 0; i < nports && listed < 200; i++)
        for (int sp = 0; sp < 65536 && listed < 200; sp++) {
            struct stream *st = &streams[(size_t) i * 65536 + sp];
            if (st->got && st->high - st->first + 1 != st->got) {
                fprintf(f, "%s[%d, %d, %u, %u]", listed ? ", " : "", ports[i], sp, st->got, st->high - st->first + 1);
                listed++;
            }
        }
    fprintf(f, "], \"late_ms_buckets\": [");
    for (int b = 0; b < 6; b++)
        fprintf(f, "%s\"%s\"", b ? ", " : "", bucket_names[b]);
    fprintf(f, "], \"late\": [");
    for (int b = 0; b < 6; b++)
        fprintf(f, "%s%llu", b ? ", " : "", (unsigned long long) late[b]);
    fprintf(f, "], \"per_second\": {");
    int first = 1;
    for (int s = 0; s < MAX_SECONDS; s++)
        if (per_second[s]) {
            fprintf(f, "%s\"%d\": %llu", first ? "" : ", ", s, (unsigned long long) per_second[s]);
            first = 0;
        }
    fprintf(f, "}}\n");
    fclose(f);
    return 0;
}
