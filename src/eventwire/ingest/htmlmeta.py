"""Metadata of HTML article pages: publication date, headline and site name.

Structured data comes first because publishers write it for machines: the JSON-LD
node of the article itself (not the nested live-blog updates or related stories),
then ``<meta>`` tags, then ``<time>`` elements marked as the publication time. Only a
page without any of them falls back to htmldate's heuristics (via trafilatura).

Publication date-times keep the offset the page gives (``2024-10-16T00:00:00+08:00``)
instead of being converted to UTC: later stages read the article's calendar day from
the first ten characters, and the day that "yesterday" in the text refers to is the
day in the publisher's own zone.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from dateutil import parser as dateutil_parser
from lxml.html import HtmlElement

_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report$|NewsStory", re.I)
_PAGE_TYPE = re.compile(r"WebPage$", re.I)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_EARLIEST = date(1990, 1, 1)
_HOUR = 3600
#: Zone abbreviations that mean one offset only (IST, for one, does not).
_ZONES = {
    "UTC": 0,
    "GMT": 0,
    "EST": -5 * _HOUR,
    "EDT": -4 * _HOUR,
    "CST": -6 * _HOUR,
    "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR,
    "BST": 1 * _HOUR,
    "CET": 1 * _HOUR,
    "CEST": 2 * _HOUR,
    "EET": 2 * _HOUR,
    "EEST": 3 * _HOUR,
    "SAST": 2 * _HOUR,
    "JST": 9 * _HOUR,
    "KST": 9 * _HOUR,
    "AEST": 10 * _HOUR,
    "AEDT": 11 * _HOUR,
}
#: Meta tags naming the first publication, most specific first.
_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "published_time",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|•|·|\*|::|»|/)\s+")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass
class PageMeta:
    """What the page's markup says about the article."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


# ----------------------------------------------------------------------------- JSON-LD


def jsonld_nodes(tree: HtmlElement) -> list[dict]:
    """Top-level JSON-LD objects of the page (``@graph`` members count as top level)."""
    nodes: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:  # broken JSON-LD is common; it just gives nothing
            continue
        nodes.extend(_flatten(data))
    return nodes


