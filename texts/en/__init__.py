"""The English catalogue, one module per reader, with the same keys as the Vietnamese."""
