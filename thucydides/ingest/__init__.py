"""Reading reports in: text, HTML, feeds, JSONL, folders.

    for item in iter_documents([Path("reports/")]):
        if isinstance(item, IngestFailure): print(item, file=sys.stderr)
        else: store(item)
"""

from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.ingest.reader import expand_inputs, iter_documents, read_path

__all__ = ["IngestError", "IngestFailure", "expand_inputs", "iter_documents", "read_path"]
