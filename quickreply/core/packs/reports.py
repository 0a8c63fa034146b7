"""The problems the pack loader shares with core/lint.py, worded once.

The linter checks hand-built libraries (the editor's drafts, imports) with the same words the
loader uses for files, so a person sees one sentence for one mistake wherever it is found.
"""

from __future__ import annotations

from quickreply.core.model import Snippet
from quickreply.core.packs.format import CODE_HINT, CODE_RE
from quickreply.core.problems import Problem


def snippet_where(snippet_id: str) -> str:
    return f"snippet '{snippet_id}'"


def missing_title_problem(snippet: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        "missing 'title'",
        "add a short title, e.g. title: 合作快递",
        code="edit.title_empty",  # the editor's own check says the same, in the UI language
    )


def bad_code_problem(path: str, line: int, where: str, code: str) -> Problem:
    if code != code.lower() and CODE_RE.fullmatch(code.lower()):
        return Problem(
            path,
            line,
            where,
            f"shortcut code '{code}' has capital letters",
            f"write '{code.lower()}'",
            code="code.capitals",
            args=(("code", code), ("lower", code.lower())),
        )
    message = f"shortcut code '{code}' is malformed"
    args = (("code", code),)
    return Problem(path, line, where, message, CODE_HINT, code="code.malformed", args=args)


def code_clash_problem(snippet: Snippet, first: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        f"shortcut code '{snippet.code}' is already used by '{first.id}'"
        f" at {first.path}:{first.line}",
        f"choose another code; '{first.code}' stays with '{first.id}'",
        code="code.taken",
        args=(("code", snippet.code), ("owner", first.title or first.id)),
    )


def duplicate_id_problem(snippet: Snippet, first: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        f"snippet id '{snippet.id}' is already used at {first.path}:{first.line}",
        "rename one of them; this one is skipped",
    )
