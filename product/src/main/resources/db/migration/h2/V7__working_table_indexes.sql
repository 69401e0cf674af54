-- The embedded database joins through indexes: it keeps the working tables' indexes that PostgreSQL drops in its V7.
SELECT 1;
