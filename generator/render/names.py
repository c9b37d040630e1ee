"""The Thai names readers see for what the code calls by id: a component by its catalogue
label (`Component.name`), a problem kind by its Thai title (generator/base/kinds.py).

Public pages and CSV files name things this way; ids stay in links, data attributes and
JSON (for tools), and beside the Thai name only where an officer types them."""

from __future__ import annotations

from collections.abc import Iterable

from generator.base.problems import get_kind
from generator.check.report import ItemStatus
from generator.load.catalogue import Catalogue, Item
from generator.load.project import Evidence

ALL_COMPONENTS = "ทุกองค์ประกอบ"


def component_name(item: Item | None, cid: str) -> str:
    """A component's Thai name; an id the catalogue does not have stays as written."""
    comp = item.component(cid) if item is not None else None
    return comp.name if comp is not None else cid


def component_names(catalogue: Catalogue, item_id: str, ids: Iterable[str]) -> list[str]:
    item = catalogue.item(item_id)
    return [component_name(item, cid) for cid in ids]


def evidence_components(st: ItemStatus, ev: Evidence) -> list[tuple[str, str]]:
    """(id, Thai name) of what an evidence entry counts for, for its table row: every
    component it claims; "ทุกองค์ประกอบ" when it claims all the item's claimable components
    (`components: all`, at least two); with none to claim (an item whose components are all
    decided from dates or settings, e.g. o28) the ones that cite it, else "ทุกองค์ประกอบ"."""
    claimable = [c.id for c in st.item.claimable]
    if ev.components:
        if len(claimable) >= 2 and set(ev.components) == set(claimable):
            return [("", ALL_COMPONENTS)]
        return [(cid, component_name(st.item, cid)) for cid in ev.components]
    citing = [(c.component.id, c.component.name) for c in st.components
              if any(e.index == ev.index for e in c.evidence)]
    return citing or [("", ALL_COMPONENTS)]


def kind_title(code: str) -> str:
    """A problem kind's Thai title (its code when no kind has it)."""
    try:
        return get_kind(code).title_th
    except KeyError:
        return code
