"""Ways to run the pipeline over a store: in this process (`thucydides.runner`) or on a Dask cluster."""
