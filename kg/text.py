"""Cut a post's HTML into sections, blocks (paragraphs, list items, FAQ pairs) and sentences."""
from __future__ import annotations

import re

from . import dom
from .clean import sanitize
from .dom import Element as Tag, Text
from .layout import nest_flat_items, recover_layout
from .sentences import split_sentences
from .model import Block, Document, Post, Section, Sentence

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
EMPHASIS = {"strong": "strong", "b": "strong", "em": "em", "i": "em"}
SKIP = {"script", "style", "noscript", "template", "svg", "figure", "iframe", "button", "form"}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
# Sections that hold citations and links rather than statements.
BACK_MATTER = re.compile(r"^\s*(references?|bibliography|sources|citations|notes|footnotes|see also|external links|"
                         r"further reading|related (posts|articles)|share this|comments?)\s*(\[edit\])?\s*$", re.I)
_LEAD_SEPARATOR = re.compile(r"(:)|\s+[–—-]\s")   # what sets a lead-in apart from the text after it
_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s*", re.I)


def parse_post(post: Post) -> Document:
    """The post's plain text with its sections, blocks and sentences (offsets into that text)."""
    builder = _Builder(post)
    soup = dom.parse(post.html)
    recover_layout(soup.body or soup)
    builder.walk(soup.body or soup)
    return builder.finish()


def _clean(text: str) -> str:
    """Runs of spaces as one space, lines trimmed, empty lines dropped; nothing an export cannot hold."""
    text = sanitize(text)   # (character references such as &#1; reach the text only through the parser)
    if "  " in text or not text.isascii() or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _SPACE.sub(" ", text)   # (a plain scan for the few characters first: most texts need nothing)
    if "\n" not in text:
        return text.strip()
    return "\n".join([line for line in map(str.strip, text.split("\n")) if line])


_LINE_TAGS = frozenset({"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt"})


def _inline_text(node: Tag | Text, skip_lists: bool = True) -> str:
    """Text of an element with <br> as a line break and block children on their own lines."""
    if isinstance(node, Text):
        return str(node) if _is_text(node) else ""   # not comments, doctypes and the like
    out: list[str] = []
    _inline_parts(node, skip_lists, out)
    return "".join(out)


def _inline_parts(node: Tag, skip_lists: bool, out: list[str]) -> None:
    # A stack, not recursion, so that markup nested thousands deep is read like any other. It holds
    # elements still to read and strings to write (text, and the line edge that closes an element).
    stack: list = [node]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        if isinstance(item, str):
            out.append(item)
            continue
        name = item.name
        if name in SKIP or (skip_lists and name in ("ul", "ol")):
            continue
        if name == "br":
            out.append("\n")
            continue
        edge = "\n" if name in _LINE_TAGS else " " if name in ("td", "th") else ""
        if edge:
            out.append(edge)
            push(edge)
        for child in reversed(item.contents):
            if _is_text(child) or not isinstance(child, Text):
                push(child)


def _is_text(node) -> bool:
    """A piece of text, as get_text counts it: not a comment or processing instruction."""
    return type(node) is Text


def _strings(node: Tag, out: list[str]) -> list[str]:
    """The text pieces under node in document order, as Tag.get_text gathers them."""
    stack = list(reversed(node.contents))
    while stack:
        child = stack.pop()
        if _is_text(child):
            out.append(child)
        elif type(child) is Tag:
            stack.extend(reversed(child.contents))
    return out


def _spaced_text(node: Tag) -> str:
    """node.get_text(" "), gathered without a generator."""
    return " ".join(_strings(node, []))


def _has_text(node: Tag) -> bool:
    """Whether any text under node is more than white space."""
    stack = [node]
    while stack:
        for child in stack.pop().contents:
            if _is_text(child):
                if child.strip():
                    return True
            elif type(child) is Tag:
                stack.append(child)
    return False


def _first_meaningful(node: Tag) -> Tag | Text | None:
    """The first child holding text, descending through a lone wrapping <p>/<span>."""
    wrapper = None   # the wrapper descended into last: the answer when nothing inside it qualifies
    while True:
        for child in node.contents:
            if isinstance(child, Text):
                if str(child).strip():
                    return child
                continue
            if child.name in ("ul", "ol") or child.name in SKIP:
                continue
            if child.name in ("p", "span", "div") and _has_text(child):
                wrapper = node = child
                break
            if child.name == "br" or _has_text(child):
                return child
        else:
            return wrapper


