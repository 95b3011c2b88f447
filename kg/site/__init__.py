"""The offline site, in small steps: data → networkx → layout → pyvis → page.

- ``data``: what the built graph says, read with SPARQL (the site shows the
  graph, not the extraction records);
- ``graphs``: the networkx graphs each page draws (overview, per theme,
  evolution over the years, one entity's neighbourhood);
- ``layout``: positions computed ahead, so no page runs physics;
- ``network``: networkx + positions → a pyvis ``Network`` → the node and
  edge lists and options vis-network reads;
- ``pages``: each page's content; ``write``: the pages written, through
  ``kg.html`` (our own templates, everything inline, every text escaped).
"""
