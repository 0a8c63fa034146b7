"""Team packs (issue 12): a lead publishes signed, versioned packs; agents sync them.

``keys`` (the Ed25519 key and join codes), ``manifest`` (the signed documents), ``publish``
(the lead's side), ``sources`` (a folder or an http(s) server), ``sync`` (the agent's side),
``state`` (what an agent joined and last saw) and ``changes`` (what a version added, changed or
removed). No server of our own: a published folder is plain static files.
"""
