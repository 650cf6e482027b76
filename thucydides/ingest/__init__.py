"""Reading reports in: text, HTML, feeds, JSONL, folders.

    for item in iter_documents([Path("reports/")]):
        if isinstance(item, IngestFailure): print(item, file=sys.stderr)
        elif isinstance(item, IngestWarning): print("warning:", item, file=sys.stderr)
        else: store(item)
"""

from thucydides.ingest.errors import IngestError, IngestFailure, IngestWarning, Position
from thucydides.ingest.files import InputFile, find_inputs, printable
from thucydides.ingest.reader import expand_inputs, file_results, iter_documents, read_path

__all__ = ["IngestError", "IngestFailure", "IngestWarning", "InputFile", "Position", "expand_inputs",
           "file_results", "find_inputs", "iter_documents", "printable", "read_path"]
