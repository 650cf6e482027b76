"""The linguistic layer every extraction stage reads: the spaCy parse, sentences, clauses, arguments."""
