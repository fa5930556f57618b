DROP TABLE node_probes;
