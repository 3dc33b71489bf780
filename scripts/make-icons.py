#!/usr/bin/env python3
"""Draws the app icons (public/icons/*.png): three book spines on a shelf.

Pure standard library, so anyone can regenerate them: python3 scripts/make-icons.py
"""
import struct
import zlib
from pathlib import Path

BG = (11, 92, 173)
BOOKS = [(255, 255, 255), (255, 214, 102), (163, 215, 255)]
SHELF = (255, 255, 255)


def draw(size, maskable):
    # Shapes in a 100×100 design space; maskable icons keep them in the 80% safe zone.
    scale = size / 100
    inset = 10 if maskable else 0
    unit = (100 - 2 * inset) / 100
    radius = 0 if maskable else 18

    def inside_rounded(x, y):
        if radius == 0:
            return True
        cx = min(max(x, radius), 100 - radius)
        cy = min(max(y, radius), 100 - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2

    def box(x0, y0, x1, y1):
        return (inset + x0 * unit, inset + y0 * unit, inset + x1 * unit, inset + y1 * unit)

    shapes = [
        (box(24, 26, 36, 74), BOOKS[0]),
        (box(39, 32, 51, 74), BOOKS[1]),
        (box(55, 28, 64, 74), BOOKS[2]),
        (box(18, 74, 82, 80), SHELF),
    ]
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            x, y = (px + 0.5) / scale, (py + 0.5) / scale
            if not inside_rounded(x, y):
                row += bytes((0, 0, 0, 0))
                continue
            colour = BG
            for (x0, y0, x1, y1), c in shapes:
                if x0 <= x < x1 and y0 <= y < y1:
                    colour = c
            # A book leaning against the others: a slanted band.
            lx = inset + 65 * unit + (y - inset - 30 * unit) * 0.3
            if inset + 30 * unit <= y < inset + 74 * unit and lx <= x < lx + 10 * unit:
                colour = BOOKS[0]
            row += bytes((*colour, 255))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(draw(size, maskable=False))
        (out / f"maskable-{size}.png").write_bytes(draw(size, maskable=True))
    (out / "apple-touch-icon.png").write_bytes(draw(180, maskable=True))
    print("icons written to", out)
