"""Daily aggregates an agent shares with the team lead, and the lead's report over them (issue 15).

``aggregate``: one agent's day as counts and sums (never a buyer, a title or a text);
``drop``: where the files go (a folder or a WebDAV URL); ``outbox``: the local queue of days
not yet delivered; ``report``: the lead's figures over a drop; ``page``: the report as HTML.
"""
