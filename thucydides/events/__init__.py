"""Events: the units of a report the learned coder reads as ACLED events, with their actors, place, date and
toll read from the linguistic layer (the stage is `thucydides.events.stage`)."""
