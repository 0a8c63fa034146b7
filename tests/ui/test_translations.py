"""The en and zh_TW translations cover every UI string, with nothing unfinished or empty."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en", "zh_TW")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts.name}: {name}: a message without translation"
            found[(name, message.findtext("source") or "")] = translation
    return found


def shown(translation: ET.Element) -> str:
    """A translation's text; a plural one's (numerus) forms, one a line."""
    forms = translation.findall("numerusform")
    if forms:
        return "\n".join(form.text or "" for form in forms)
    return translation.text or ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    ts = FOLDER / f"quickreply_{language}.ts"
    bad = [
        f"{context}: {source!r}"
        for (context, source), translation in messages(ts).items()
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not all(line.strip() for line in shown(translation).split("\n"))
    ]
    assert bad == [], f"{ts.name}: untranslated (run pyside6-lupdate and fill them in)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    for (context, source), translation in messages(FOLDER / f"quickreply_{language}.ts").items():
        for mark in ("%1", "%2", "{n}"):
            assert (mark in source) == (mark in shown(translation)), (context, source)


def test_english_counts_never_hedge_a_plural() -> None:
    """English "problem(s)" reads as a program talking: a count is worded with %n plural forms, or
    put after a colon. "(s)" alone for seconds, as in "Time (s)", is a unit, not a hedge."""
    hedged = [
        f"{context}: {shown(translation)!r}"
        for (context, _), translation in messages(FOLDER / "quickreply_en.ts").items()
        if re.search(r"[A-Za-z]\(s\)", shown(translation))
    ]
    assert hedged == []


@pytest.mark.parametrize(("language", "forms"), [("en", 2), ("zh_TW", 1)])
def test_plural_strings_have_each_form_of_the_language(language: str, forms: int) -> None:
    """English has a singular and a plural ("1 error", "2 errors"); Chinese one form."""
    plural = {
        key: translation.findall("numerusform")
        for key, translation in messages(FOLDER / f"quickreply_{language}.ts").items()
        if translation.find("numerusform") is not None
    }
    assert plural, "no %n strings: the editor's problem count uses one"
    for key, found in plural.items():
        assert len(found) == forms, key
        assert all("%n" in (form.text or "") for form in found), key


def test_the_ts_files_hold_every_string_the_code_marks(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    lupdate = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found (pip install PySide6-Essentials)")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "quickreply" / "ui").glob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "quickreply" / "app").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = set(messages(fresh))
    for language in LANGUAGES:
        have = set(messages(FOLDER / f"quickreply_{language}.ts"))
        assert sorted(wanted - have) == [], f"quickreply_{language}.ts misses these: re-run lupdate"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fork_heading_repeats_the_buttons_words(language: str) -> None:
    """The editor's heading after 存一份到个人包改 names the action as the button did."""
    found = messages(FOLDER / f"quickreply_{language}.ts")
    button = found[("LibraryWindow", "存一份到个人包改")].text or ""
    heading = found[("LibraryWindow", "存一份到个人包改：")].text or ""
    assert button and heading.rstrip(" :：") == button
