"""Reading reports in: text, HTML, feeds, JSONL, folders."""
