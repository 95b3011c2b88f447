"""The graph side: extraction records into RDF, and what is read from it.

Along the data flow, each package reading only those before it:

- ``kg.graph``: records → named graphs (``build``), the build folder's graph
  files (``store``), SHACL validation (``validate``);
- ``kg.query``: the two SPARQL engines, the library of named queries
  (``queries/*.rq``), result formats, the read-only endpoint (``serve``);
- ``kg.audit``: continuity across consecutive reports, plan versus actual,
  its charts, files and page;
- ``kg.site``: the offline HTML site;
- ``kg.pipeline``: ``kg build`` after the extraction, one graph handed from
  step to step; ``kg.cli``: the ``kg`` command.

``kg.namespaces`` (every IRI the graph uses) and ``kg.html`` (pages from
``kg/templates``) serve them all.
"""
