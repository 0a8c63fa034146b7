"""Exporters: write the library's replies as the platforms' own phrase files (Qianniu CSV, .xlsx).

Templates are rendered with the shop profile first (:mod:`quickreply.core.exporters.rows`),
because Qianniu and the spreadsheets have no placeholders; each format module only writes.
"""
