"""Exporters, one small module per format, all behind the same interface: write(kg, rdf_graph, path)."""
