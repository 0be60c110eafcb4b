# Why: `make bench`'s typing rows count animation frames inside the page, and WebKitGTK can put
# new results on screen before the frame the page is told about (docs/performance.md, "Where
# typing and the grid still wait"). This reads what the X server shows instead: it polls regions
# of the screen and prints, for every change, the region's number (0 for the first) and the
# wall-clock time (ms since the epoch), until it is sent SIGTERM.
# Usage: screen-changes.py OUT X Y WIDTH HEIGHT [X Y WIDTH HEIGHT ...]
import signal
import sys
import time
import zlib

from Xlib import X, display

out = open(sys.argv[1], "w")
numbers = [int(v) for v in sys.argv[2:]]
regions = [numbers[i : i + 4] for i in range(0, len(numbers) - 3, 4)]
root = display.Display().screen().root
stopping = False


def stop(*_):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, stop)
last = [None] * len(regions)
while not stopping:
    for n, (x, y, width, height) in enumerate(regions):
        seen = zlib.crc32(root.get_image(x, y, width, height, X.ZPixmap, 0xFFFFFFFF).data)
        if seen != last[n]:
            out.write(f"{n} {time.time() * 1000:.2f}\n")
            last[n] = seen
    # About 700 reads a second of the bench's strip (48 × ~560 pixels; the search field's
    # 200 × 40 beside it costs little): each change is seen within ~1.5 ms, and the reader
    # takes part of one core, not all of it (reading without a pause slowed the app it
    # measured: the results reached the page 3 ms later).
    time.sleep(0.001)
out.close()
