"""Text made safe for every export and for the terminal: no control characters, lone surrogates, escapes or credentials."""
from __future__ import annotations

import re

# What XML 1.0 (so GraphML, RDF/XML, HTML) cannot hold, and C1 controls: C0 controls but tab and
# line breaks, DEL and C1, lone surrogates (no UTF-8 form), U+FFFE and U+FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Terminal escape sequences (CSI, OSC and two-character escapes), then any control left.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_]?)|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]+")
# Credentials in a URL: user:password@ and the values of query parameters that carry secrets.
_USERINFO = re.compile(r"(?<=//)[^/?#@\s]*@")
_SECRET_PARAM = re.compile(r"(?i)([?&;](?:[\w.-]*(?:token|key|secret|pass|password|pwd|auth|sig|signature|session|"
                           r"credential|code)[\w.-]*)=)[^&#;\s]*")


def _safe_char(match: re.Match) -> str:
    c = match.group()
    if "\ud800" <= c <= "\udfff":
        return "\ufffd"
    return " " if c in "\x0b\x0c" else ""


def sanitize(text: str) -> str:
    """The text with what no export can hold removed (lone surrogates become U+FFFD, VT/FF a space)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_safe_char, text)


def printable(text: str) -> str:
    """Text for one terminal line: escape sequences removed, other control characters as one space."""
    return _CONTROL.sub(" ", _ESCAPE.sub("", text))


def redact_url(text: str) -> str:
    """A URL (or a message holding one) with user:password@ and secret query values replaced by ***."""
    return _SECRET_PARAM.sub(r"\1***", _USERINFO.sub("***@", text))


def decode_text(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes as text: UTF-8, UTF-16 or UTF-32 when a byte-order mark says so, else the given encoding."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    return data.decode(encoding)
