#!/usr/bin/env python3
"""Records one call through a running rtpengine the way Siaga 110 anchors a call, to capture the pcap fixtures.

    rtpengine --table=-1 --foreground --log-stderr --interface=127.0.0.1 --listen-ng=127.0.0.1:22222 \
        --port-min=41000 --port-max=41100 --recording-dir=/tmp/rec --recording-method=pcap
    NPK=100 DTMF=1 CN=1 RTCP=1 SNAP=in-progress.pcap python3 capture-call.py 22222 0 0       # PCMU tones
    NPK=100 DROP=20,21,22,23,24,25,26,27,28,29 PAUSE=60-85 REORDER=40 python3 capture-call.py 22222 8 8   # PCMA, loss

offer (record call: yes) with the caller's SDP, answer with the operator's, then NPK packets of 20 ms each way: the
caller a 440 Hz tone, the operator a 1 kHz tone (amplitude 8000), G.711 (payload type 0 or 8); then delete with
delete delay 0, after which rtpengine has closed the pcap under /tmp/rec/pcaps and moved its metadata file to
/tmp/rec/metadata. Options: DROP (caller packets never sent), PAUSE=a-b (operator silent for packets a..b-1, its
timestamps going on), REORDER=i (caller packet i sent after i+1), DTMF (an RFC 4733 event from the caller at packet
10), CN (a comfort noise packet from the operator at 30), RTCP (a sender report from the caller at 20), SNAP=file (the
pcap copied at the half-way point, while the call runs). Python 3.11 (audioop).
"""
import math
import os
import shutil
import socket
import struct
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import audioop  # noqa: E402


def benc(x):
    if isinstance(x, int):
        return b"i%de" % x
    if isinstance(x, str):
        x = x.encode()
    if isinstance(x, bytes):
        return b"%d:%s" % (len(x), x)
    if isinstance(x, list):
        return b"l" + b"".join(benc(i) for i in x) + b"e"
    return b"d" + b"".join(benc(k) + benc(v) for k, v in sorted(x.items())) + b"e"


def bdec(b, i=0):
    c = b[i:i + 1]
    if c == b"i":
        j = b.index(b"e", i)
        return int(b[i + 1:j]), j + 1
    if c in (b"l", b"d"):
        i += 1
        items = []
        while b[i:i + 1] != b"e":
            v, i = bdec(b, i)
            items.append(v)
        if c == b"l":
            return items, i + 1
        return {items[k].decode(): items[k + 1] for k in range(0, len(items), 2)}, i + 1
    j = b.index(b":", i)
    n = int(b[i:j])
    return b[j + 1:j + 1 + n], j + 1 + n


ng_port = int(sys.argv[1])
codec_c, codec_o = (sys.argv[2] if len(sys.argv) > 2 else "0"), (sys.argv[3] if len(sys.argv) > 3 else "0")
ng = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
ng.settimeout(2)


def cmd(d):
    cookie = os.urandom(4).hex().encode()
    ng.sendto(cookie + b" " + benc(d), ("127.0.0.1", ng_port))
    return bdec(ng.recv(65535).split(b" ", 1)[1])[0]


def sdp(port, pt):
    name = {"0": "PCMU", "8": "PCMA"}[pt]
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            "m=audio %d RTP/AVP %s 101\r\na=rtpmap:%s %s/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-16\r\na=sendrecv\r\n" % (port, pt, pt, name))


def audio_port(s):
    for line in s.decode().split("\r\n"):
        if line.startswith("m=audio"):
            return int(line.split()[1])


def tone(freq, n, start, pt):
    pcm = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * (start + i) / 8000))) for i in range(n))
    return audioop.lin2ulaw(pcm, 2) if pt == 0 else audioop.lin2alaw(pcm, 2)


def rtp(pt, seq, ts, ssrc, payload, marker=False):
    return struct.pack("!BBHII", 0x80, (0x80 if marker else 0) | pt, seq & 0xffff, ts & 0xffffffff, ssrc) + payload


caller = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
caller.bind(("127.0.0.1", 0))
oper = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
oper.bind(("127.0.0.1", 0))
call_id = "rec-test-%d" % os.getpid()
offer = cmd({"command": "offer", "call-id": call_id, "from-tag": "caller1", "sdp": sdp(caller.getsockname()[1], codec_c),
             "record call": "yes", "flags": []})
answer = cmd({"command": "answer", "call-id": call_id, "from-tag": "caller1", "to-tag": "oper1",
              "sdp": sdp(oper.getsockname()[1], codec_o)})
to_operator_leg = audio_port(answer["sdp"])   # the caller sends here: rtpengine's port for the caller's leg
to_caller_leg = audio_port(offer["sdp"])      # the operator sends here
pcap = offer["recordings"][0].decode()
print("pcap", pcap, "caller", caller.getsockname(), "->", to_operator_leg, "operator", oper.getsockname(), "->", to_caller_leg)

npk = int(os.environ.get("NPK", "50"))
drop = {int(x) for x in os.environ.get("DROP", "").split(",") if x}
pause = set()
if os.environ.get("PAUSE"):
    a, b = os.environ["PAUSE"].split("-")
    pause = set(range(int(a), int(b)))
reorder = int(os.environ.get("REORDER", "-1"))
cssrc, ossrc, cts, ots = 0x11111111, 0x22222222, 1000, 500000
held = None
for i in range(npk):
    cpk = rtp(int(codec_c), i, cts + 160 * i, cssrc, tone(440, 160, 160 * i, int(codec_c)), i == 0)
    if i == reorder:
        held = cpk
    elif i not in drop:
        caller.sendto(cpk, ("127.0.0.1", to_operator_leg))
        if held is not None and i == reorder + 1:
            caller.sendto(held, ("127.0.0.1", to_operator_leg))
            held = None
    if i not in pause:
        resumed = i == 0 or i == max(pause, default=-2) + 1
        oper.sendto(rtp(int(codec_o), 7000 + i, ots + 160 * i, ossrc, tone(1000, 160, 160 * i, int(codec_o)), resumed),
                    ("127.0.0.1", to_caller_leg))
    if os.environ.get("CN") and i == 30:
        oper.sendto(rtp(13, 60100, ots + 160 * i, ossrc, bytes([40])), ("127.0.0.1", to_caller_leg))
    if os.environ.get("RTCP") and i == 20:
        caller.sendto(struct.pack("!BBHIIIIII", 0x80, 200, 6, cssrc, 0, 0, cts + 160 * i, i, i * 160),
                      ("127.0.0.1", to_operator_leg + 1))
    if os.environ.get("DTMF") and i == 10:
        for k in range(3):
            event = struct.pack("!BBH", 5, (0x80 if k == 2 else 0) | 10, 160 * (k + 1))
            caller.sendto(rtp(101, 60000 + k, cts + 160 * i, cssrc, event, k == 0), ("127.0.0.1", to_operator_leg))
    if os.environ.get("SNAP") and i == npk // 2:
        shutil.copy(pcap, os.environ["SNAP"])
    time.sleep(0.02)
print("delete", cmd({"command": "delete", "call-id": call_id, "delete delay": 0}).get("result"))
