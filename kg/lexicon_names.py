"""The names a source term gives the generated lexicon: the prose rules, and the site names of metastases."""
from __future__ import annotations

import re

from .lexicon import is_acronym, term_key
from .ontology_io import Ontology, Term

# Prose rules (general): a concept whose label matches DROP_LABEL is a compositional or administrative
# term, not something prose names; a name that matches DROP_NAME is an inverted, qualified or "NOS" form.
DROP_LABEL = re.compile(
    r"\b(AJCC|v[5-9]|grade|FIGO|childhood|adult|recurrent|refractory|unresectable|resectable|locally advanced|"
    r"advanced|by site|by |pathway|present|category|obsolete|lugano|ann arbor|clinical course|positive|negative|"
    r"score|test result|classification|finding|part|region|stage [0-4iv]|other|unknown|not otherwise)\b|NOS\b|"
    r"[\[\]();:,/]|\d{3,}", re.I)
DROP_NAME = re.compile(r"NOS\b|[\[\]();:,]|\bnot otherwise\b|\bunspecified\b|\btype \d\b", re.I)
NAME_SUFFIXES = ((re.compile(r"^clinical (.+)$"), r"\1"), (re.compile(r"^(.+?) (?:agent )?procedure$"), r"\1"),
                 (re.compile(r"^(.+?) agent therapy$"), r"\1 therapy"),
                 (re.compile(r"^(.+ ablation) therapy$"), r"\1"))
_PROCEDURE_WORD = re.compile(r"(graphy|scopy|ectomy|otomy|ostomy|centesis|plasty|therapy|metry|opsy)$", re.I)
_ADJECTIVE_END = re.compile(r"[a-z](al|ic|ous|ar|ary)$")   # "Medullary", "Sacral": an adjective alone names nothing
MIN_ACRONYM = 3   # two-letter acronyms are read as too many other things in prose
CODE_PREFIXES = ("NCIT", "MAXO", "UBERON", "MONDO", "MESH")

# Site metastases by their prose names ("skin metastasis", "cutaneous metastases", "CNS metastases"): NCIt
# gives a metastatic neoplasm the site it is in (has metastatic anatomic site) and, for a neoplasm of a site,
# names that put the site's adjective for its noun ("Liver Carcinoma" / "Hepatic Carcinoma").
METASTATIC_BRANCH = "NCIT:C3261"           # Metastatic Neoplasm
METASTATIC_NEOPLASM = "NCIT:C36263"        # Metastatic Malignant Neoplasm: the kind qualified by site only
NEOPLASM_BY_MORPHOLOGY = "NCIT:C4741"      # a kind (lymphoma, leukemia, carcinoma ...): not in a site only
METASTATIC_SITE, PRIMARY_SITE = "NCIT:R102", "NCIT:R101"
SITE_RELATIONS = ("NCIT:R100", "NCIT:R101", "NCIT:R102")   # associated, primary, metastatic anatomic site
MIN_ADJECTIVE_EVIDENCE = 2   # concepts whose names pair the site's noun with the adjective


def derived_names(name: str) -> list[str]:
    """The name and the plain forms prose uses for it ("flow cytometry" for "flow cytometry procedure")."""
    out = [name]
    for pattern, repl in NAME_SUFFIXES:
        for n in list(out):
            m = pattern.match(n)
            if m:
                out.append(m.expand(repl))
    return out


def _adjective(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word.lower())


def _prose_names(term: Term) -> list[str]:
    names = []
    for raw in [term.label, *term.exact_synonyms()]:
        for name in derived_names(raw.strip()):
            if not name or DROP_NAME.search(name) or len(term_key(name)) > 6:
                continue
            if " " not in name and name != term.label and (_adjective(name) or _ADJECTIVE_END.search(name) or (
                    name not in (raw, *term.exact_synonyms()) and not _PROCEDURE_WORD.search(name))):
                continue   # "invasive", "malignant"; "introduction" from "introduction procedure"
            if is_acronym(name) and len(re.sub(r"[^A-Za-z0-9]", "", name)) < MIN_ACRONYM:
                continue
            if name.isupper() and not is_acronym(name):   # an all-caps duplicate
                continue
            names.append(name)
    best: dict[tuple, str] = {}   # one form of each name: the one with the fewest capitals
    for name in names:
        k = term_key(name)
        if k not in best or sum(c.isupper() for c in name) < sum(c.isupper() for c in best[k]):
            best[k] = name
    label_key = term_key(term.label)
    return [term.label if term_key(n) == label_key else best[term_key(n)]
            for n in dict.fromkeys(best[term_key(n)] for n in names)]


