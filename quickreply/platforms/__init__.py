"""OS adapters (hotkeys, clipboard, key injection, focus) behind Protocols, and the paste
sequence and hotkey routing built on them. No Qt here."""
