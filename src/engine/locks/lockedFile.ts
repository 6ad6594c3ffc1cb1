// Which of a database's files a lock is on: the database itself, its -wal or its -shm.
export type LockedFile = 'db' | 'wal' | 'shm';
