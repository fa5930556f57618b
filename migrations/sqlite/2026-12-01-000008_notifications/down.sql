DROP INDEX notifications_return;
DROP TABLE notifications;
