"""Which articles are versions of one article: in a batch (``batch``), against the store
(``stored``), by the pairwise rules both read (``rules``)."""
