"""Language processing shared by the extraction stages: spaCy, actor recognition."""
