"""Reading a drop served over HTTP: listing its folder, then fetching the files not yet read.

The listing is asked for with WebDAV ``PROPFIND`` (``Depth: 1``), which any WebDAV server or
NAS answers with each file's size, date and ``ETag``. A server that does not (nginx's own dav
module only writes: PROPFIND needs the separate dav-ext module, which Debian's nginx-light
lacks) is asked for its folder page with ``GET``: nginx's ``autoindex_format json`` gives each
file's size and date too; an HTML index gives names only, so every file is fetched each time.

Daily files whose name and stamp are in the :class:`ReadCache` are not fetched; exam results
(``*.qrexam``, a few small files) are fetched at each report. Every fault is one
line naming the address without its password: the drop as a whole (401/403/507, a timeout, a
refused connection, a page that is not a listing) or one file (skipped, the rest is read).
The XML is parsed by the stdlib's expat (2.4.1 and later refuse entity expansion bombs;
ElementTree never fetches external entities), within :data:`MAX_LISTING_BYTES`.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from quickreply.core.share.aggregate import (
    MAX_FILE_BYTES,
    AggregateError,
    DailyAggregate,
    parse_aggregate,
)
from quickreply.core.share.drop import CONNECT_TIMEOUT, READ_TIMEOUT, public_address
from quickreply.core.share.examresult import MAX_FILE_BYTES as EXAM_MAX
from quickreply.core.share.examresult import SUFFIX as EXAM_SUFFIX
from quickreply.core.share.examresult import ExamFileError, ExamRecord, parse_exam_record
from quickreply.core.share.exams import each_attempt_once
from quickreply.core.share.readcache import SETTLE_SECONDS, ReadCache, Record, Stamp
from quickreply.core.share.report import newest_per_day

if TYPE_CHECKING:
    import requests

MAX_LISTING_BYTES = 64 * 1024 * 1024  # a PROPFIND answer for 100,000 files is ~40 MB
FETCHERS = 8  # files fetched at once: one connection each
_PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop>'
    b"<resourcetype/><getcontentlength/><getlastmodified/><getetag/></prop></propfind>"
)
_DAV = "{DAV:}"
_LINK = re.compile(r'href="([^"?#/]+\.json)"', re.IGNORECASE)
_NOT_A_LISTING = (
    "not a folder listing (turn on WebDAV PROPFIND, or nginx `autoindex on; "
    "autoindex_format json;` for this folder)"
)
_HINTS = {
    401: "the user name or password in the drop address is wrong",
    403: "the server refuses the lead here; allow GET (and PROPFIND) on this folder",
    404: "no such folder on the server; check the drop address",
    405: "the server does not list this folder; turn on autoindex or WebDAV",
    507: "the server is out of space; free space on it",
}


class ListingError(Exception):
    """The drop as a whole cannot be read (one line, without the password)."""


@dataclass(frozen=True, slots=True)
class Listed:
    name: str
    size: int | None
    stamp: str | None  # ETag or Last-Modified: None when the listing gives none
    modified: float | None  # seconds since the epoch


def read_url_drop(
    url: str,
    cache: ReadCache | None = None,
    *,
    now: Callable[[], float] = time.time,
    timeout: tuple[float, float] | None = None,
) -> tuple[list[DailyAggregate], list[str]]:
    """Every daily file of the drop at ``url`` (newest per agent and day) and a line per file
    skipped, or the one line saying why the drop could not be listed."""
    # Imported here: ~0.1 s a folder drop never pays.
    import requests

    timeout = timeout or (CONNECT_TIMEOUT, READ_TIMEOUT)
    base, auth = _split(url)
    label = public_address(base)
    local = threading.local()

    def session() -> requests.Session:
        if not hasattr(local, "session"):
            local.session = requests.Session()
            local.session.auth = auth
        s: requests.Session = local.session
        return s

    try:
        listed = _daily(_list(session(), base, timeout))
    except ListingError as err:
        return [], [f"{label}: {err}"]
    settled_before = now() - SETTLE_SECONDS
    records: dict[str, Record] = {}
    wanted: list[Listed] = []
    for entry in listed:
        stamp = _stamp(entry)
        record = cache.get(entry.name, stamp) if cache is not None and stamp else None
        if record is None:
            wanted.append(entry)
        else:
            records[entry.name] = record

    def fetch(entry: Listed) -> tuple[Listed, Record, bool, bytes | None]:
        record, lasting, raw = _fetch(session(), base + quote(entry.name, safe=""), timeout)
        return entry, record, lasting, raw

    with ThreadPoolExecutor(max_workers=FETCHERS) as pool:
        for entry, record, lasting, raw in pool.map(fetch, wanted):
            records[entry.name] = record
            stamp = _stamp(entry)
            settled = entry.modified is not None and entry.modified < settled_before
            if cache is not None and stamp and lasting and settled:
                cache.put(entry.name, stamp, record, raw)
    if cache is not None:
        cache.keep_only(e.name for e in listed)
    return newest_per_day((label + name, records[name]) for name in sorted(records))


def address_of(url: str) -> str:
    """The drop's address as messages show it and the read cache keys it: no password, one /."""
    return public_address(_split(url)[0])


