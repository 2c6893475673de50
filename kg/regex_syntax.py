"""A reader of Python's regex syntax: the syntax tree the standard parser builds, from public means only."""
from __future__ import annotations

import re
import sys
import unicodedata

# syntax() builds the tree that Python's own regex parser builds (the same nodes, with the same
# simplifications: non-capturing groups unpacked, common prefixes of alternatives moved out,
# alternatives of single characters made a class), its node types named by strings. It reads a
# pattern that re.compile accepted; what it does not follow (verbose patterns) raises Unknown.
_SPECIAL = ".\\[{()*+?^$|"
_MANY = 1 << 32   # an unbounded repeat
_LETTER_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_CATEGORY_ESCAPES = {"d": "DIGIT", "D": "NOT_DIGIT", "s": "SPACE", "S": "NOT_SPACE", "w": "WORD", "W": "NOT_WORD"}
_AT_ESCAPES = {"A": "BEGINNING_STRING", "b": "BOUNDARY", "B": "NON_BOUNDARY", "Z": "END_STRING"}
_FLAGS = {"i": re.I, "L": re.L, "m": re.M, "s": re.S, "x": re.X, "a": re.A, "u": re.U}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class Unknown(Exception):
    """Syntax this reader does not follow."""


class _Seq(list):
    """A sequence of nodes; like the regex parser's own, two are equal only if they are one."""

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__


class _Source:
    def __init__(self, pattern: str):
        self.text, self.i, self.groups = pattern, 0, 0

    def peek(self) -> str | None:
        return self.text[self.i] if self.i < len(self.text) else None

    def take(self) -> str:
        if self.i >= len(self.text):
            raise Unknown("unexpected end")
        self.i += 1
        return self.text[self.i - 1]

    def match(self, s: str) -> bool:
        if self.text.startswith(s, self.i):
            self.i += len(s)
            return True
        return False

    def digits(self, n: int, allowed: str) -> str:
        found = ""
        while len(found) < n and self.peek() is not None and self.peek() in allowed:
            found += self.take()
        return found


def syntax(regex: re.Pattern) -> list:
    """The syntax tree of a compiled regex (see above); raises _Unknown for syntax not followed."""
    if regex.flags & re.X:
        raise Unknown("verbose")
    source = _Source(regex.pattern)
    tree = _alternatives(source, top=True)
    if source.peek() is not None:
        raise Unknown("unbalanced parenthesis")
    return tree


def _alternatives(source: _Source, top: bool = False) -> _Seq:
    items = [_sequence(source, first=top)]
    while source.match("|"):
        items.append(_sequence(source))
    if len(items) == 1:
        return items[0]
    out = _Seq()
    while all(items) and all(item[0] == items[0][0] for item in items):   # a common prefix moves out
        prefix = items[0][0]
        for item in items:
            del item[0]
        out.append(prefix)
    chars: list = []
    for item in items:
        if len(item) != 1 or not (item[0][0] == "LITERAL" or (item[0][0] == "IN" and item[0][1][0][0] != "NEGATE")):
            out.append(("BRANCH", (None, items)))
            return out
        chars.extend([item[0]] if item[0][0] == "LITERAL" else item[0][1])
    out.append(("IN", list(dict.fromkeys(chars))))   # single characters: a class
    return out


def _sequence(source: _Source, first: bool = False) -> _Seq:
    out = _Seq()
    while source.peek() is not None and source.peek() not in "|)":
        ch = source.take()
        if ch == "\\":
            out.append(_escape(source, in_class=False))
        elif ch not in _SPECIAL:
            out.append(("LITERAL", ord(ch)))
        elif ch == "[":
            out.append(_class(source))
        elif ch in "*+?{":
            _repeat(source, ch, out)
        elif ch == ".":
            out.append(("ANY", None))
        elif ch == "(":
            _group(source, out, first)
        else:
            out.append(("AT", "BEGINNING" if ch == "^" else "END"))
    for i in reversed(range(len(out))):   # non-capturing groups without flags are unpacked
        op, av = out[i]
        if op == "SUBPATTERN" and av[0] is None and not av[1] and not av[2]:
            out[i:i + 1] = av[3]
    return out


def _escape(source: _Source, in_class: bool) -> tuple:
    ch = source.take()
    if ch in _LETTER_ESCAPES and (in_class or ch != "b"):
        return "LITERAL", _LETTER_ESCAPES[ch]
    if ch in _CATEGORY_ESCAPES:
        return "IN", [("CATEGORY", _CATEGORY_ESCAPES[ch])]
    if ch in _AT_ESCAPES and not in_class:
        return "AT", _AT_ESCAPES[ch]
    if ch == "N" and source.match("{"):
        end = source.text.find("}", source.i)
        try:
            code = ord(unicodedata.lookup(source.text[source.i:end]))
        except (KeyError, TypeError):
            raise Unknown("character name") from None
        source.i = end + 1
        return "LITERAL", code
    if ch in "01234567" and (in_class or ch == "0"):   # an octal escape
        return "LITERAL", int(ch + source.digits(2, "01234567"), 8)
    if ch in "123456789" and not in_class:   # a group reference, or an octal escape of three digits
        digits = ch + source.digits(1, "0123456789")
        if len(digits) == 2 and ch in "01234567" and digits[1] in "01234567" and source.peek() in tuple("01234567"):
            return "LITERAL", int(digits + source.take(), 8)
        return "GROUPREF", int(digits)
    width = {"x": 2, "u": 4, "U": 8}.get(ch)
    if width:
        code = source.digits(width, "0123456789abcdefABCDEF")
        if len(code) != width or int(code, 16) > sys.maxunicode:
            raise Unknown("bad escape")
        return "LITERAL", int(code, 16)
    if ch.isascii() and ch.isalnum():
        raise Unknown("bad escape")
    return "LITERAL", ord(ch)


