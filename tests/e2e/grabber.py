"""Another program holding a global hotkey: grabs the combination in argv[1], waits on stdin."""

from __future__ import annotations

import sys

from Xlib import XK, X, display


def main() -> int:
    d = display.Display()
    mods = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask}
    *names, key = sys.argv[1].split("+")
    mask = 0
    for name in names:
        mask |= mods[name]
    code = d.keysym_to_keycode(XK.string_to_keysym(key))
    for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):
        d.screen().root.grab_key(code, mask | extra, True, X.GrabModeAsync, X.GrabModeAsync)
    d.sync()
    print("grabbed", flush=True)
    sys.stdin.readline()
    return 0


if __name__ == "__main__":
    sys.exit(main())
