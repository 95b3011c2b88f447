"""Records → RDF: the named graphs of a corpus, their files, their SHACL check."""
