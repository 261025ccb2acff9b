"""Readers, lights and cameras behind one protocol. No Qt, no imaging."""