def _split(url: str) -> tuple[str, tuple[str, str] | None]:
    """The folder's address without credentials (ending in /) and the credentials."""
    parts = urlsplit(url if url.endswith("/") else url + "/")
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    base = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    if parts.username is None:
        return base, None
    return base, (unquote(parts.username), unquote(parts.password or ""))


def _stamp(entry: Listed) -> Stamp | None:
    if entry.size is None or not entry.stamp:
        return None
    return (entry.size, entry.stamp)


def _problem(status: int) -> str:
    hint = _HINTS.get(status, "check the drop address and the server")
    return f"the server answered {status} ({hint})"


def _body(answer: requests.Response, limit: int) -> bytes | None:
    """The answer's bytes, or None when it is larger than ``limit``."""
    data = bytearray()
    for chunk in answer.iter_content(64 * 1024):
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


def _list(session: requests.Session, base: str, timeout: tuple[float, float]) -> list[Listed]:
    import requests

    try:
        with session.request(
            "PROPFIND",
            base,
            data=_PROPFIND,
            headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
            timeout=timeout,
            allow_redirects=False,
            stream=True,
        ) as answer:
            if answer.status_code == 207:
                body = _body(answer, MAX_LISTING_BYTES)
                if body is None:
                    raise ListingError(f"a listing over {MAX_LISTING_BYTES} bytes")
                return list(_multistatus(body, urlsplit(base).path))
        # Not WebDAV here (405, 403 for a method the folder does not allow...): its page.
        with session.get(
            base,
            headers={"Accept": "application/json, text/html;q=0.9"},
            timeout=timeout,
            stream=True,
        ) as answer:
            if answer.status_code != 200:
                raise ListingError(_problem(answer.status_code))
            body = _body(answer, MAX_LISTING_BYTES)
            if body is None:
                raise ListingError(f"a listing over {MAX_LISTING_BYTES} bytes")
            return list(_index(body))
    except requests.Timeout:
        raise ListingError("the server did not answer in time (try again later)") from None
    except requests.RequestException as err:
        reason = type(err).__name__
        raise ListingError(
            f"cannot reach the server ({reason}) (is the address right and the server up?)"
        ) from None


def _daily(entries: Iterable[Listed], suffix: str = ".json") -> list[Listed]:
    # Dot files are writers' temporary files (a day being written right now).
    return [e for e in entries if e.name.endswith(suffix) and not e.name.startswith(".")]


