"""OS adapters (hotkeys, clipboard, key injection, focus) behind Protocols. No Qt here."""