def _lead_in(node: Tag) -> tuple[str, str, bool]:
    """The emphasised term an item or paragraph opens with: (text, tag, stands on its own line)."""
    first = _first_meaningful(node)
    if not isinstance(first, Tag) or first.name not in EMPHASIS:
        return "", "", False
    lead = _clean(_spaced_text(first)).replace("\n", " ")
    if not lead:
        return "", "", False
    # What follows the lead-in: a line break or nothing makes it a sub-heading.
    standalone = True
    sib = first.next_sibling
    while sib is not None:
        if isinstance(sib, Text):
            s = str(sib).strip()
            if s in ("", ":"):
                sib = sib.next_sibling
                continue
            standalone = False
        elif sib.name != "br":
            standalone = bool(sib.name in ("ul", "ol"))
        break
    return lead, EMPHASIS[first.name], standalone


class _Builder:
    def __init__(self, post: Post):
        self.post = post
        self.parts: list[str] = []
        self.length = 0
        root = Section(heading="", level=0, start=0)
        self.sections = [root]
        self.current = root
        self.blocks: list[Block] = []
        self.list_count = 0
        self.skipping = 0   # level of a back-matter heading (References, See also) being skipped

    # -- text accumulation -------------------------------------------------
    def _append(self, text: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    # -- walking -----------------------------------------------------------
    def walk(self, node: Tag) -> None:
        # A stack of the open containers' children, not recursion: nesting depth costs nothing.
        stack = [iter(node.contents)]
        while stack:
            for child in stack[-1]:
                if self.skipping and not (isinstance(child, Tag) and (child.name in HEADINGS or _has_heading(child))):
                    continue
                if isinstance(child, Text):
                    text = _clean(str(child)) if type(child) is Text else ""
                    if text:
                        self._paragraph_text(text, "", "", False)
                    continue
                name = child.name
                if name in SKIP:
                    continue
                if name in HEADINGS:
                    self._heading(child, HEADINGS[name])
                elif name in ("ul", "ol"):
                    self._list(child, parent=None)
                elif name == "p":
                    self._paragraph(child)
                elif name == "table":
                    for row in child.find_all("tr"):  # tables are rare; find_all is fine here
                        text = _clean(" ".join(_inline_text(c) for c in row.find_all(["td", "th"])))
                        if text:
                            self._paragraph_text(text, "", "", False)
                elif name == "dl":
                    self._glossary(child)
                elif any(isinstance(c, Tag) and (c.name in HEADINGS or c.name in ("p", "ul", "ol", "div", "table"))
                         for c in child.contents):
                    stack.append(iter(child.contents))
                    break
                else:
                    self._paragraph(child)
            else:
                stack.pop()

    def _glossary(self, node: Tag) -> None:
        """A definition list: each term with its description, the term as the block's lead-in."""
        term = ""
        for item in _tags(node):
            text = _clean(_inline_text(item)).replace("\n", " ") if item.name in ("dt", "dd") else ""
            if item.name == "dt":
                term = text
            elif item.name == "dd" and text:
                if not term:
                    self._paragraph_text(text, "", "", False)
                    continue
                start, end = self._append(f"{term}\n{text}")
                block = Block(kind="definition", text=f"{term}\n{text}", start=start, end=end, section=self.current,
                              lead=term, lead_end=start + len(term), lead_block=True, lead_apart=True)
                self.blocks.append(block)

    def _heading(self, node: Tag, level: int) -> None:
        text = _clean(_inline_text(node)).replace("\n", " ")
        if not text:
            return
        if self.skipping and level > self.skipping:
            return
        self.skipping = level if BACK_MATTER.match(text) else 0
        if self.skipping:
            return
        parent = self.current
        while parent.level >= level:
            parent = parent.parent
        self.current.end = self.length
        start, end = self._append(text)
        section = Section(heading=text, level=level, start=start, parent=parent)
        self.sections.append(section)
        self.current = section
        self.blocks.append(Block(kind="heading", text=text, start=start, end=end, section=section))

    def _paragraph(self, node: Tag) -> None:
        text = _clean(_inline_text(node))
        if not text:
            return
        lead, tag, standalone = _lead_in(node)
        question = _QUESTION.match(lead) if lead else None
        if question and lead.rstrip().endswith("?"):
            self._faq(text, lead)
            return
        self._paragraph_text(text, lead, tag, standalone)

    def _paragraph_text(self, text: str, lead: str, tag: str, standalone: bool) -> None:
        start, end = self._append(text)
        block = Block(kind="paragraph", text=text, start=start, end=end, section=self.current)
        self._set_lead(block, lead, tag, standalone)
        self.blocks.append(block)

    def _faq(self, text: str, lead: str) -> None:
        start, end = self._append(text)
        question = _QUESTION.sub("", lead).strip()
        block = Block(kind="faq", text=text, start=start, end=end, section=self.current, lead=question)
        i = text.find(lead)
        block.lead_end = start + (i + len(lead) if i >= 0 else 0)
        block.lead_apart = True
        self.blocks.append(block)

    @staticmethod
    def _set_lead(block: Block, lead: str, tag: str, standalone: bool) -> None:
        if not lead or not block.text.startswith(lead):
            return
        end = len(lead)
        apart = _LEAD_SEPARATOR.match(block.text, end)
        if apart is not None:
            end = apart.end() if apart.group(1) == ":" else end
        block.lead = lead.rstrip(":").strip()
        block.lead_end = block.start + end
        block.lead_tag = tag
        block.lead_block = standalone
        block.lead_apart = standalone or apart is not None or lead.rstrip().endswith(":")

    def _list(self, node: Tag, parent: Block | None) -> None:
        # Lists nested in items are read from a stack of the lists being read, not by recursion.
        stack = [self._list_items(node, parent)]
        while stack:
            nested = next(stack[-1], None)
            if nested is None:
                stack.pop()
            else:
                stack.append(self._list_items(*nested))

    def _list_items(self, node: Tag, parent: Block | None):
        """Read a list's items; yields each list nested in an item (with its parent item) to be read next."""
        self.list_count += 1
        list_id = self.list_count
        ordered = node.name == "ol"
        intro = None
        if parent is None and self.blocks and self.blocks[-1].kind == "paragraph" \
                and self.blocks[-1].section is self.current:
            intro = self.blocks[-1]
        items: list[Block] = []
        for li in (c for c in _tags(node) if c.name == "li"):
            text = _clean(_inline_text(li))
            block = None
            if text:
                lead, tag, standalone = _lead_in(li)
                start, end = self._append(text)
                block = Block(kind="item", text=text, start=start, end=end, section=self.current,
                              list_id=list_id, ordered=ordered, index=len(items), parent=parent, intro=intro)
                self._set_lead(block, lead, tag, standalone)
                block.emphasis = _emphasis_spans(li, text, start)
                self.blocks.append(block)
                items.append(block)
            for child in _tags(li):
                if child.name in ("ul", "ol"):
                    yield child, block or parent
                elif child.name in ("p", "div"):
                    for sub in _tags(child):
                        if sub.name in ("ul", "ol"):
                            yield sub, block or parent
        if parent is None:
            nest_flat_items(items)

    def finish(self) -> Document:
        self.current.end = self.length
        for section in self.sections:
            if section.end < 0:
                section.end = self.length
        text = "".join(self.parts)
        sentences = []
        for block in self.blocks:
            for s_text, s_start, s_end in split_sentences(block.text, block.start):
                sentences.append(Sentence(text=s_text, start=s_start, end=s_end, block=block))
        return Document(post=self.post, text=text, sections=self.sections, blocks=self.blocks,
                        sentences=sentences)


def _emphasis_spans(node: Tag, text: str, offset: int) -> list[tuple[int, int]]:
    """Offsets of the bold and italic runs of an element within its cleaned text."""
    spans, pos = [], 0
    for tag in _emphasised(node):
        run = _clean(_spaced_text(tag)).replace("\n", " ")
        i = text.find(run, pos) if run else -1
        if i >= 0:
            spans.append((offset + i, offset + i + len(run)))
            pos = i + len(run)
    return spans


def _has_heading(node: Tag) -> bool:
    return any(True for _ in node.find_all(list(HEADINGS), limit=1))


def _tags(node: Tag) -> list[Tag]:
    return [c for c in node.contents if isinstance(c, Tag)]


def _emphasised(node: Tag, out: list[Tag] | None = None) -> list[Tag]:
    """Bold and italic elements of an item, not those of lists nested in it."""
    out = [] if out is None else out
    stack = list(reversed(node.contents))
    while stack:
        child = stack.pop()
        if not isinstance(child, Tag):
            continue
        if child.name in EMPHASIS:
            out.append(child)
        elif child.name not in ("ul", "ol"):
            stack.extend(reversed(child.contents))
    return out
