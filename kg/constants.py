"""Every path, namespace and fixed name the project uses, named once."""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str, marker: str) -> Path:
    """A data folder: beside the package in a checkout, inside it when installed."""
    for candidate in (PACKAGE_DIR.parent / name, PACKAGE_DIR / name):
        if (candidate / marker).exists():
            return candidate
    return PACKAGE_DIR / name


ONTOLOGY_DIR = _data_dir("ontology", "lexicon.tsv")
SCHEMA_FILE = ONTOLOGY_DIR / "schema.ttl"
LEXICON_FILE = ONTOLOGY_DIR / "lexicon.tsv"                       # the hand-curated concepts
GENERATED_LEXICON_FILE = ONTOLOGY_DIR / "lexicon-generated.tsv"   # written only by kg.lexicon_build
CURATION_FILE = ONTOLOGY_DIR / "lexicon-curation.tsv"             # hand decisions on generated rows
CUES_FILE = ONTOLOGY_DIR / "cues.tsv"   # the verb cues of extraction: relation, regex, categories, example
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
HEADS_FILE = ONTOLOGY_DIR / "heads.tsv"      # head words that mark a category
FRAMES_FILE = ONTOLOGY_DIR / "frames.tsv"    # lead-in and heading frames of lists
ROUTES_FILE = ONTOLOGY_DIR / "routes.tsv"    # paths that name a route of spread ("through the bloodstream")
PARAPHRASES_FILE = ONTOLOGY_DIR / "paraphrases.tsv"   # phrasings that name a concept ("pressure on the spinal cord")
SIZES_FILE = ONTOLOGY_DIR / "sizes.tsv"      # the bounds and units of stated sizes ("up to 0.2 mm")
CODES_FILE = ONTOLOGY_DIR / "codes.tsv"      # letters a staging system defines ("N stands for lymph nodes")
QUERIES_DIR = ONTOLOGY_DIR / "queries"

SAMPLE_CORPUS_DIR = _data_dir("corpus", "metastasis.post.json")
DEFAULT_EXPORT_DIR = Path("exports")
GRAPH_BASENAME = "graph"
CACHE_NAME = ".kg-cache.sqlite"      # the rebuild cache, kept in the output folder (kg.cache)
FULL_FORMATS_MAX_POSTS = 1000       # above this many posts a build writes only N-Triples and TSV unless --formats says

VERSION = "0.1.0"

BASE = "https://w3id.org/cancer-spread/"
ONTOLOGY_IRI = BASE + "kg"
VERSION_IRI = f"{BASE}kg/{VERSION}"
KG = Namespace(BASE + "schema/")          # classes, properties, annotation properties
CONCEPT = Namespace(BASE + "concept/")    # one IRI per concept, ending with its key
STATEMENT = Namespace(BASE + "statement/")
EVIDENCE = Namespace(BASE + "evidence/")

OBO = Namespace("http://purl.obolibrary.org/obo/")
IAO = Namespace("http://purl.obolibrary.org/obo/IAO_")
OBOINOWL = Namespace("http://www.geneontology.org/formats/oboInOwl#")
OA = Namespace("http://www.w3.org/ns/oa#")
NCIT = Namespace("http://purl.obolibrary.org/obo/NCIT_")
MESH = Namespace("http://id.nlm.nih.gov/mesh/")
UMLS = Namespace("http://linkedlifedata.com/resource/umls/id/")
DEFINITION = IAO["0000115"]

# CURIE prefix -> IRI prefix of the vocabularies that cross-references may point to.
XREF_PREFIXES: dict[str, str] = {
    "NCIT": str(NCIT),
    "MESH": str(MESH),
    "UMLS": str(UMLS),
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "OBI": "http://purl.obolibrary.org/obo/OBI_",
    "MAXO": "http://purl.obolibrary.org/obo/MAXO_",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "EFO": "http://www.ebi.ac.uk/efo/EFO_",
    "SNOMEDCT": "http://snomed.info/id/",
}

PREFIXES: dict[str, object] = {
    "kg": KG, "concept": CONCEPT, "statement": STATEMENT, "evidence": EVIDENCE,
    "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "prov": PROV,
    "dcterms": DCTERMS, "obo": OBO, "IAO": IAO, "oboInOwl": OBOINOWL, "oa": OA,
    "NCIT": NCIT, "MESH": MESH, "UMLS": UMLS, "BFO": OBO["BFO_"], "RO": OBO["RO_"],
}
PREFIX_IRIS: dict[str, str] = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}   # as plain strings

# The relation names of the extraction vocabulary (the schema defines each one).
RELATIONS = (
    "is_a", "part_of", "precedes", "located_in", "originates_from", "spreads_via", "spreads_to",
    "detected_by", "influences", "treated_with", "causes", "mimics", "associated_with",
    "related_to", "distinct_from", "contrasted_with", "used_in", "smaller_than",
)
SYMMETRIC_RELATIONS = frozenset({"related_to", "distinct_from", "contrasted_with"})

CATEGORIES = (
    "SpreadPattern", "Neoplasm", "BiologicalProcess", "SpreadRoute", "AnatomicalSite",
    "Procedure", "DetectionMethod", "Staging", "Therapy", "ClinicalActivity", "ClinicalFinding",
    "DiscoveredConcept",
)

ASSERTION_COLUMNS = (
    "subject", "subject_label", "relation", "object", "object_label", "polarity", "hedged",
    "post", "source", "section", "sentence", "start", "end", "rule",
)

# Ingest limits for remote sources.
HTTP_TIMEOUT_S = 20.0            # per read, and per connection attempt
HTTP_DEADLINE_S = 60.0           # per request, from the connection to the last byte
HTTP_MAX_BYTES = 50 * 1024 * 1024
HTTP_PER_PAGE = 100
HTTP_MAX_PAGES = 1000            # pages followed through X-WP-TotalPages at most

# Ingest limit per post: its HTML (a post's content, or an HTML page) in megabytes (kg build --max-post-mb).
MAX_POST_MB = 5.0

# The SPARQL server (kg serve): seconds a query may run (--timeout-s).
QUERY_TIMEOUT_S = 30   # whole seconds (Oxigraph's --timeout-s)
# Where `kg build` keeps the lock of its output folder.
BUILD_LOCK_NAME = ".kg-build.lock"
