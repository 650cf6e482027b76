"""The only calls from the evaluation into the runtime package: documents, pipeline, contract.

When the runtime package is refactored, this module is the one to update; the rest of the
evaluation sees documents as opaque values and results as the export contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

from thucydides.evaluation.view import ExportView
from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import to_contract
from thucydides.geo.outlets import OutletHomes
from thucydides.ingest import read_path
from thucydides.ingest.documents import make_document
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline
from thucydides.store.db import Store

Doc = Document
Pipe = Pipeline
CHUNK = 128
"""Documents per pipeline call: big enough for spaCy's batching, small enough to free parses early."""


def build_pipeline() -> Pipeline:
    """Every stage, as `thucydides run` uses them."""
    return Pipeline()


def document(text: str, *, name: str, published: date | None = None, url: str | None = None,
             title: str | None = None, source: str = "evaluation") -> Doc:
    """A document made the way ingest makes one (furniture marked, id from the text)."""
    return make_document(text, source=source, name=name, url=url, title=title, published=published)


def read_folder(folder: Path) -> list[Doc]:
    """Every .txt report of a folder, in name order, read as `thucydides run` reads them."""
    return [d for p in sorted(folder.glob("*.txt")) for d in read_path(p)]


def _contract(analyses: Sequence[Analysis]) -> dict[str, Any]:
    return to_contract(ExportBundle.from_analyses(list(analyses)))


def export(pipeline: Pipeline, docs: Sequence[Doc]) -> ExportView:
    """One contract for all documents, as `bench/score_dev.py` builds it (no cross-document merge)."""
    analyses: list[Analysis] = []
    for start in range(0, len(docs), CHUNK):
        analyses += pipeline.run_documents(docs[start:start + CHUNK])
    return ExportView.from_contract(_contract(analyses))


def export_each(pipeline: Pipeline, docs: Iterable[Doc], store: Store | None = None,
                ) -> Iterator[tuple[Doc, ExportView]]:
    """One contract per document, so documents never share records; parses are freed chunk by chunk. With
    `store`, each document and its results are also stored, as `thucydides run` stores them."""
    chunk: list[Doc] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) == CHUNK:
            yield from _each(pipeline, chunk, store)
            chunk = []
    yield from _each(pipeline, chunk, store)


def _each(pipeline: Pipeline, chunk: list[Doc], store: Store | None) -> Iterator[tuple[Doc, ExportView]]:
    if store is not None and chunk:
        store.add_documents(chunk)
    for doc, analysis in zip(chunk, pipeline.run_documents(chunk), strict=True):
        if store is not None:
            store.save_analysis(analysis)
        yield doc, ExportView.from_contract(_contract([analysis]))


def doc_id(doc: Doc) -> str:
    return doc.id


def doc_url(doc: Doc) -> str | None:
    return doc.url


@contextmanager
def scratch_store() -> Iterator[Store]:
    """A store in a temporary folder, removed after (where a pass keeps what `thucydides run` would)."""
    with TemporaryDirectory(prefix="thucydides-eval-") as folder:
        store = Store(Path(folder) / "eval.db")
        try:
            yield store
        finally:
            store.close()


def learn_outlet_homes(store: Store) -> tuple[OutletHomes, set[str]]:
    """The outlets' homes learned over the stored documents, and the ids of those to process again with them:
    the code `thucydides run` runs after processing (`corpus/outlet_homes.py`)."""
    from thucydides.corpus.outlet_homes import learn_store_homes

    learned = learn_store_homes(store)
    return learned.homes, set(store.pending_ids())


def with_outlet_homes(pipeline: Pipeline, homes: OutletHomes) -> Pipeline:
    """The same stages, the places stage reading `homes` as the outlets' homes."""
    from thucydides.geo.stage import places_spec

    return Pipeline(names=pipeline.names, extra={"places": places_spec(homes)}, configs=pipeline.configs)


def doc_text(doc: Doc) -> str:
    return doc.text


def spacy_model() -> Language:
    """The spaCy pipeline the nlp stage loads, for the bare-spaCy throughput baseline."""
    from thucydides.ling.spacy_model import load_model

    return load_model()