def _class(source: _Source) -> tuple:
    negate = source.match("^")
    items: list = []
    while True:
        ch = source.take()
        if ch == "]" and items:
            break
        code = _escape(source, in_class=True) if ch == "\\" else ("LITERAL", ord(ch))
        if source.match("-"):
            that = source.take()
            if that == "]":
                items += [code[1][0] if code[0] == "IN" else code, ("LITERAL", ord("-"))]
                break
            code2 = _escape(source, in_class=True) if that == "\\" else ("LITERAL", ord(that))
            if code[0] != "LITERAL" or code2[0] != "LITERAL" or code2[1] < code[1]:
                raise Unknown("bad range")
            items.append(("RANGE", (code[1], code2[1])))
        else:
            items.append(code[1][0] if code[0] == "IN" else code)
    items = list(dict.fromkeys(items))
    if len(items) == 1 and items[0][0] == "LITERAL":
        return ("NOT_LITERAL", items[0][1]) if negate else items[0]
    return "IN", [("NEGATE", None)] + items if negate else items


def _repeat(source: _Source, ch: str, out: _Seq) -> None:
    low, high = {"?": (0, 1), "*": (0, _MANY), "+": (1, _MANY)}.get(ch, (0, _MANY))
    if ch == "{":
        here = source.i
        lo = source.digits(len(source.text), "0123456789")
        hi = source.digits(len(source.text), "0123456789") if source.match(",") else lo
        if not source.match("}") or source.i == here + 1:   # not a repeat: a literal "{"
            source.i = here
            out.append(("LITERAL", ord("{")))
            return
        low, high = int(lo or 0), int(hi) if hi else _MANY
    if not out or out[-1][0] == "AT" or out[-1][0] in _REPEATS:
        raise Unknown("nothing to repeat")
    item = _Seq(out[-1:])
    if item[0][0] == "SUBPATTERN" and item[0][1][0] is None and not item[0][1][1] and not item[0][1][2]:
        item = item[0][1][3]
    kind = "MIN_REPEAT" if source.match("?") else "POSSESSIVE_REPEAT" if source.match("+") else "MAX_REPEAT"
    out[-1] = (kind, (low, high, item))


def _group(source: _Source, out: _Seq, first: bool) -> None:
    group, add, remove = True, 0, 0
    if source.match("?"):
        ch = source.take()
        if ch == "P" and source.match("<"):
            end = source.text.find(">", source.i)
            if end < 0:
                raise Unknown("group name")
            source.i = end + 1
        elif ch == "P" and source.match("="):   # a back-reference by name
            end = source.text.find(")", source.i)
            if end < 0:
                raise Unknown("group name")
            name, source.i = source.text[source.i:end], end + 1
            out.append(("GROUPREF", name))
            return
        elif ch == ">":
            sub = _alternatives(source)
            if not source.match(")"):
                raise Unknown("unclosed group")
            out.append(("ATOMIC_GROUP", sub))
            return
        elif ch == "(":   # a conditional: (?(group)yes|no)
            end = source.text.find(")", source.i)
            if end < 0:
                raise Unknown("group name")
            condition, source.i = source.text[source.i:end], end + 1
            yes = _sequence(source)
            no = _sequence(source) if source.match("|") else None
            if source.peek() == "|" or not source.match(")"):
                raise Unknown("conditional")
            out.append(("GROUPREF_EXISTS", (condition, yes, no)))
            return
        elif ch == ":":
            group = None
        elif ch == "#":
            end = source.text.find(")", source.i)
            if end < 0:
                raise Unknown("comment")
            source.i = end + 1
            return
        elif ch in "=!<":
            direction = 1
            if ch == "<":
                ch, direction = source.take(), -1
                if ch not in "=!":
                    raise Unknown("look-behind")
            sub = _alternatives(source)
            if not source.match(")"):
                raise Unknown("unclosed look-around")
            out.append(("ASSERT" if ch == "=" else "ASSERT_NOT", (direction, sub)))
            return
        elif ch in _FLAGS or ch == "-":
            source.i -= 1
            while source.peek() in _FLAGS:
                add |= _FLAGS[source.take()]
            if source.match("-"):
                while source.peek() in _FLAGS:
                    remove |= _FLAGS[source.take()]
            if (add | remove) & re.X:
                raise Unknown("verbose")
            if not remove and source.match(")"):   # flags for the whole pattern: compiled into regex.flags
                if not first or out:
                    raise Unknown("global flags not at the start")
                return
            if not source.match(":"):
                raise Unknown("flags")
            group = None
        else:
            raise Unknown("unknown extension")
    if group is not None:
        source.groups += 1
        group = source.groups
    sub = _alternatives(source)
    if not source.match(")"):
        raise Unknown("unclosed group")
    out.append(("SUBPATTERN", (group, add, remove, sub)))
