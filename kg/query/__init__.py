"""SPARQL over a built graph: engines, the library of named queries, result formats, the endpoint."""
