"""Recover structure that pages flatten: bullet lines become lists, title lines headings, flattened sub-lists nest again."""
from __future__ import annotations

import re

from .dom import Element as Tag, Text, new_tag
from .model import Block

# A line that opens with a bullet or an item number ("• X", "- X", "1. X", "2) X").
BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□➢►✓✔➤–—*-]|(?P<number>\d{1,2})[.)])\s+(?=\S)")
# A label set apart at the start of a line ("Local invasion: ...", "Pain or tenderness – ...").
LABEL = re.compile(r"^(?P<label>[A-Z][^:.;!?–—]{0,58}?)(?P<sep>\s*:|\s+[–—-]\s+)\s*(?=\S)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MAX_LABEL_WORDS = 7
MAX_HEADING_WORDS = 8
MAX_ITEM_WORDS = 12   # an unbulleted line after a lead-in that ends with ':' is an item up to this length,
MAX_ROW_WORDS = 30    # or up to this one when it is no sentence
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def recover_layout(root: Tag) -> None:
    """Make lists of bullet paragraphs, lead-ins of set-apart labels and, on a page with no headings
    below its title, headings of title lines: the shapes the rest of the parser reads."""
    paragraphs = [p for p in root.find_all("p") if not _in_box(p, root)]
    flat = root.find(["h2", "h3", "h4", "h5", "h6"]) is None
    run: list[tuple[Tag, bool]] = []
    lead: Tag | None = None   # the line a run of short unbulleted lines follows, when it ends with ':'
    for p in paragraphs:
        first = _first_string(p)
        opening = str(first).lstrip()[:8] if first is not None else ""
        bullet = BULLET.match(opening)
        whole = p.get_text(" ", strip=True)
        text = whole if flat or bullet else opening
        if bullet is None and lead is not None and _next_tag(run[-1][0] if run else lead) is p and _item_line(whole):
            run.append((p, False, False))   # "Symptoms may include:" then "Bone pain", "Fractures": the items of a list
            _mark_label(p)
            continue
        lead = None
        if bullet is not None:
            if run and _next_tag(run[-1][0]) is not p:
                _make_list(run)
                run = []
            _strip_prefix(p, bullet.end())
            run.append((p, bullet.group("number") is not None, True))
            _mark_label(p)
            continue
        if run:
            _make_list(run)
            run = []
        nxt = _next_tag(p)
        if whole.endswith(":") and nxt is not None and _item_line(_text(nxt)) and _item_line(_text(_next_tag(nxt))):
            lead = p   # two short lines at least: one short line before a paragraph is its heading ("Biopsy")
        if flat and _title_line(text) and _followed_by_text(p, text):
            p.name = "h2"
        else:
            _mark_label(p)
    if run:
        _make_list(run)
    for li in root.find_all("li"):
        _mark_label(li)   # "Pain or tenderness – ..." in a real list item too


def _item_line(text: str) -> bool:
    """A line that can be a list item of a lead-in before it: a few words, or a longer line that is no sentence
    (a flattened table row: "Lungs Dyspnea, cough, chest pain"); no lead-in itself."""
    words, inner = len(_WORD.findall(text)), SENTENCE_END.search(text.rstrip()[:-1]) is not None
    return 0 < words and not text.endswith(":") and not inner and \
        (words <= MAX_ITEM_WORDS or (words <= MAX_ROW_WORDS and SENTENCE_END.search(text) is None))


def _text(p: Tag | None) -> str:
    return p.get_text(" ", strip=True) if p is not None and p.name == "p" else ""


BOXES = frozenset({"li", "table", "dl"})   # containers whose paragraphs are read with them, not as lines


def _in_box(p: Tag, root: Tag) -> bool:
    """Whether p stands in a list item, table or definition list below root (one walk up, where a search
    of each container for its paragraphs read nested lists again and again)."""
    node = p.parent
    while node is not None and node is not root:
        if node.name in BOXES:
            return True
        node = node.parent
    return False


def _title_line(text: str) -> bool:
    """A short line that names a topic: a few words, an upper-case start, no sentence ending."""
    words = _WORD.findall(text)
    return (0 < len(words) <= MAX_HEADING_WORDS and len(text) <= 70 and text[:1].isupper()
            and text[-1:] not in ".,;:!" and any(len(w) > 2 for w in words)
            and len("".join(words)) >= len(text.replace(" ", "")) * 0.7)


def _followed_by_text(p: Tag, text: str) -> bool:
    nxt = _next_tag(p)
    if nxt is None:
        return False
    following = nxt.get_text(" ", strip=True)
    return len(following) > len(text) or BULLET.match(following) is not None


def _next_tag(node: Tag) -> Tag | None:
    sib = node.next_sibling
    while sib is not None and isinstance(sib, Text) and not str(sib).strip():
        sib = sib.next_sibling
    return sib if isinstance(sib, Tag) else None


def _first_string(node: Tag) -> Text | None:
    for s in node.descendants:
        if isinstance(s, Text) and str(s).strip():
            return s
    return None


def _strip_prefix(p: Tag, length: int) -> None:
    """Drop the bullet or number the line opens with (it is in its first string)."""
    first = _first_string(p)
    if first is None:
        return
    value = str(first)
    cut = BULLET.match(value)
    if cut is not None:
        first.replace_with(value[cut.end():])


EMPHASIS_TAGS = frozenset({"strong", "b", "em", "i"})


def _mark_label(p: Tag) -> None:
    """'Label: text' or 'Label – text' at the start of a plain line: the label as an emphasised lead-in."""
    first = _first_string(p)
    if first is None or first.parent is not p or any(isinstance(node, Tag) and node.name in EMPHASIS_TAGS
                                                     for node in p.descendants):
        return
    value = str(first).lstrip()
    label = LABEL.match(value)
    if label is None or len(_WORD.findall(label.group("label"))) > MAX_LABEL_WORDS:
        return
    sep, rest = label.group("sep").strip(), value[label.end():]
    strong = new_tag("strong")
    strong.string = label.group("label") + (":" if sep == ":" else "")
    first.replace_with(strong)
    strong.insert_after(((" " if sep == ":" else f" {sep} ") + rest))


def _make_list(run: list[tuple[Tag, bool, bool]]) -> None:
    """Wrap a run of neighbouring bullet paragraphs into one list, each paragraph an item; bulleted lines right
    under an unbulleted line of the run ("Micrometastases: 0.2 to 2 mm" then "- Found by IHC") are its sub-list."""
    first = run[0][0]
    lst = new_tag("ol" if all(numbered for _, numbered, _ in run) else "ul")
    first.insert_before(lst)
    nests = not run[0][2] and any(bulleted for _, _, bulleted in run)
    owner, sub = None, None
    for p, _, bulleted in run:
        p.extract()
        p.name = "li"
        if nests and bulleted and owner is not None:
            if sub is None:
                sub = new_tag("ul")
                owner.append(sub)
            sub.append(p)
            continue
        lst.append(p)
        label = LABEL.match(p.get_text(" ", strip=True)) if not bulleted else None
        owner, sub = (p if label and label.group("sep").strip() == ":" else None), None


def _signature(item: Block) -> tuple[str, bool]:
    return (item.lead_tag, item.lead_block)


def nest_flat_items(items: list[Block]) -> None:
    """Rebuild sub-lists that WordPress flattened into one list.

    An item that introduces others (its text ends with ':' or it is only a lead-in) takes the
    items after it as children, until an item shaped like itself (same lead-in style) comes.
    """
    header: Block | None = None
    for item in items:
        body = item.text[item.body_start - item.start:].strip()
        if header is not None:
            if header.lead and _signature(item) == _signature(header):
                header = None
            else:
                item.parent = header
                continue
        if body.endswith(":") or (item.lead and item.lead_block and not body):
            header = item
