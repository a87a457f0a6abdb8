#!/usr/bin/env python3
"""Draws Waypoint's toolbar icons (extension/icons/icon-<size>.png) with the standard library.

The mark: a teal rounded square with a white ring and a teal centre, a waypoint marker seen
from above. Run from the repository root: python3 xtask/icons.py
"""
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)


def inside_rounded(x, y, size, r):
    cx = min(max(x, r), size - r)
    cy = min(max(y, r), size - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour_at(x, y, size):
    """Colour and alpha of the point (x, y) in a size×size icon."""
    if not inside_rounded(x, y, size, size * 0.22):
        return None
    d = ((x - size / 2) ** 2 + (y - size / 2) ** 2) ** 0.5
    if size * 0.19 <= d <= size * 0.31:
        return WHITE
    return TEAL


def png(size, path):
    ss = 4  # supersampling per axis
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    c = colour_at(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss, size)
                    if c:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            n = acc[3]
            if n:
                row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (ss * ss)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


for s in (16, 32, 48, 128):
    png(s, f"extension/icons/icon-{s}.png")
