"""The interactive HTML view (see kg.visualize): one self-contained file."""
from __future__ import annotations

SUFFIX = ".html"


def render(kg) -> str:
    from ..visualize import render_html
    from .graphml import to_networkx

    return render_html(to_networkx(kg))


def write(kg, nt_path, handle) -> None:
    handle.write(render(kg).encode("utf-8"))