def _flatten(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        if isinstance(data.get("@graph"), list):
            yield from _flatten(data["@graph"])
        else:
            yield data


def _types(node: dict) -> list[str]:
    kind = node.get("@type") or []
    return [str(k) for k in (kind if isinstance(kind, list) else [kind])]


def _node_urls(node: dict) -> set[str]:
    urls = {node.get("url"), node.get("@id")}
    entity = node.get("mainEntityOfPage")
    urls.add(entity.get("@id") if isinstance(entity, dict) else entity)
    return {_url_key(u) for u in urls if isinstance(u, str)}


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


def article_node(nodes: list[dict], url: str | None) -> dict | None:
    """The JSON-LD node describing the page's own article, if there is one.

    Among several article nodes, the one whose url matches the page's wins; else the
    first that has a publication date; WebPage nodes are the last resort.
    """
    articles = [n for n in nodes if any(_ARTICLE_TYPE.search(t) for t in _types(n))]
    if url and len(articles) > 1:
        key = _url_key(url)
        matching = [n for n in articles if key in _node_urls(n)]
        articles = matching or articles
    dated = [n for n in articles if n.get("datePublished") or n.get("dateCreated")]
    if dated:
        return dated[0]
    if articles:
        return articles[0]
    pages = [n for n in nodes if any(_PAGE_TYPE.search(t) for t in _types(n))]
    return next((n for n in pages if n.get("datePublished")), None)


# ----------------------------------------------------------------------------- dates


def normalise_local(value: object, *, today: date | None = None) -> str | None:
    """An ISO 8601 publication value that keeps the page's own UTC offset.

    ``2024-10-16T00:00:00+08:00`` stays as it is; ``...Z`` becomes ``+00:00``; a
    date-time without an offset becomes its bare date (its zone is unknown, so only
    the day as written is kept). Values before 1990 or after tomorrow are refused.
    """
    text = str(value or "").strip()
    if not text or not re.search(r"\d{4}", text):
        return None
    try:
        with warnings.catch_warnings():  # an unknown zone name leaves the time naive
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(text, default=datetime(2000, 1, 1), tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    latest = (today or datetime.now(UTC).date()) + timedelta(days=1)
    if not _EARLIEST <= parsed.date() <= latest:
        return None
    if not _HAS_TIME.search(text) or parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _jsonld_published(node: dict | None) -> str | None:
    if not node:
        return None
    for key in ("datePublished", "dateCreated"):
        value = node.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if found := normalise_local(value):
            return found
    return None


def _meta_published(tree: HtmlElement) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _META_PUBLISHED and name not in found:
            found[name] = meta.get("content")
    for name in _META_PUBLISHED:
        if name in found and (value := normalise_local(found[name])):
            return value
    return None


def _time_published(tree: HtmlElement) -> str | None:
    marked = tree.xpath(
        '//time[@datetime][@itemprop="datePublished" or @pubdate]'
        '|//*[@itemprop="datePublished"][@datetime or @content]'
    )
    for element in marked:
        if value := normalise_local(element.get("datetime") or element.get("content")):
            return value
    return None


def find_published(tree: HtmlElement, nodes: list[dict], url: str | None) -> str | None:
    """The original publication date from structured data, or None when the page has none."""
    return (
        _jsonld_published(article_node(nodes, url))
        or _meta_published(tree)
        or _time_published(tree)
    )


# ----------------------------------------------------------------------------- title, site


def _meta(tree: HtmlElement, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if value.strip():
                return " ".join(value.split())
    return None


def _squash(text: str) -> str:
    return _NOT_WORD.sub("", text.lower()).removeprefix("the")


def _site_like(part: str, sites: list[str]) -> bool:
    squashed = _squash(part)
    if not squashed:
        return True
    return any(squashed in site or site in squashed for site in sites if len(site) > 2)


def strip_site(title: str, sites: list[str]) -> str:
    """A page title without its site-name parts ("Headline | Section - The Site")."""
    title = " ".join(title.split())
    squashed_sites = [_squash(s) for s in sites if s]
    while True:
        pieces = list(_SEPARATOR.finditer(title))
        if not pieces:
            return title
        last, first = pieces[-1], pieces[0]
        tail, head = title[last.end() :], title[: first.start()]
        if _site_like(tail, squashed_sites):
            title = title[: last.start()]
        elif _site_like(head, squashed_sites):
            title = title[first.end() :]
        elif last.group().strip() == "|" and _is_label(tail, title[: last.start()]):
            title = title[: last.start()]  # "Headline | Section"
        elif first.group().strip() == "|" and _is_label(head, title[first.end() :]):
            title = title[first.end() :]  # "SECTION | Headline"
        else:
            return title


def _is_label(part: str, rest: str) -> bool:
    """A pipe-separated part short enough, beside a longer rest, to be a section label."""
    words = len(part.split())
    return words <= 4 and len(rest.split()) > words


def _headings(tree: HtmlElement) -> list[str]:
    """Texts of <h1> then <h2> elements, without the site-logo kind (a link to "/")."""
    texts = []
    for level in ("//h1", "//h2"):
        for heading in tree.xpath(level):
            if _is_logo(heading):
                continue
            text = " ".join(heading.text_content().split())
            if len(text.split()) >= 2:
                texts.append(text)
    return texts


def _is_logo(heading: HtmlElement) -> bool:
    links = heading.xpath(".//a[@href]")
    if len(links) != 1:
        return False
    path = urlsplit(links[0].get("href", "")).path
    same_text = links[0].text_content().strip() == heading.text_content().strip()
    return same_text and path in ("", "/")


def _title_parts(title: str) -> list[str]:
    return [p for p in _SEPARATOR.split(title) if len(p.split()) >= 2]


def find_title(tree: HtmlElement, node: dict | None, sites: list[str]) -> str | None:
    """The headline: a visible heading confirmed by the metadata, else the cleanest metadata title.

    A heading counts as confirmed when it equals a declared title (JSON-LD headline,
    og:title, <title>) as written or without its site name, or one separator-split
    part of one, or when it is a long heading contained in a cleaned declared title.
    """
    declared = [
        node.get("headline") if node and isinstance(node.get("headline"), str) else None,
        _meta(tree, "og:title", "twitter:title"),
        (tree.findtext(".//title") or "").strip() or None,
    ]
    declared = [" ".join(t.split()) for t in declared if t and t.strip()]
    cleaned = [strip_site(t, sites) for t in declared]
    exact = {_squash(t) for t in cleaned + declared}
    exact |= {_squash(p) for t in declared for p in _title_parts(t)}
    contained = [_squash(t) for t in cleaned]
    for heading in _headings(tree):
        key = _squash(heading)
        if key and (key in exact or (len(key) > 20 and any(key in s for s in contained))):
            return heading
    return next((t for t in cleaned if t), None)


def find_outlet(tree: HtmlElement, node: dict | None) -> str | None:
    """The site's name from og:site_name, else the JSON-LD publisher."""
    if name := _meta(tree, "og:site_name", "application-name"):
        return name
    publisher = node.get("publisher") if node else None
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return publisher["name"].strip() or None
    return None


def canonical_url(tree: HtmlElement) -> str | None:
    """The page's canonical address from <link rel=canonical> or og:url."""
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if href.startswith("http"):
            return href.strip()
    found = _meta(tree, "og:url")
    return found if found and found.startswith("http") else None


def page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Title, original publication date, outlet and canonical url read from the markup."""
    nodes = jsonld_nodes(tree)
    page_url = url or canonical_url(tree)
    node = article_node(nodes, page_url)
    outlet = find_outlet(tree, node)
    sites = [s for s in (outlet, _host_name(page_url)) if s]
    return PageMeta(
        title=find_title(tree, node, sites),
        published=find_published(tree, nodes, page_url),
        outlet=outlet,
        url=page_url,
    )


def _host_name(url: str | None) -> str | None:
    """The distinctive part of a host name: www.globalnews.ca → globalnews."""
    if not url:
        return None
    labels = urlsplit(url).netloc.lower().split(":")[0].split(".")
    labels = [x for x in labels if x not in {"www", "m", "amp", "co", "com", "org", "net"}]
    return max(labels[:-1] or labels, key=len, default=None)
