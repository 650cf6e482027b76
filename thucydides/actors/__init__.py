"""Actor recognition: names of armed groups, forces, authorities and speakers in a report."""
