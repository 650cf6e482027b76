"""Durable storage of documents and everything derived from them."""
