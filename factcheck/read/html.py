"""HTML pages: the article's main text, without scripts, menus, cookie banners and other page furniture."""

from __future__ import annotations

import re

from factcheck.domain import Document
from factcheck.read.text import normalise_text

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "select",
    "nav", "header", "footer", "aside", "figure", "figcaption", "head",
)  # fmt: skip
_FURNITURE = re.compile(
    r"cookie|consent|gdpr|banner|menu|navbar|nav-|breadcrumb|footer|header|sidebar|subscribe|newsletter|"
    r"share|social|comment|related|recommend|advert|promo|paywall|popup|modal|masthead",
    re.IGNORECASE,
)
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, dd, dt"
_META_DATES = (
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]',
)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)")


def _attr(node: object, name: str) -> str | None:
    attributes = getattr(node, "attributes", None) or {}
    value = attributes.get(name)
    return value if isinstance(value, str) else None


def _published(tree: object) -> str | None:
    for selector in _META_DATES:
        node = tree.css_first(selector)  # type: ignore[attr-defined]
        content = _attr(node, "content") if node is not None else None
        if content and (match := _ISO_PREFIX.match(content.strip())):
            return match.group(1)
    node = tree.css_first("time[datetime]")  # type: ignore[attr-defined]
    if (
        node is not None
        and (value := _attr(node, "datetime"))
        and (match := _ISO_PREFIX.match(value.strip()))
    ):
        return match.group(1)
    return None


def _remove_furniture(root: object) -> None:
    for tag in _DROP_TAGS:
        for node in root.css(tag):  # type: ignore[attr-defined]
            node.decompose()
    for node in root.css("[class], [id], [role]"):  # type: ignore[attr-defined]
        marker = " ".join(filter(None, (_attr(node, "class"), _attr(node, "id"), _attr(node, "role"))))
        if _FURNITURE.search(marker) and node.tag not in ("html", "body", "article", "main"):
            node.decompose()


def parse_html(markup: str, origin: str) -> Document:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(markup)
    title_node = tree.css_first('meta[property="og:title"]')
    title = _attr(title_node, "content") if title_node is not None else None
    if not title and (node := tree.css_first("title")) is not None:
        title = node.text(strip=True) or None
    outlet_node = tree.css_first('meta[property="og:site_name"]')
    outlet = _attr(outlet_node, "content") if outlet_node is not None else None
    lang_node = tree.css_first("html")
    declared = (_attr(lang_node, "lang") or "").split("-")[0].lower() if lang_node is not None else ""
    published = _published(tree)

    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return Document(text="", origin=origin, title=title, outlet=outlet, published=published)
    _remove_furniture(root)
    blocks = []
    for node in root.css(_BLOCKS):
        # Keep the innermost block only, so nothing is said twice (lexbor's css() includes the node itself).
        if len(node.css(_BLOCKS)) > 1:
            continue
        line = " ".join(node.text(separator=" ").split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(root.text(separator=" ").split())]
    text = normalise_text("\n\n".join(blocks))
    language = declared if declared in ("sv", "nb", "da", "en", "de", "fr", "es") else None
    return Document(
        text=text, origin=origin, title=title, outlet=outlet, published=published, language=language
    )
