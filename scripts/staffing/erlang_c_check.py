#!/usr/bin/env python3
"""Erlang C by the textbook formula in exact rational arithmetic: the independent check of the figures
ErlangCTests and StaffingPlannerTests expect (docs/STAFFING.md). No Siaga 110 code is used.

    python3 scripts/staffing/erlang_c_check.py          # about ten seconds: the national hour is big-integer work
"""
from fractions import Fraction
from math import exp


def waiting(n, a):
    """C(N, A) = A^N/N! * N/(N-A) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A)), exactly."""
    term, below = Fraction(1), Fraction(0)
    for k in range(n):
        below += term
        term = term * a / (k + 1)
    top = term * n / (n - a)
    return top / (below + top)


def level(n, a, t, h):
    return 1 - float(waiting(n, a)) * exp(-(n - float(a)) * t / h)


def speed(n, a, h):
    return float(waiting(n, a)) * h / (n - float(a))


def needed(a, h, share, t):
    if a == 0:
        return 0
    n = int(a) + 1
    while level(n, a, t, h) < share:
        n += 1
    return n


def load(calls_per_hour, handling_s):
    return Fraction(calls_per_hour) * Fraction(handling_s) / 3600


print("Call Centre Helper: 200 calls/h, 180 s, 80 % in 20 s")
a = load(200, 180)
for n in range(11, 15):
    print(f"  N={n}  C={float(waiting(n, a)):.4f}  SL20={level(n, a, 20, 180):.4f}")
print(f"  agents for 80/20: {needed(a, 180, 0.80, 20)}  ASA(14)={speed(14, a, 180):.4f} s")

print("Westbay Engineers: 720 calls/h, 240 s, 55 agents, 15 s")
a = load(720, 240)
print(f"  A={float(a)}  occupancy={float(a) / 55:.4f}  C={float(waiting(55, a)):.4f}  ASA={speed(55, a, 240):.4f} s"
      f"  SL15={level(55, a, 15, 240):.4f}")

print("Issue 16: 10 calls/h, 180 s")
a = load(10, 180)
for n in range(1, 4):
    print(f"  N={n}  C={float(waiting(n, a)):.4f}  SL10={level(n, a, 10, 180):.4f}  SL20={level(n, a, 20, 180):.4f}")

print("StaffingPlannerTests' hours: (arrivals/h, handling s) -> 90/10, 95/20, plan, SL10 %, SL20 %, occupancy %, ASA s")
for arrivals, handling in [(2, 170), (Fraction(1, 2), 33), (Fraction(1, 2), Fraction(543, 4)), (10, 180), (Fraction(1, 2), 150)]:
    a = load(arrivals, handling)
    n10, n20 = needed(a, handling, 0.90, 10), needed(a, handling, 0.95, 20)
    n = max(n10, n20)
    print(f"  {float(arrivals)}/h {float(handling)} s: A={float(a):.5f}  {n10}  {n20}  {n}  {100 * level(n, a, 10, handling):.4f}"
          f"  {100 * level(n, a, 20, handling):.4f}  {100 * float(a) / n:.3f}  {speed(n, a, handling):.4f}")

print("National hours")
for calls, handling in [(20000, 240), (5000, 60)]:
    a = load(calls, handling)
    n10, n20 = needed(a, handling, 0.90, 10), needed(a, handling, 0.95, 20)
    print(f"  {calls} calls/h of {handling} s: A={float(a):.2f}  90/10: {n10} ({level(n10, a, 10, handling):.4f}; one fewer"
          f" {level(n10 - 1, a, 10, handling):.4f})  95/20: {n20} ({level(n20, a, 20, handling):.4f}; one fewer"
          f" {level(n20 - 1, a, 20, handling):.4f})")
