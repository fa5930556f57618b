DROP TABLE photo_thumbnails;
