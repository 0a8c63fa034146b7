"""OS adapters (hotkeys, clipboard, key injection, focus) behind Protocols, and the paste
sequence built on them. No Qt here."""
