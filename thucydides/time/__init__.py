"""Time: date expressions to intervals, publication-date inference."""
