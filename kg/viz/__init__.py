"""The site's graph pages, in small steps: data → networkx → layout → pyvis → page.

- ``data``: what the built graph says, read with SPARQL from ``graph.trig``
  (the site shows the graph, not the extraction records);
- ``graphs``: the networkx graphs each page draws (overview, per theme,
  evolution over the years, one entity's neighbourhood);
- ``layout``: positions computed ahead, so no page runs physics;
- ``network``: networkx + positions → a pyvis ``Network`` → the node and
  edge lists and options vis-network reads;
- ``render``: the pages themselves, from ``kg/templates`` (our own HTML,
  CSS and JavaScript, everything inline, every text escaped).

``kg.site.write_site`` puts them together.
"""
