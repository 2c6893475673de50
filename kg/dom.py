"""A small HTML tree parsed by lxml: the few reads and edits that the text reader and layout recovery make."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from lxml import etree


class Text(str):
    """A run of text in the tree (a str that knows its parent element)."""

    parent: Element | None = None

    def replace_with(self, new: str | Element) -> Text | Element:
        return self.parent.replace_child(self, new)

    @property
    def next_sibling(self) -> Text | Element | None:
        return self.parent.after(self) if self.parent is not None else None

    @property
    def name(self) -> None:
        return None


class Comment(Text):
    """A comment or processing instruction: in the tree between the texts, never read as text."""


class Code(Text):
    """The text of a script, style sheet or template: never read as text."""


CODE = frozenset({"script", "style", "template"})   # elements whose text is code, not prose


class Element:
    """An element: its tag name, attributes and children (texts and elements, in document order)."""

    __slots__ = ("name", "attrs", "contents", "parent")

    def __init__(self, name: str, attrs: dict[str, str] | None = None, parent: Element | None = None):
        self.name = name
        self.attrs = attrs or {}
        self.contents: list[Text | Element] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"<{self.name}>"

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrs.get(key, default)

    # -- reading ------------------------------------------------------------
    @property
    def descendants(self) -> Iterator[Text | Element]:
        """Every text and element below this one, in document order."""
        stack = list(reversed(self.contents))
        while stack:
            node = stack.pop()
            yield node
            if type(node) is Element:
                stack.extend(reversed(node.contents))

    def find_all(self, names: str | Iterable[str] | bool = True, limit: int | None = None) -> list[Element]:
        """The elements below this one with one of the names (any element for True), in document order."""
        wanted = None if names is True else {names} if isinstance(names, str) else set(names)
        found = []
        for node in self.descendants:
            if type(node) is Element and (wanted is None or node.name in wanted):
                found.append(node)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def find(self, names: str | Iterable[str]) -> Element | None:
        found = self.find_all(names, limit=1)
        return found[0] if found else None

    @property
    def body(self) -> Element | None:
        return self.find("body")

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        """The texts below this element joined by the separator (each stripped, empty ones left out, with strip)."""
        texts = [str(node) for node in self.descendants if type(node) is Text]
        if strip:
            texts = [t for t in (t.strip() for t in texts) if t]
        return separator.join(texts)

    @property
    def next_sibling(self) -> Text | Element | None:
        return self.parent.after(self) if self.parent is not None else None

    def after(self, child: Text | Element) -> Text | Element | None:
        """The child that follows the given one, if any."""
        i = self._index(child) + 1
        return self.contents[i] if i < len(self.contents) else None

    def _index(self, child: Text | Element) -> int:
        for i, node in enumerate(self.contents):
            if node is child:
                return i
        raise ValueError(f"{child!r} is not a child of {self!r}")

    # -- editing ------------------------------------------------------------
    def _adopt(self, node: str | Element) -> Text | Element:
        if not isinstance(node, (Text, Element)):
            node = Text(node)
        if node.parent is not None:
            node.parent.contents.pop(node.parent._index(node))
        node.parent = self
        return node

    def replace_child(self, old: Text | Element, new: str | Element) -> Text | Element:
        new = self._adopt(new)
        self.contents[self._index(old)] = new
        old.parent = None
        return new

    def replace_with(self, new: str | Element) -> Text | Element:
        return self.parent.replace_child(self, new)

    def insert_after(self, new: str | Element) -> None:
        parent = self.parent
        new = parent._adopt(new)
        parent.contents.insert(parent._index(self) + 1, new)

    def insert_before(self, new: str | Element) -> None:
        parent = self.parent
        new = parent._adopt(new)
        parent.contents.insert(parent._index(self), new)

    def append(self, new: str | Element) -> None:
        self.contents.append(self._adopt(new))

    def extract(self) -> Element:
        if self.parent is not None:
            self.parent.contents.pop(self.parent._index(self))
            self.parent = None
        return self

    @property
    def string(self) -> str:
        return self.get_text()

    @string.setter
    def string(self, value: str) -> None:
        for node in self.contents:
            node.parent = None
        self.contents = []
        self.append(value)


def new_tag(name: str) -> Element:
    """A new element, in no tree yet."""
    return Element(name)


def parse(html: str) -> Element:
    """The document tree of an HTML page or fragment, as lxml's HTML parser reads it (any depth of nesting:
    the parser's events build the tree, where lxml's own tree stops at libxml2's depth limit)."""
    builder = _TreeBuilder()
    parser = etree.HTMLParser(target=builder)
    try:
        parser.feed(html)
    except ValueError:   # a str that declares its encoding ("<?xml ... encoding=...?>")
        builder = _TreeBuilder()
        parser = etree.HTMLParser(target=builder, encoding="utf-8")
        parser.feed(html.encode("utf-8"))
    try:
        return parser.close()
    except etree.XMLSyntaxError:   # nothing to read
        return builder.close()


