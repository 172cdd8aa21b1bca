#!/usr/bin/env python3
"""Writes assets/chime.wav: serein's chime, a soft two-note bell (A5 then E6, a rising
fifth) that fades out in under a second. Standard library only, deterministic: running it
again gives the same bytes. 16 kHz, 16-bit mono, 0.9 s: about 29 KB, embedded in the binary.

    python3 scripts/gen-chime.py [OUT]      # default: assets/chime.wav
"""
import math
import struct
import sys
import wave

RATE = 16_000
LENGTH_S = 0.9
PEAK = 0.45  # of full scale: a chime, not an alarm
# (start s, fundamental Hz, loudness)
NOTES = [(0.0, 880.0, 1.0), (0.16, 1318.51, 0.8)]
# Bell-like partials: (ratio to the fundamental, loudness, decay per second). Higher ones die
# away faster, as in a struck bell; the 2.76 one is the bell's inharmonic colour.
PARTIALS = [(1.0, 1.0, 5.0), (2.0, 0.35, 8.0), (2.76, 0.12, 12.0)]
ATTACK_S = 0.008  # a smooth (raised-cosine) start: no click
FADE_S = 0.08  # and none at the end of the file


def sample(t: float) -> float:
    v = 0.0
    for start, f0, loud in NOTES:
        u = t - start
        if u < 0:
            continue
        env = 1.0 if u >= ATTACK_S else math.sin(math.pi / 2 * u / ATTACK_S) ** 2
        for ratio, amp, decay in PARTIALS:
            f = f0 * ratio
            if f >= RATE / 2:
                continue  # would alias
            v += loud * amp * env * math.exp(-decay * u) * math.sin(2 * math.pi * f * u)
    tail = LENGTH_S - t
    if tail < FADE_S:
        v *= max(0.0, tail / FADE_S)
    return v


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "assets/chime.wav"
    n = int(RATE * LENGTH_S)
    raw = [sample(i / RATE) for i in range(n)]
    scale = PEAK / max(abs(x) for x in raw)
    frames = b"".join(struct.pack("<h", round(x * scale * 32767)) for x in raw)
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


if __name__ == "__main__":
    main()
