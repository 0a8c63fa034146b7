"""Pure-Python core: packs, shop rules, rendering, search, timers, stats. No Qt, no OS hooks."""