class SiteNames:
    """The prose names of the anatomic sites of an ontology (nouns, and adjectives the source pairs with them),
    and the "SITE metastasis" names of its metastatic neoplasms qualified by site only."""

    def __init__(self, onto: Ontology):
        self.onto = onto
        self.adjectives: dict[str, set[str]] = {}
        evidence: dict[tuple[str, str], set[str]] = {}
        for term in onto.terms.values():
            names = [tuple(n.lower().split()) for n in [term.label, *term.exact_synonyms()]]
            for prop, site in term.relations:
                if prop in SITE_RELATIONS and site in onto.terms:
                    for word in _paired_words(names, self._site_nouns(site)):
                        evidence.setdefault((site, word), set()).add(term.id)
        for (site, word), terms in evidence.items():
            if len(terms) >= MIN_ADJECTIVE_EVIDENCE and _ADJECTIVE_END.search(word):
                self.adjectives.setdefault(site, set()).add(word)
        for site, term in onto.terms.items():   # the site's own one-word adjective names ("Osseous")
            for name in term.exact_synonyms():
                if " " not in name and not name.isupper() and (_adjective(name) or _ADJECTIVE_END.search(name)):
                    self.adjectives.setdefault(site, set()).add(name.lower())

    def _site_nouns(self, site: str) -> set[tuple[str, ...]]:
        term = self.onto.terms[site]
        return {tuple(n.lower().split()) for n in [term.label, *term.exact_synonyms()]}

    def _site_only(self, tid: str, seen: frozenset = frozenset()) -> bool:
        """A metastatic neoplasm in a site, of no named kind and no primary: each of its parents that is a
        metastatic neoplasm is the metastatic malignant neoplasm itself or such a neoplasm in a site."""
        term = self.onto.terms.get(tid)
        if term is None or tid in seen:
            return False
        props = [p for p, _ in term.relations]
        if METASTATIC_SITE not in props or PRIMARY_SITE in props or self._under(tid, NEOPLASM_BY_MORPHOLOGY):
            return False
        return all(p == METASTATIC_NEOPLASM or self._site_only(p, seen | {tid})
                   for p in term.parents if self._under(p, METASTATIC_BRANCH))

    def _under(self, tid: str, root: str) -> bool:
        """The term is the root or one of its descendants."""
        seen, stack = set(), [tid]
        while stack:
            t = stack.pop()
            if t == root:
                return True
            if t not in seen and t in self.onto.terms:
                seen.add(t)
                stack.extend(self.onto.terms[t].parents)
        return False

    def metastasis_names(self, term: Term) -> list[str]:
        """ "SITE metastasis" for the site's nouns and adjectives, when the term is a metastatic neoplasm in a
        site and no more; else nothing."""
        if not self._site_only(term.id):
            return []
        out = []
        for prop, site in term.relations:
            if prop != METASTATIC_SITE or site not in self.onto.terms:
                continue
            adjectives = sorted(self.adjectives.get(site, ()))
            label = self.onto.terms[site].label
            nouns = [n if is_acronym(n) else n.lower() for n in _prose_names(self.onto.terms[site])
                     if re.fullmatch(r"[\w' -]+", n) and (n == label or not set(n.lower().split()) & set(adjectives))]
            out += [f"{n} metastasis" for n in [*nouns, *adjectives]]   # not "hepatic organ system metastasis"
        return list(dict.fromkeys(out))


def _paired_words(names: list[tuple[str, ...]], nouns: set[tuple[str, ...]]) -> set[str]:
    """The words that stand for one of the nouns in another of the names ("hepatic" in "hepatic carcinoma"
    beside "liver carcinoma")."""
    out = set()
    for a in names:
        for noun in nouns:
            n = len(noun)
            for i in range(len(a) - n + 1):
                if a[i:i + n] != noun:
                    continue
                for b in names:
                    if len(b) == len(a) - n + 1 and b[:i] == a[:i] and b[i + 1:] == a[i + n:] \
                            and (b[i],) not in nouns:
                        out.add(b[i])
    return out


def _label(term: Term, names: list[str]) -> str:
    """The source label, in sentence case when the source also gives that form ("Serum sickness"), in the
    plain form prose uses when the label only adds "procedure" or "clinical" ("needle biopsy")."""
    plain = [n for n in derived_names(term.label)[1:] if n in names]
    if plain:
        return plain[-1]
    for name in names:
        if name.lower() == term.label.lower() and name != term.label and name[0].isupper() \
                and sum(c.isupper() for c in name) < sum(c.isupper() for c in term.label):
            return name
    return term.label
