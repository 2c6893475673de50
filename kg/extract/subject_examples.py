"""Examples take a broad concept's relation: of a subject, after it or after its object ('Some cancers, such as
prostate cancer, spread to the spine'), and of an object, in its place ('come from other cancers, such as ...')."""
from __future__ import annotations

from .document import EXAMPLES_OPEN, _Doc

WORDS = frozenset({"such", "including", "like", "example", "instance", "e", "especially", "particularly"})
RELATIONS = frozenset({"spreads_to", "originates_from", "causes", "treated_with", "detected_by", "spreads_via"})


def subject_examples(d: _Doc) -> None:
    """A broad subject (cancer, metastasis) related by a sentence's cue to objects, and examples after those
    objects of the subject's own category, not of the objects': each example is related to the same objects; so
    are the examples set right after a subject the sentence makes them kinds of ("treatments such as surgery")."""
    for s in d.sentences_with(WORDS):
        ms = d.sent_mentions(s)
        found = [f for f in d.found if f.sentence is s and f.relation in RELATIONS and not f.rule.startswith(
            ("cooccurrence:", "examples:"))]
        kinds = {(f.subject, f.object) for f in d.found if f.sentence is s and f.relation == "is_a"}
        if not found:
            continue
        for i, m in enumerate(ms):
            gap_start = ms[i - 1].end if i else None
            if gap_start is None or not EXAMPLES_OPEN.match(d.doc.text[gap_start:m.start]):
                continue
            before = ms[i - 1]
            run = d.coord_run(ms, i, s.text, s.start)
            for f in found:
                if before.key == f.subject and i + len(run) < len(ms) and ms[i + len(run)].key == f.object \
                        and all(d.cat(x.key) == d.cat(f.subject) for x in run) \
                        and (d.umbrella(f.subject) or all((x.key, f.subject) in kinds for x in run)):
                    _give(d, run, f, "examples:subject")   # the examples stand between the subject and its object
                    continue
                subject_at = [x for x in ms[:i] if x.key == f.subject] if d.umbrella(f.subject) else []
                if not subject_at or before.key != f.object or any(d.cat(x.key) != d.cat(f.subject) for x in run):
                    continue   # the examples follow the object and are of the subject's kind, not the object's
                if d.cat(f.object) == d.cat(f.subject):
                    continue   # "cancer causes other cancers, such as ...": the examples may be the object's
                _give(d, run, f, "examples:subject")


def _give(d: _Doc, run: list, f, rule: str) -> None:
    """Each specific example takes the broad subject's relation to the same object."""
    for x in run:
        if not d.umbrella(x.key):
            d.add(x.key, f.relation, f.object, f.sentence, rule, negative=f.negative, hedged=f.hedged)


OBJECT_RELATIONS = RELATIONS | {"located_in", "used_in"}


def object_examples(d: _Doc) -> None:
    """'Bone metastases come from many cancers, such as breast and prostate cancer': the examples set right after
    a broad object (cancer, tumour, metastasis, or a concept too broad to relate) take its relation, from the same
    subject, in its place; a specific class keeps it ("detected by imaging, such as CT and MRI")."""
    for s in d.sentences_with(WORDS):
        ms = d.sent_mentions(s)
        here = [f for f in d.found if f.sentence is s and f.relation in OBJECT_RELATIONS and not f.rule.startswith(
            ("cooccurrence:", "examples:"))]
        for i in range(1, len(ms)):
            head = ms[i - 1]
            if not (d.umbrella(head.key) or d.concepts[head.key].generic) \
                    or not EXAMPLES_OPEN.match(d.doc.text[head.end:ms[i].start]):
                continue   # (a specific class keeps the relation: "detected by imaging, such as CT")
            run = [x for x in d.coord_run(ms, i, s.text, s.start) if d.cat(x.key) == d.cat(head.key) and x.key != head.key]
            for f in [f for f in here if f.object == head.key] if run else ():
                for x in run:
                    d.add(f.subject, f.relation, x.key, s, "examples:object", negative=f.negative, hedged=f.hedged)
                d.found = [g for g in d.found if g is not f]
