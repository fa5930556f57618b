DROP TABLE dataset_versions;
DROP TABLE postal_centroids;
DROP TABLE service_points;
