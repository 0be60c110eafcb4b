# Why: `make bench`'s typing rows count animation frames inside the page, and WebKitGTK can put
# new results on screen before the frame the page is told about (docs/performance.md, "Where
# typing and the grid still wait"). This reads what the X server shows instead: it polls one
# region of the screen and prints the wall-clock time (ms since the epoch) of every change,
# until it is sent SIGTERM. Usage: screen-changes.py X Y WIDTH HEIGHT OUT
import signal
import sys
import time
import zlib

from Xlib import X, display

x, y, width, height = (int(v) for v in sys.argv[1:5])
out = open(sys.argv[5], "w")
root = display.Display().screen().root
stopping = False


def stop(*_):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, stop)
last = None
while not stopping:
    pixels = root.get_image(x, y, width, height, X.ZPixmap, 0xFFFFFFFF).data
    seen = zlib.crc32(pixels)
    if seen != last:
        out.write(f"{time.time() * 1000:.2f}\n")
        last = seen
    # About 700 reads a second of the bench's strip (48 × ~560 pixels): each change is seen
    # within ~1.4 ms, and the reader takes part of one core, not all of it (reading without
    # a pause slowed the app it measured: the results reached the page 3 ms later).
    time.sleep(0.001)
out.close()