class _TreeBuilder:
    """The target of lxml's parser events: elements opened and closed, texts and comments between them."""

    def __init__(self):
        self.document = self.current = Element("[document]")
        self.pending: list[str] = []
        self.kinds: list[tuple[type, bool]] = [(Text, False)]   # per open element: its text class, in a <pre>

    def start(self, tag: str, attrib) -> None:
        self._flush()
        node = Element(tag, dict(attrib), self.current)
        self.current.contents.append(node)
        self.current = node
        kind, keep = self.kinds[-1]
        self.kinds.append((Code if tag in CODE else kind, keep or tag in PRESERVE))

    def end(self, tag: str) -> None:
        self._flush()
        if self.current.parent is not None:
            self.current = self.current.parent
            self.kinds.pop()

    def data(self, text: str) -> None:
        self.pending.append(text)

    def comment(self, text: str) -> None:
        self._flush()
        self.current.contents.append(_text(Comment(text), self.current))

    def pi(self, target: str, data: str | None = None) -> None:
        self._flush()
        self.current.contents.append(_text(Comment(f"{target} {data or ''}".strip()), self.current))

    def close(self) -> Element:
        self._flush()
        return self.document

    def _flush(self) -> None:
        if self.pending:
            kind, keep = self.kinds[-1]
            self.current.contents.append(_text(kind(_spaces("".join(self.pending), keep)), self.current))
            self.pending = []


PRESERVE = frozenset({"pre", "textarea"})   # elements whose white space is kept as written
_ASCII_SPACE = str.maketrans("", "", " \n\t\f\r")


def _spaces(value: str, keep: bool) -> str:
    """Text that is only white space as one newline (or one space when it has none), as BeautifulSoup reads it."""
    if keep or value.translate(_ASCII_SPACE):
        return value
    return "\n" if "\n" in value else " "


def _text(node: Text, parent: Element) -> Text:
    node.parent = parent
    return node


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})   # elements written without an end tag


def to_html(node: Element) -> str:
    """The element written back as HTML (texts and attribute values escaped, comments kept); a document as
    its children."""
    out: list[str] = []
    stack: list = list(reversed(node.contents)) if node.parent is None and node.name == "[document]" else [node]
    while stack:
        item = stack.pop()
        if type(item) is str:   # an end tag waiting its turn
            out.append(item)
        elif type(item) is Comment:
            out.append(f"<!--{item}-->")
        elif isinstance(item, Text):
            out.append(item if type(item) is Code else escape(item, quote=False))
        else:
            attrs = "".join(f' {key}="{escape(value)}"' for key, value in item.attrs.items())
            out.append(f"<{item.name}{attrs}>")
            if item.name not in VOID:
                stack.append(f"</{item.name}>")
                stack.extend(reversed(item.contents))
    return "".join(out)
