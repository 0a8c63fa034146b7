"""The search index behind the palette: 汉字, pinyin, initials, codes, traditional, typos, usage.

``SearchIndex`` (index.py) is the front door; docs/search.md explains the design. One module per
concern:

* ``fields``: the tier table, what a match in each field is worth;
* ``terms``: a typed query as terms, with the key each is looked up as per field;
* ``records``: each field of every snippet as one string, records in title order;
* ``codes``: shortcut codes and prefix lookups;
* ``grams``: gram bitmaps, which records may hold a needle;
* ``tables``: everything built once per library, in one object;
* ``scan``: reading a needle's tier off a field string;
* ``match``: one term's best tier per record;
* ``walk``: several terms, best bound first;
* ``typos``: one-edit matches of Latin terms;
* ``groups``: ``/组`` filters;
* ``rank``: usage and title order for ties, the page of hits;
* ``cache``: the cache file's name, bytes and pruning.
"""

from quickreply.core.search.cache import CACHE_PREFIX, INDEX_VERSION, library_key
from quickreply.core.search.fields import (
    CODE_EXACT,
    CODE_PREFIX,
    FIELDS,
    LOOSE_INITIALS,
    LOOSE_TITLE,
    TYPO_CODE,
    TYPO_TAG,
    TYPO_TITLE,
    FieldSpec,
)
from quickreply.core.search.grams import WORD_MARK
from quickreply.core.search.index import SearchIndex
from quickreply.core.search.rank import Hit

__all__ = [
    "CACHE_PREFIX",
    "CODE_EXACT",
    "CODE_PREFIX",
    "FIELDS",
    "INDEX_VERSION",
    "LOOSE_INITIALS",
    "LOOSE_TITLE",
    "TYPO_CODE",
    "TYPO_TAG",
    "TYPO_TITLE",
    "WORD_MARK",
    "FieldSpec",
    "Hit",
    "SearchIndex",
    "library_key",
]