def _when(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _multistatus(body: bytes, folder: str) -> Iterator[Listed]:
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise ListingError(_NOT_A_LISTING) from None
    if root.tag != f"{_DAV}multistatus":
        raise ListingError(_NOT_A_LISTING)
    folder = unquote(folder).rstrip("/")
    for response in root.iter(f"{_DAV}response"):
        href = unquote(urlsplit(response.findtext(f"{_DAV}href") or "").path).rstrip("/")
        if not href or href == folder or response.find(f".//{_DAV}collection") is not None:
            continue
        size_text = response.findtext(f".//{_DAV}getcontentlength")
        modified = response.findtext(f".//{_DAV}getlastmodified")
        etag = response.findtext(f".//{_DAV}getetag")
        size = int(size_text) if size_text and size_text.strip().isdigit() else None
        yield Listed(href.rsplit("/", 1)[-1], size, etag or modified, _when(modified))


def _index(body: bytes) -> Iterator[Listed]:
    """nginx's autoindex page: JSON (names, sizes, dates) or HTML (names only)."""
    try:
        doc: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        doc = None
    if isinstance(doc, list):
        for item in doc:
            if not isinstance(item, dict) or item.get("type") != "file":
                continue
            name, size, mtime = item.get("name"), item.get("size"), item.get("mtime")
            if not isinstance(name, str) or "/" in name:
                continue
            size = size if isinstance(size, int) and not isinstance(size, bool) else None
            mtime = mtime if isinstance(mtime, str) else None
            yield Listed(name, size, mtime, _when(mtime))
        return
    text = body.decode("utf-8", "replace")
    if doc is not None or "<a " not in text.lower():
        raise ListingError(_NOT_A_LISTING)
    seen: set[str] = set()
    for link in _LINK.findall(text):
        name = unquote(html.unescape(link))
        if name not in seen:
            seen.add(name)
            yield Listed(name, None, None, None)


def _get(
    session: requests.Session, url: str, timeout: tuple[float, float], limit: int
) -> tuple[bytes | None, str, bool]:
    """A file's bytes, or None with why not and whether that lasts (a network fault may pass)."""
    import requests

    try:
        with session.get(url, timeout=timeout, stream=True, allow_redirects=False) as answer:
            if answer.status_code != 200:
                return None, _problem(answer.status_code), False
            data = _body(answer, limit)
    except requests.Timeout:
        return None, "the server did not answer in time", False
    except requests.RequestException as err:
        return None, f"cannot fetch ({type(err).__name__})", False
    if data is None:
        return None, f"larger than {limit} bytes", True
    return data, "", True


def _fetch(
    session: requests.Session, url: str, timeout: tuple[float, float]
) -> tuple[Record, bool, bytes | None]:
    """One file's record, whether it lasts (a network fault may pass: not cached), and the
    bytes it was parsed from."""
    data, problem, lasting = _get(session, url, timeout, MAX_FILE_BYTES)
    if data is None:
        return problem, lasting, None
    try:
        return parse_aggregate(data), True, data
    except AggregateError as err:
        return str(err), True, None


def read_url_exam_results(
    url: str, *, timeout: tuple[float, float] | None = None
) -> tuple[list[ExamRecord], list[str]]:
    """The exam results (``*.qrexam``) handed in to the drop at ``url``, each attempt once,
    and a line per file skipped (or the one line saying why the drop could not be listed).
    Few and small: fetched every time, one after the other."""
    import requests

    timeout = timeout or (CONNECT_TIMEOUT, READ_TIMEOUT)
    base, auth = _split(url)
    label = public_address(base)
    with requests.Session() as session:
        session.auth = auth
        try:
            listed = _daily(_list(session, base, timeout), EXAM_SUFFIX)
        except ListingError as err:
            return [], [f"{label}: {err}"]
        records: list[ExamRecord] = []
        skipped: list[str] = []
        for entry in listed:
            where = label + entry.name
            data, problem, _ = _get(session, base + quote(entry.name, safe=""), timeout, EXAM_MAX)
            try:
                if data is None:
                    raise ExamFileError(problem)
                records.append(parse_exam_record(data))
            except ExamFileError as err:
                skipped.append(f"{where}: {err} (skipped)")
    return each_attempt_once(records), skipped
