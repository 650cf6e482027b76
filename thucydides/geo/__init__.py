"""Places: gazetteer, toponym recognition and resolution."""
