"""The text of a saved web page (.html): the protocol a municipality publishes on its site,
without the site around it.

A page saved from a browser holds the site's menu, cookie banner, breadcrumbs and footer around
the protocol. The page's main content is read when it marks one (``<main>``, ``role="main"``);
otherwise everything but the navigation, the banners and the site's header and footer. The text
comes out as the other formats give it: headings as ``#`` lines, list entries as ``- `` or with
their numbers, table rows with tab-separated cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from knowledge.ingest.tables import Cell, table_lines

_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "source", "wbr", "area", "base"}
# Never text a reader sees on the page.
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select"}
# The site around the content: dropped when the page does not mark its main content.
_SITE = {"nav", "header", "footer", "aside", "form"}
# Site furniture by the names web publishing tools give it.
_FURNITURE = re.compile(
    r"cookie|breadcrumb|br[oö]dsmul|share|dela-?sidan|social|skip-?link|sr-only|visually-?hidden",
    re.IGNORECASE,
)
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "address", "figure",
    "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
    "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "details", "summary",
}  # fmt: skip
# An open element of these closes when the next of its kind (or its parent's end) comes.
_IMPLIED_END = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
                "tr": {"tr"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unclosed paragraphs, list entries and cells end where the
    next one starts, and a stray end tag is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("document")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = {open_tag for open_tag, ends in _IMPLIED_END.items() if tag in ends}
        while len(self._stack) > 1 and self._stack[-1].tag in closes:
            self._stack.pop()
        node = _Node(tag, {name: value or "" for name, value in attrs})
        self._stack[-1].children.append(node)
        if tag not in _VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(_Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def page_text(data: bytes) -> str:
    """The readable text of an HTML page's bytes."""
    builder = _TreeBuilder()
    builder.feed(_decode(data))
    builder.close()
    main = _find_main(builder.root)
    writer = _Writer(keep_site=main is not None)
    writer.block(main or builder.root)
    return "\n".join(writer.lines)


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def _find_main(node: _Node) -> _Node | None:
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == "main" or child.attrs.get("role") == "main":
                return child
            found = _find_main(child)
            if found is not None:
                return found
    return None


def _skipped(node: _Node, keep_site: bool) -> bool:
    if node.tag in _HIDDEN or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if node.tag == "nav" or node.attrs.get("role") == "navigation":
        return True  # menus and breadcrumbs, inside the main content too
    if not keep_site and (node.tag in _SITE or node.attrs.get("role") == "banner"):
        return True
    names = f"{node.attrs.get('id', '')} {node.attrs.get('class', '')}"
    return bool(_FURNITURE.search(names))


class _Writer:
    """Walks the tree and writes its lines; inline text gathers until a block ends it."""

    def __init__(self, keep_site: bool) -> None:
        self.lines: list[str] = []
        self._keep_site = keep_site
        self._inline: list[str] = []
        self._prefix = ""

    def block(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self._inline.append(child)
            elif not _skipped(child, self._keep_site):
                self._element(child)

    def _element(self, node: _Node) -> None:
        tag = node.tag
        if tag not in _BLOCK:
            self.block(node)
        elif tag == "br":
            self._flush()
        elif tag == "table":
            self._flush()
            self.lines.extend(table_lines(self._rows(node)))
            self._end_paragraph()
        elif tag in ("ul", "ol"):
            self._flush()
            self._list(node)
            self._end_paragraph()
        elif tag[0] == "h" and tag[1:].isdigit():
            self._flush()
            self._prefix = "#" * int(tag[1]) + " "
            self.block(node)
            self._end_paragraph()
        elif tag == "dt":
            self._flush()
            self.block(node)
            if not "".join(self._inline).rstrip().endswith(":"):
                self._inline.append(": ")  # "Datum" above its value reads "Datum: …"
        elif tag == "dd":
            self.block(node)
            self._flush()
        elif tag == "pre":
            self._flush()
            self.lines.extend(_text_of(node).splitlines())
            self._end_paragraph()
        elif tag in ("li", "tr", "td", "th", "caption", "summary"):
            self._flush()
            self.block(node)
            self._flush()
        else:
            self._flush()
            self.block(node)
            self._end_paragraph()

    def _list(self, node: _Node) -> None:
        ordered = node.tag == "ol"
        number = int(node.attrs.get("start", "1") or 1) if ordered else 0
        lettered = node.attrs.get("type", "") in ("a", "A")
        for child in node.children:
            if not isinstance(child, _Node) or child.tag != "li":
                if isinstance(child, _Node) and not _skipped(child, self._keep_site):
                    self._element(child)
                continue
            if lettered:
                self._prefix = f"{chr(ord('a') + number - 1)}) "
            else:
                self._prefix = f"{number}. " if ordered else "- "
            number += 1
            self.block(child)
            self._end_block()

    def _rows(self, table: _Node) -> list[list[Cell]]:
        rows: list[list[Cell]] = []
        for row in _descendants(table, "tr", stop="table"):
            cells = [
                cell
                for cell in row.children
                if isinstance(cell, _Node) and cell.tag in ("td", "th")
            ]
            rows.append([self._cell(cell) for cell in cells])
        return rows

    def _cell(self, cell: _Node) -> Cell:
        writer = _Writer(self._keep_site)
        writer.block(cell)
        writer._flush()
        return [" ".join(line.split()) for line in writer.lines if line.strip()]

    def _flush(self) -> None:
        """Write the gathered text as a line; a heading's or list entry's prefix waits for
        its first text (an entry whose text is in a paragraph of its own)."""
        text = " ".join("".join(self._inline).replace("\xa0", " ").split())
        if text:
            self.lines.append(self._prefix + text)
            self._prefix = ""
        self._inline = []

    def _end_paragraph(self) -> None:
        """A paragraph ends in a blank line, as a browser shows the space between them."""
        self._end_block()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def _end_block(self) -> None:
        self._flush()
        self._prefix = ""


def _descendants(node: _Node, tag: str, stop: str) -> list[_Node]:
    """``tag`` elements under ``node``, not looking inside a nested ``stop`` element."""
    found: list[_Node] = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                found.append(child)
            elif child.tag != stop:
                found.extend(_descendants(child, tag, stop))
    return found


def _text_of(node: _Node) -> str:
    return "".join(
        child if isinstance(child, str) else _text_of(child) for child in node.children
    ).replace("\xa0", " ")
